import type { AuditRecord, AuditTrail } from '../audit/audit-record.js';
import type { AuditSink } from '../audit/audit-sink.js';
import { createAuditTrail } from '../audit/audit-trail.js';
import {
  decideConsent,
  isLiveGrant,
  revokeGrant,
  validateConsentDecision,
  type Grant,
  type OverrideReason,
} from '../consent/consent.js';
import { RecordError } from '../http/errors.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import { identityMismatch } from '../policy/identity.js';
import { decideAccess, resolvePolicy, type AccessPolicy } from '../policy/policy.js';
import {
  validateHostPatient,
  validateViewer,
  type HostPatient,
  type ViewerContext,
} from '../policy/viewer.js';
import { applyEntryPolicy } from '../policy/withhold.js';
import type { RecordSource } from '../sources/source.js';
import { SectionStore, type SectionSnapshot } from './section-store.js';
import type { SessionState } from './session-state.js';

export interface CareRecordSessionOptions {
  source: RecordSource;
  /** The viewing clinician; validated (bad input gives `no-context`). */
  viewer: unknown;
  /**
   * Where audit records go: a sink (`fhirAuditSink({ url })`, `callbackAuditSink(fn)`), which
   * the session puts behind the durable IndexedDB outbox, or a trail of the host's own.
   * Every attempt, decision, refusal, override, view and end is recorded.
   */
  audit: AuditSink | AuditTrail;
  policy?: Partial<AccessPolicy>;
  clock?: () => Date;
  /** Audit record ids; defaults to `crypto.randomUUID()`. */
  newId?: () => string;
}

type Listener = (snapshot: SectionSnapshot<SectionName>) => void;

const UNKNOWN_VIEWER: ViewerContext = {
  userId: 'unknown',
  name: 'unknown',
  roles: [],
  organisation: 'UNKNOWN',
  setting: 'emergency',
};

/**
 * One clinician viewing one patient's record at a time: access policy, consent to view, the
 * right-patient check, the entry policy and the audit trail around the section store. Elements
 * subscribe here; they never see a value before a grant, for another patient, or withheld.
 *
 * Events: `statechange` (read `state`), and `dcr-audit` (a CustomEvent whose detail is the audit
 * record: identities and decisions only, no clinical content).
 */
export class CareRecordSession extends EventTarget {
  private readonly policy: AccessPolicy;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly store: SectionStore;
  private readonly auditTrail: AuditTrail;
  private readonly viewerCheck: ReturnType<typeof validateViewer>;
  private currentState: SessionState = 'no-context';
  private reason: string | undefined = 'No patient has been set.';
  private host: HostPatient | undefined;
  private grant: Grant | undefined;
  private grantTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every patient switch and end: async work from an older generation is ignored. */
  private generation = 0;
  private verified = false;
  private readonly listeners = new Map<SectionName, Set<Listener>>();
  private readonly latest = new Map<SectionName, SectionSnapshot<SectionName>>();
  private readonly storeSubscriptions = new Map<SectionName, () => void>();
  private readonly shown = new Set<SectionName>();
  /** Callers of `section()` still waiting: told when the view stops, never left hanging. */
  private readonly waiting = new Set<(error: RecordError) => void>();

  constructor(options: CareRecordSessionOptions) {
    super();
    this.policy = resolvePolicy(options.policy);
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.store = new SectionStore(options.source, this.clock);
    this.auditTrail =
      'send' in options.audit
        ? createAuditTrail({ sink: options.audit, clock: this.clock })
        : options.audit;
    this.viewerCheck = validateViewer(options.viewer);
    if (!this.viewerCheck.ok) this.reason = this.viewerCheck.reason;
  }

  /** The DESIGN §2 state. */
  get state(): SessionState {
    return this.currentState;
  }

  /** A plain-English, PHI-free reason for refusal and no-context states. */
  get stateReason(): string | undefined {
    return this.reason;
  }

  /** The patient as the host identified them (for the consent gate); never fetched data. */
  get patient(): HostPatient | undefined {
    return this.host;
  }

  get viewer(): ViewerContext | undefined {
    return this.viewerCheck.ok ? this.viewerCheck.value : undefined;
  }

