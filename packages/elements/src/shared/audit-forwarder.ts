import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuditRecord, CareRecordSession } from '@dcr-elements/core';
import { DcrAuditEvent } from '../events.js';

/**
 * Re-dispatches a session's audit records from the host as `dcr-audit` DOM events, following the
 * session as it appears, changes or goes, and only while the host is connected.
 */
export class AuditForwarder implements ReactiveController {
  private source: CareRecordSession | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly sessionOf: () => CareRecordSession | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.sessionOf());
  }

  hostUpdate(): void {
    if (this.host.isConnected && this.sessionOf() !== this.source) this.follow(this.sessionOf());
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private readonly forward = (event: Event) => {
    this.host.dispatchEvent(new DcrAuditEvent((event as CustomEvent<AuditRecord>).detail));
  };

  private follow(session: CareRecordSession | undefined): void {
    this.source?.removeEventListener('dcr-audit', this.forward);
    this.source = session;
    session?.addEventListener('dcr-audit', this.forward);
  }
}
