import type { CareRecordSession, SectionName, SectionSnapshot } from '@dcr-elements/core';
import { SessionStateController, type SessionHost } from './session-state-controller.js';

export type { SessionHost };

/**
 * Follows one section of the host's session: subscribes when the session appears or changes and
 * re-renders on every snapshot and state change. It keeps no copy of the record: `current` reads
 * the session's own gate at every render (a live grant by the clock, the current patient, the
 * right-patient check passed), so whatever ends the grant (a switch, an expiry, an end, a
 * refusal) empties the element at its next render, inside a consent gate or not.
 */
export class SectionController<K extends SectionName> extends SessionStateController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    host: SessionHost,
    readonly section: K,
  ) {
    super(host);
  }

  /** The latest snapshot for the session's current patient, while the session may show it. */
  get current(): SectionSnapshot<K> | undefined {
    return this.session?.current(this.section);
  }

  protected override follow(session: CareRecordSession | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.follow(session);
    this.unsubscribe = session?.subscribe(this.section, () => this.host.requestUpdate());
  }
}
