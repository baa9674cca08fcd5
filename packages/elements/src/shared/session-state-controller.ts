import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  session?: CareRecordSession;
}

/**
 * Re-renders the host whenever its session's state changes, following the session as it appears,
 * changes or goes. On its own (the consent gate) it subscribes to no section, so it can never
 * cause a fetch; {@link SectionController} adds one section.
 */
export class SessionStateController implements ReactiveController {
  protected session: CareRecordSession | undefined;

  /**
   * @param sessionOf which session to follow: the host's `session` property by default; an
   *   element that takes its session from more than one place (`<dcr-record>`) says which.
   */
  constructor(
    protected readonly host: SessionHost,
    private readonly sessionOf: () => CareRecordSession | undefined = () => host.session,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.sessionOf());
  }

  hostUpdate(): void {
    if (this.sessionOf() !== this.session) this.follow(this.sessionOf());
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  protected stateChanged(): void {
    this.host.requestUpdate();
  }

  private readonly onStateChange = () => this.stateChanged();

  protected follow(session: CareRecordSession | undefined): void {
    this.session?.removeEventListener('statechange', this.onStateChange);
    this.session = session;
    session?.addEventListener('statechange', this.onStateChange);
  }
}