  /** `consent` or `override` while a grant is live; elements show the override banner from it. */
  get basis(): Grant['basis'] | undefined {
    return this.liveGrant()?.basis;
  }

  get overrideReason(): OverrideReason | undefined {
    return this.liveGrant()?.reason;
  }

  /** Sets (or switches) the patient: ends any view in progress, then checks access. */
  setPatient(input: unknown): void {
    this.stopViewing();
    this.host = undefined;
    const generation = this.generation;
    const viewer = this.viewer;
    const patient = validateHostPatient(input);
    const nhsNumber = patient.ok ? patient.value.nhsNumber : undefined;
    if (!viewer || !patient.ok) {
      const reason = !this.viewerCheck.ok
        ? this.viewerCheck.reason
        : !patient.ok
          ? patient.reason
          : undefined;
      this.audit({ action: 'attempt', outcome: 'refused', detail: 'no-context' }, nhsNumber);
      this.setState('no-context', reason);
      return;
    }
    this.host = patient.value;
    this.store.setPatient({ nhsNumber: patient.value.nhsNumber });
    this.audit({ action: 'attempt', outcome: 'success' });
    this.setState('loading');
    decideAccess(viewer, this.policy).then(
      (decision) => {
        if (generation !== this.generation) return;
        if (decision === 'permitted') {
          this.audit({ action: 'access-decision', outcome: 'success', detail: 'permitted' });
          this.setState('awaiting-consent');
        } else {
          this.audit({ action: 'access-decision', outcome: 'refused', detail: decision });
          this.setState(
            decision,
            decision === 'not-permitted'
              ? 'Your role does not permit viewing GP records.'
              : 'Your organisation is not in the information sharing agreement for this record.',
          );
        }
      },
      () => {
        if (generation !== this.generation) return;
        this.audit({ action: 'error', outcome: 'failure', detail: 'agreement-check-failed' });
        this.setState('unavailable', 'The sharing agreement could not be checked.');
      },
    );
  }

  /** Records the patient's answer: "yes", "no", or a duty-of-care override with a coded reason. */
  recordConsent(input: unknown): Promise<void> {
    if (this.currentState !== 'awaiting-consent' && this.currentState !== 'consent-declined') {
      return Promise.reject(
        new Error(
          `Consent can only be recorded while awaiting it (state is ${this.currentState}).`,
        ),
      );
    }
    const checked = validateConsentDecision(input);
    if (!checked.ok) return Promise.reject(new TypeError(checked.reason));
    const decision = checked.value;
    const host = this.host!;
    if (decision.decision === 'declined') {
      this.audit({ action: 'consent-recorded', outcome: 'refused', detail: 'declined' });
      this.setState('consent-declined', 'The patient declined to have their GP record viewed.');
      return Promise.resolve();
    }
    const grant = decideConsent(decision, host.nhsNumber, this.clock(), this.policy.grantMinutes)!;
    this.grant = grant;
    if (decision.decision === 'override') {
      this.audit({
        action: 'override',
        outcome: 'success',
        basis: 'override',
        overrideReason: decision.reason,
        ...(decision.note && { overrideNote: decision.note }),
        alert: true,
      });
    } else {
      this.audit({
        action: 'consent-recorded',
        outcome: 'success',
        basis: 'consent',
        detail: 'granted',
      });
    }
    const generation = this.generation;
    this.grantTimer = setTimeout(() => {
      if (generation === this.generation) this.end('grant-expired');
    }, this.policy.grantMinutes * 60_000);
    this.setState(grant.basis === 'override' ? 'override' : 'granted');
    this.store.authorise(grant);
    // The right-patient check comes first: nothing else is published until it passes.
    this.follow('demographics');
    for (const section of this.listeners.keys()) this.follow(section);
    return Promise.resolve();
  }

