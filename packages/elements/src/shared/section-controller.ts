import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareRecordSession, SectionName, SectionSnapshot } from '@dcr-elements/core';

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  session?: CareRecordSession;
}

const VIEWING = new Set(['granted', 'override', 'loading', 'ready', 'partial']);

/**
 * Follows one section of the host's session: subscribes when the session appears or changes,
 * re-renders on every snapshot and state change, and forgets the snapshot whenever the session
 * stops viewing (patient switch, refusal, end). `current` returns a snapshot only when it is for
 * the session's current patient: an element can never render another patient's value.
 */
export class SectionController<K extends SectionName> implements ReactiveController {
  private session: CareRecordSession | undefined;
  private snapshot: SectionSnapshot<K> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: SessionHost,
    readonly section: K,
  ) {
    host.addController(this);
  }

  /** The latest snapshot for the session's current patient, if any. */
  get current(): SectionSnapshot<K> | undefined {
    const patient = this.session?.patient?.nhsNumber;
    return this.snapshot && patient && this.snapshot.patient.nhsNumber === patient ? this.snapshot : undefined;
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

  private readonly onStateChange = () => {
    if (!VIEWING.has(this.session?.state ?? '')) this.snapshot = undefined;
    this.host.requestUpdate();
  };

  private follow(session: CareRecordSession | undefined): void {
    this.unsubscribe?.();
    this.session?.removeEventListener('statechange', this.onStateChange);
    this.unsubscribe = undefined;
    this.snapshot = undefined;
    this.session = session;
    if (!session) return;
    session.addEventListener('statechange', this.onStateChange);
    this.unsubscribe = session.subscribe(this.section, (snapshot) => {
      this.snapshot = snapshot;
      this.host.requestUpdate();
    });
  }
}
