import type { ReactiveController } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';
import type { SessionHost } from './section-controller.js';

/**
 * Re-renders the host whenever its session's state changes, following the session as it appears,
 * changes or goes. For elements that show the session itself (the consent gate) rather than a
 * section: it subscribes to no section, so it can never cause a fetch.
 */
export class SessionStateController implements ReactiveController {
  private session: CareRecordSession | undefined;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.host.session);
  }

  hostUpdate(): void {
    if (this.host.session !== this.session) this.follow(this.host.session);
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private readonly onStateChange = () => this.host.requestUpdate();

  private follow(session: CareRecordSession | undefined): void {
    this.session?.removeEventListener('statechange', this.onStateChange);
    this.session = session;
    session?.addEventListener('statechange', this.onStateChange);
  }
}