  /**
   * Calls `listener` with the section's snapshots for the current patient: loading, ready (after
   * the right-patient check and the entry policy) or error. Nothing arrives before a grant.
   */
  subscribe<K extends SectionName>(
    section: K,
    listener: (snapshot: SectionSnapshot<K>) => void,
  ): () => void {
    let set = this.listeners.get(section);
    if (!set) this.listeners.set(section, (set = new Set()));
    set.add(listener as Listener);
    const latest = this.latest.get(section);
    if (latest) listener(latest as SectionSnapshot<K>);
    if (this.liveGrant()) this.follow(section);
    return () => set.delete(listener as Listener);
  }

  /** The section's value for the current patient. Throws when there is no live grant. */
  async section<K extends SectionName>(section: K): Promise<SectionValues[K]> {
    if (!this.liveGrant())
      throw new Error(
        'The record cannot be read: there is no consent or override for this patient.',
      );
    return new Promise((resolve, reject) => {
      // The listener may run at once (a loaded section), before subscribe has returned.
      let settled = false;
      const stop = (error: RecordError) => {
        if (settled) return;
        settled = true;
        this.waiting.delete(stop);
        queueMicrotask(() => unsubscribe());
        reject(error);
      };
      this.waiting.add(stop);
      const unsubscribe = this.subscribe(section, (snapshot) => {
        if (snapshot.status === 'loading' || settled) return;
        if (snapshot.status === 'error') return stop(snapshot.error);
        settled = true;
        this.waiting.delete(stop);
        queueMicrotask(() => unsubscribe());
        resolve(snapshot.value);
      });
    });
  }

  /** Asks again for sections that failed. */
  retry(section?: SectionName): void {
    for (const name of section ? [section] : [...this.latest.keys()]) {
      if (this.latest.get(name)?.status === 'error') this.store.retry(name);
    }
  }

  /** Elements call this once a section is on screen, for the audit trail (once per section per view). */
  markShown(section: SectionName): void {
    if (!this.liveGrant() || this.shown.has(section)) return;
    this.shown.add(section);
    this.audit({ action: 'section-shown', outcome: 'success', sections: [section] });
  }

  /** Ends viewing: the grant ends, in-flight work stops, nothing stays in memory. */
  end(detail = 'ended-by-user'): void {
    if (this.currentState === 'ended') return;
    const hadPatient = this.host !== undefined;
    this.stopViewing();
    if (hadPatient) this.audit({ action: 'end', outcome: 'success', detail });
    this.host = undefined;
    this.setState(
      'ended',
      detail === 'grant-expired'
        ? 'The time allowed for this view has run out.'
        : 'Viewing has ended.',
    );
  }

  private liveGrant(): Grant | undefined {
    return this.host && isLiveGrant(this.grant, this.host.nhsNumber, this.clock())
      ? this.grant
      : undefined;
  }

  private stopViewing(): void {
    this.generation++;
    revokeGrant(this.grant);
    this.grant = undefined;
    clearTimeout(this.grantTimer);
    for (const unsubscribe of this.storeSubscriptions.values()) unsubscribe();
    this.storeSubscriptions.clear();
    this.latest.clear();
    this.shown.clear();
    this.verified = false;
    this.store.setPatient(undefined);
    for (const stop of [...this.waiting]) stop(new RecordError('aborted'));
  }

  /** Subscribes to the store for a section, once per view. */
  private follow(section: SectionName): void {
    if (this.storeSubscriptions.has(section)) return;
    const generation = this.generation;
    this.storeSubscriptions.set(
      section,
      this.store.subscribe(section, (snapshot) => void this.receive(snapshot, generation)),
    );
  }

