import type { CareRecordSession, SectionName, SectionSnapshot } from '@dcr-elements/core';
import { SessionStateController, type SessionHost } from './session-state-controller.js';

export type { SessionHost };

const VIEWING = new Set(['granted', 'override', 'loading', 'ready', 'partial']);

/**
 * Follows one section of the host's session: subscribes when the session appears or changes,
 * re-renders on every snapshot and state change, and forgets the snapshot whenever the session
 * stops viewing (patient switch, refusal, end). `current` returns a snapshot only when it is for
 * the session's current patient: an element can never render another patient's value.
 */
export class SectionController<K extends SectionName> extends SessionStateController {
  private snapshot: SectionSnapshot<K> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    host: SessionHost,
    readonly section: K,
  ) {
    super(host);
  }

  /** The latest snapshot for the session's current patient, if any. */
  get current(): SectionSnapshot<K> | undefined {
    const patient = this.session?.patient?.nhsNumber;
    return this.snapshot && patient && this.snapshot.patient.nhsNumber === patient
      ? this.snapshot
      : undefined;
  }

  protected override stateChanged(): void {
    if (!VIEWING.has(this.session?.state ?? '')) this.snapshot = undefined;
    super.stateChanged();
  }

  protected override follow(session: CareRecordSession | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.snapshot = undefined;
    super.follow(session);
    this.unsubscribe = session?.subscribe(this.section, (snapshot) => {
      this.snapshot = snapshot;
      this.host.requestUpdate();
    });
  }
}