  private async receive(snapshot: SectionSnapshot<SectionName>, generation: number): Promise<void> {
    if (generation !== this.generation || snapshot.patient.nhsNumber !== this.host?.nhsNumber)
      return;
    const { section } = snapshot;
    if (snapshot.status === 'error') {
      this.onError(snapshot.section, snapshot.error);
      if (generation !== this.generation) return;
      this.deliver(snapshot);
      this.updateProgress();
      return;
    }
    if (snapshot.status === 'loading') {
      this.deliver(snapshot);
      this.updateProgress();
      return;
    }
    if (section === 'demographics') {
      const mismatch = identityMismatch(
        this.host,
        (snapshot.value as SectionValues['demographics']).patient,
      );
      if (mismatch) {
        this.audit({
          action: 'identity-mismatch',
          outcome: 'failure',
          detail: mismatch,
          alert: true,
        });
        this.stopViewing();
        this.setState(
          'identity-mismatch',
          'The record returned does not match the patient you selected. Nothing is shown.',
        );
        return;
      }
      this.verified = true;
    }
    this.audit({ action: 'section-fetched', outcome: 'success', sections: [section] });
    const value = await applyEntryPolicy(section, snapshot.value, this.viewer!, this.policy);
    if (generation !== this.generation) return;
    const ready = { ...snapshot, value };
    this.latest.set(section, ready);
    if (section === 'demographics') {
      // Release what arrived before the right-patient check passed, then the check itself.
      for (const held of this.latest.values()) if (held.status === 'ready') this.publish(held);
    } else if (this.verified) {
      this.publish(ready);
    }
    this.updateProgress();
  }

  private deliver(snapshot: SectionSnapshot<SectionName>): void {
    this.latest.set(snapshot.section, snapshot);
    this.publish(snapshot);
  }

  private publish(snapshot: SectionSnapshot<SectionName>): void {
    for (const listener of [...(this.listeners.get(snapshot.section) ?? [])]) listener(snapshot);
  }

  private onError(section: SectionName, error: RecordError): void {
    if (error.kind === 'aborted') return;
    const refusal = error.refusal;
    this.audit({
      action: refusal ? 'refusal' : 'error',
      outcome: refusal ? 'refused' : 'failure',
      sections: [section],
      detail: refusal ?? error.kind,
    });
    if (refusal) {
      this.stopViewing();
      this.setState(
        refusal,
        refusal === 'source-dissent'
          ? 'This patient has chosen not to share their GP record, or sharing has not been set up at their practice. Nothing can be shown.'
          : refusal === 'no-agreement'
            ? 'The GP practice has not agreed to share records with your organisation.'
            : 'The GP practice refused access for your role.',
      );
    } else if (section === 'demographics') {
      this.stopViewing();
      this.setState(
        error.kind === 'not-found' ? 'not-found' : 'unavailable',
        error.kind === 'not-found'
          ? 'No GP record was found for this NHS number.'
          : 'The GP record could not be reached. Try again.',
      );
    }
  }

  /** loading → ready / partial / unavailable, from the sections this view has asked for. */
  private updateProgress(): void {
    if (!this.liveGrant()) return;
    const snapshots = [...this.storeSubscriptions.keys()].map((s) => this.latest.get(s));
    if (snapshots.some((s) => !s || s.status === 'loading') || !this.verified) {
      this.setState('loading');
      return;
    }
    const failed = snapshots.filter((s) => s!.status === 'error').map((s) => s!.section);
    if (failed.length === 0) this.setState('ready');
    else if (failed.length === snapshots.length)
      this.setState('unavailable', 'The GP record could not be reached. Try again.');
    else
      this.setState(
        'partial',
        `Some parts of the record could not be loaded: ${failed.join(', ')}.`,
      );
  }

  private setState(state: SessionState, reason?: string): void {
    if (this.currentState === state && this.reason === reason) return;
    this.currentState = state;
    this.reason = reason;
    this.dispatchEvent(new Event('statechange'));
  }

  private audit(
    fields: Omit<AuditRecord, 'id' | 'recorded' | 'viewer' | 'patient'>,
    nhsNumber = this.host?.nhsNumber,
  ): void {
    const record: AuditRecord = {
      id: this.newId(),
      recorded: this.clock().toISOString(),
      viewer: this.viewer ?? UNKNOWN_VIEWER,
      ...(nhsNumber && { patient: { nhsNumber } }),
      ...(this.liveGrant() &&
        !fields.basis && {
          basis: this.grant!.basis,
          ...(this.grant!.reason && { overrideReason: this.grant!.reason }),
        }),
      ...fields,
    };
    this.auditTrail.record(record);
    this.dispatchEvent(new CustomEvent('dcr-audit', { detail: record }));
  }
}

/** The public entry point (DESIGN §11). */
export function createCareRecordSession(options: CareRecordSessionOptions): CareRecordSession {
  return new CareRecordSession(options);
}
