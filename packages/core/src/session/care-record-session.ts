import type { AuditRecord, AuditTrail } from '../audit/audit-record.js';
import type { AuditSink } from '../audit/audit-sink.js';
import { sharedAuditTrail } from '../audit/shared-audit-trail.js';
import {
  decideConsent,
  isLiveGrant,
  revokeGrant,
  validateConsentDecision,
  type Grant,
  type OverrideReason,
} from '../consent/consent.js';
import { RecordError } from '../http/errors.js';
import type { WithheldCounts } from '../model/common.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import { decideAccess, resolveAccess, type AccessRules } from '../policy/access.js';
import type { AccessPolicy } from '../policy/policy.js';
import {
  auditIdentityOf,
  validateHostPatient,
  validateViewer,
  type HostPatient,
  type ViewerContext,
} from '../policy/viewer.js';
import type { RecordSource } from '../sources/source.js';
import { loadOnce, type LoadOnce } from '../load-once.js';
import type { ViewRules } from './view-rules.js';
import { randomId } from '../random-id.js';
import { copyPlainInput } from './copy-input.js';
import { watchPageClose } from './page-close.js';
import { SectionStore, type PatientKey, type SectionSnapshot } from './section-store.js';
import type { SessionState } from './session-state.js';
import {
  PATIENT_STATES,
  VIEW_STATES,
  publicState,
  transition,
  type AuditFields,
  type EndDetail,
  type MachineState,
  type SessionEvent,
} from './transitions.js';

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
  /** Audit record ids; defaults to a random UUID (random-id.ts: in secure contexts or not). */
  newId?: () => string;
}

/** A section's value as `section()` resolves it: always saying whose it is. */
export type SectionResult<K extends SectionName> = SectionValues[K] & { patient: PatientKey };

type Listener = (snapshot: SectionSnapshot<SectionName>) => void;

const VIEWING: ReadonlySet<MachineState> = new Set(VIEW_STATES);
const WITH_PATIENT: ReadonlySet<MachineState> = new Set(PATIENT_STATES);

/**
 * One clinician viewing one patient's record at a time. The session is the transition table of
 * `transitions.ts` with its effects: it feeds events in (a patient set, an access decision, the
 * patient's answer, sections arriving, the clock) and performs what the table's step says
 * (stop the view, write the audit records, move to the next state). Values reach subscribers
 * through one gate only ({@link CareRecordSession.#publish}): a live grant, checked against the
 * clock at every read; the right patient, verified from the record's demographics; and the entry
 * policy applied. Internals are `#private`, so no script on the page can reach the source, the
 * store or the grant around that gate.
 *
 * Events: `statechange` (read `state`; also fired when `auditDegraded` turns true), and `dcr-audit` (a CustomEvent whose detail is the audit
 * record: identities and decisions only, no clinical content).
 */
export class CareRecordSession extends EventTarget {
  readonly #access: AccessRules;
  /**
   * The rules applied to a section once it arrives (view-rules.ts: the right-patient check, the
   * entry rules and their code sets): a separate chunk, loaded when the first section starts
   * loading; a failed load is forgotten, so the next section tries again.
   */
  readonly #viewRules: LoadOnce<ViewRules>;
  readonly #clock: () => Date;
  readonly #newId: () => string;
  readonly #store: SectionStore;
  readonly #auditTrail: AuditTrail;
  readonly #releaseAuditTrail: () => void;
  readonly #viewer: ViewerContext | undefined;
  readonly #viewerProblem: string | undefined;
  /** Who audit records name: the viewer, or whatever of an invalid viewer was valid. */
  readonly #auditViewer: ViewerContext;
  #state: MachineState = 'no-context';
  #reason: string | undefined = 'No patient has been set.';
  #host: HostPatient | undefined;
  /** The one grant: the store asks for it through `#liveGrant` and never keeps one of its own. */
  #grant: Grant | undefined;
  #grantTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every stop of a view: async work from an older generation is ignored. */
  #generation = 0;
  #verified = false;
  /** The normalisers' patient check, summed over this view's sections. */
  #patientCheck = { checked: 0, failed: 0, sections: 0 };
  /** Settles when the access decision for the current patient is made (for `recordConsent`). */
  #accessDecided: Promise<void> = Promise.resolve();
  #expiryQueued = false;
  /** The grant whose expiry the clock has shown: never live again, whatever the clock says next. */
  #lapsed: Grant | undefined;
  #closed = false;
  #auditInMemory = false;
  /**
   * Events for the host (`statechange`, `dcr-audit`) wait here until the operation in progress
   * has finished, so a listener that calls back into the session (switches patient, ends, records
   * consent) always meets a finished step, never a half-applied one.
   */
  readonly #events: Event[] = [];
  #depth = 0;
  #dispatching = false;
  readonly #listeners = new Map<SectionName, Set<Listener>>();
  /** What has arrived for this view, per section (ready values only after the policy). */
  readonly #snapshots = new Map<SectionName, SectionSnapshot<SectionName>>();
  /** The sections this view has asked the store for. */
  readonly #wanted = new Set<SectionName>();
  readonly #shown = new Set<SectionName>();
  /** Callers of `section()` still waiting: told when the view stops, never left hanging. */
  readonly #waiting = new Set<(error: RecordError) => void>();
  readonly #stopWatchingPage: () => void;

  constructor(options: CareRecordSessionOptions) {
    super();
    this.#access = resolveAccess(options.policy);
    // Copied now: a host changing its arrays later must not change what this session withholds.
    const overrides = options.policy ?? {};
    const policyOverrides: Partial<AccessPolicy> = {
      ...overrides,
      ...(overrides.sensitiveCodes && { sensitiveCodes: [...overrides.sensitiveCodes] }),
      ...(overrides.replaceSensitiveCodes && {
        replaceSensitiveCodes: [...overrides.replaceSensitiveCodes],
      }),
    };
    this.#viewRules = loadOnce(() =>
      import('./view-rules.js').then((rules) => rules.viewRules(policyOverrides)),
    );
    this.#clock = options.clock ?? (() => new Date());
    this.#newId = options.newId ?? randomId;
    this.#store = new SectionStore(
      options.source,
      this.#clock,
      (nhsNumber) => (this.#liveGrant()?.nhsNumber === nhsNumber ? this.#grant : undefined),
      (snapshot) => void this.#receive(snapshot, this.#generation),
    );
    // One outbox and delivery loop per sink per page, however many sessions a host makes; this
    // session's handle on it is released by `close()`.
    if ('send' in options.audit) {
      const handle = sharedAuditTrail(options.audit, { clock: this.#clock });
      this.#auditTrail = handle;
      this.#releaseAuditTrail = () => void handle.close();
      handle.subscribe((event) => event.type === 'storage-error' && this.#auditStorageLost());
      void handle.durable().then(
        (durable) => durable || this.#auditStorageLost(),
        () => this.#auditStorageLost(),
      );
    } else {
      this.#auditTrail = options.audit;
      this.#releaseAuditTrail = () => undefined;
    }
    // Read once: a viewer object whose getters change between reads cannot change who is audited.
    const viewer = copyPlainInput(options.viewer);
    const checked = validateViewer(viewer);
    this.#viewer = checked.ok ? checked.value : undefined;
    this.#viewerProblem = checked.ok ? undefined : checked.reason;
    this.#auditViewer = checked.ok ? checked.value : auditIdentityOf(viewer);
    if (this.#viewerProblem) this.#reason = this.#viewerProblem;
    // A page closed for good ends the view (and audits it), like the clinician's "end".
    this.#stopWatchingPage = watchPageClose(this, () => this.end('page-closed'));
  }

  /** The state (docs/architecture.md#session-states). A grant the clock has outrun reads as `ended` at once. */
  get state(): SessionState {
    if (this.#grantLapsed()) return 'ended';
    return publicState(this.#state);
  }

  /** A plain-English, PHI-free reason for refusal and no-context states. */
  get stateReason(): string | undefined {
    if (this.#grantLapsed()) return 'The time allowed for this view has run out.';
    return this.#reason;
  }

  /**
   * True once audit records can be kept only in this page's memory (IndexedDB unavailable, as in
   * some private browsing modes, or failed): they are still delivered, but a page closed while the
   * sink cannot be reached would lose them. Audited once as an alert; the consent gate says so.
   */
  get auditDegraded(): boolean {
    return this.#auditInMemory;
  }

  /** The patient as the host identified them (for the consent gate); never fetched data. */
  get patient(): HostPatient | undefined {
    return this.#host;
  }

  get viewer(): ViewerContext | undefined {
    return this.#viewer;
  }

  /** `consent` or `override` while a grant is live; elements show the override banner from it. */
  get basis(): Grant['basis'] | undefined {
    return this.#liveGrant()?.basis;
  }

  get overrideReason(): OverrideReason | undefined {
    return this.#liveGrant()?.reason;
  }

  /**
   * Sets (or switches) the patient: ends the view of the previous patient (audited as its end),
   * synchronously, before anything else happens; then checks access. Setting the same patient
   * again with the same host `encounter` id keeps a live view: the host says nothing changed.
   */
  setPatient(input: unknown): void {
    if (this.#closed) throw new Error('This care record session is closed; create a new one.');
    // The host hears of the switch (and the new attempt) before the access check starts; a
    // listener that switched again meanwhile has started its own check.
    let generation = -1;
    const set = this.#batch(() => {
      const ok = this.#setPatient(input);
      generation = this.#generation;
      return ok;
    });
    if (set && generation === this.#generation) this.#checkAccess();
  }

  /** True when a patient was set and access is to be checked. */
  #setPatient(input: unknown): boolean {
    this.#expireIfLapsed();
    const patient = validateHostPatient(copyPlainInput(input));
    if (
      patient.ok &&
      patient.value.encounter !== undefined &&
      patient.value.encounter === this.#host?.encounter &&
      patient.value.nhsNumber === this.#host.nhsNumber &&
      patient.value.birthDate === this.#host.birthDate &&
      JSON.stringify(patient.value.name) === JSON.stringify(this.#host.name) &&
      this.#liveGrant()
    ) {
      return false;
    }
    if (WITH_PATIENT.has(this.#state)) this.#apply({ type: 'end', detail: 'patient-switch' });
    this.#host = undefined;
    if (!this.#viewer || !patient.ok) {
      const problem = this.#viewerProblem ?? (!patient.ok ? patient.reason : '');
      this.#apply(
        { type: 'patient-invalid', problem },
        patient.ok ? patient.value.nhsNumber : undefined,
      );
      return false;
    }
    this.#host = patient.value;
    this.#apply({ type: 'patient-set' });
    this.#store.setPatient({ nhsNumber: patient.value.nhsNumber });
    return true;
  }

  #checkAccess(): void {
    const viewer = this.#viewer!;
    const generation = this.#generation;
    this.#accessDecided = decideAccess(viewer, this.#access).then(
      (decision) => {
        if (generation !== this.#generation || this.#closed) return;
        this.#apply(
          decision === 'permitted'
            ? { type: 'access-permitted' }
            : { type: 'access-refused', decision },
        );
      },
      () => {
        if (generation === this.#generation && !this.#closed)
          this.#apply({ type: 'access-check-failed' });
      },
    );
  }

  /**
   * Records the patient's answer: "yes", "no", or a duty-of-care override with a coded reason.
   * Called while access is still being checked, it waits for that decision. The input is copied
   * once and validated on the copy, so what is checked is what is used.
   */
  async recordConsent(input: unknown): Promise<void> {
    const copy = copyPlainInput(input);
    if (this.#state === 'checking-access') {
      const generation = this.#generation;
      await this.#accessDecided;
      if (generation !== this.#generation) throw new Error('The patient changed before consent.');
    }
    if (this.#closed) throw new Error('This care record session is closed; create a new one.');
    if (this.#state !== 'awaiting-consent' && this.#state !== 'consent-declined') {
      throw new Error(`Consent can only be recorded while awaiting it (state is ${this.state}).`);
    }
    this.#batch(() => this.#decide(copy));
  }

  #decide(copy: unknown): void {
    const checked = validateConsentDecision(copy);
    if (!checked.ok) {
      const attempted = (copy as { decision?: unknown } | undefined)?.decision === 'override';
      if (attempted) {
        const problem = checked.reason.includes('note') ? 'invalid-note' : 'missing-reason';
        this.#apply({ type: 'override-refused', problem });
      }
      throw new TypeError(checked.reason);
    }
    const decision = checked.value;
    if (decision.decision === 'declined') {
      this.#apply({ type: 'consent-declined' });
      return;
    }
    const host = this.#host!;
    const grant = decideConsent(
      decision,
      host.nhsNumber,
      this.#clock(),
      this.#access.grantMinutes,
    )!;
    this.#grant = grant;
    const generation = this.#generation;
    this.#grantTimer = setTimeout(
      () => {
        if (generation === this.#generation) this.#apply({ type: 'grant-expired' });
      },
      // setTimeout's limit (about 24.8 days); the clock is checked at every read in any case.
      Math.min(Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt), 2 ** 31 - 1),
    );
    this.#apply(
      decision.decision === 'override'
        ? {
            type: 'override-granted',
            reason: decision.reason,
            ...(decision.note && { note: decision.note }),
          }
        : { type: 'consent-granted' },
    );
    this.#store.authorise();
    // The right-patient check comes first: nothing else is published until it passes.
    this.#follow('demographics');
    for (const section of this.#listeners.keys()) this.#follow(section);
  }

  /**
   * Calls `listener` with the section's snapshots for the current patient: loading, ready (after
   * the right-patient check and the entry policy) or error. Nothing arrives without a live grant.
   */
  subscribe<K extends SectionName>(
    section: K,
    listener: (snapshot: SectionSnapshot<K>) => void,
  ): () => void {
    let set = this.#listeners.get(section);
    if (!set) this.#listeners.set(section, (set = new Set()));
    set.add(listener as Listener);
    const current = this.current(section);
    if (current) listener(current);
    if (this.#liveGrant()) this.#follow(section);
    return () => set.delete(listener as Listener);
  }

  /**
   * The section's latest snapshot for the current patient, read through the same gate as every
   * published value: `undefined` without a live grant, and a ready value only once the
   * right-patient check has passed. Elements render from this, so what they show ends with the grant.
   */
  current<K extends SectionName>(section: K): SectionSnapshot<K> | undefined {
    if (!this.#liveGrant()) return undefined;
    const snapshot = this.#snapshots.get(section) as SectionSnapshot<K> | undefined;
    if (!snapshot || (snapshot.status === 'ready' && !this.#verified)) return undefined;
    return snapshot.patient.nhsNumber === this.#host?.nhsNumber ? snapshot : undefined;
  }

  /**
   * The section's value for the current patient, carrying the patient it is for. Throws when
   * there is no live grant; rejects when the view stops (or the patient changes) before it comes.
   */
  async section<K extends SectionName>(section: K): Promise<SectionResult<K>> {
    if (!this.#liveGrant())
      throw new Error(
        'The record cannot be read: there is no consent or override for this patient.',
      );
    const generation = this.#generation;
    return new Promise((resolve, reject) => {
      // The listener may run at once (a loaded section), before subscribe has returned.
      let settled = false;
      const stop = (error: RecordError) => {
        if (settled) return;
        settled = true;
        this.#waiting.delete(stop);
        queueMicrotask(() => unsubscribe());
        reject(error);
      };
      this.#waiting.add(stop);
      const unsubscribe = this.subscribe(section, (snapshot) => {
        if (snapshot.status === 'loading' || settled) return;
        if (snapshot.status === 'error') return stop(snapshot.error);
        if (generation !== this.#generation || !this.#liveGrant())
          return stop(new RecordError('aborted'));
        settled = true;
        this.#waiting.delete(stop);
        queueMicrotask(() => unsubscribe());
        resolve({ ...snapshot.value, patient: snapshot.patient });
      });
    });
  }

  /** Asks again for sections that failed. */
  retry(section?: SectionName): void {
    if (!this.#liveGrant()) return;
    for (const name of section ? [section] : [...this.#snapshots.keys()]) {
      if (this.#snapshots.get(name)?.status === 'error') this.#store.retry(name);
    }
  }

  /** Elements call this once a section is on screen, for the audit trail (once per section per view). */
  markShown(section: SectionName): void {
    if (this.current(section)?.status !== 'ready' || this.#shown.has(section)) return;
    this.#shown.add(section);
    this.#apply({ type: 'section-shown', section });
  }

  /**
   * Ends viewing: the grant ends, in-flight work stops, nothing of the record stays in memory.
   * The host's own identity of the patient stays (as when a grant runs out): the patient is
   * still selected in the host system, so the banner still names them and the consent gate can
   * offer to view again. `setPatient` replaces it; `close` lets it go.
   */
  end(detail: EndDetail = 'ended-by-user'): void {
    this.#batch(() => {
      this.#expireIfLapsed();
      this.#apply({ type: 'end', detail });
    });
  }

  /**
   * Ends viewing and lets the session go: it stops watching the page and releases its handle on
   * the page's audit pipeline (which delivers what is queued, then closes when no session holds
   * it). A host that makes a session per patient calls this when it drops one; `setPatient` on a
   * closed session throws.
   */
  close(): void {
    if (this.#closed) return;
    this.#batch(() => {
      this.end('session-closed');
      this.#host = undefined;
      this.#closed = true;
    });
    this.#stopWatchingPage();
    this.#releaseAuditTrail();
  }

  #auditStorageLost(): void {
    if (this.#auditInMemory || this.#closed) return;
    this.#auditInMemory = true;
    this.#batch(() => {
      this.#apply({ type: 'audit-storage-lost' });
      this.#emit(new Event('statechange'));
    });
  }

  /** The grant, while live by the clock; a lapsed one is ended (audited) a microtask later. */
  #liveGrant(): Grant | undefined {
    const grant = this.#grant;
    if (!grant || !this.#host) return undefined;
    if (grant !== this.#lapsed && isLiveGrant(grant, this.#host.nhsNumber, this.#clock()))
      return grant;
    if (Date.parse(grant.expiresAt) <= this.#clock().getTime()) this.#lapsed = grant;
    this.#queueExpiry();
    return undefined;
  }

  /** True when a view's grant has run out by the clock but its end is not yet applied. */
  #grantLapsed(): boolean {
    if (!this.#grant || !VIEWING.has(this.#state)) return false;
    const lapsed =
      this.#grant === this.#lapsed || this.#clock().getTime() >= Date.parse(this.#grant.expiresAt);
    if (lapsed) {
      this.#lapsed = this.#grant;
      this.#queueExpiry();
    }
    return lapsed;
  }

  #queueExpiry(): void {
    if (this.#expiryQueued) return;
    this.#expiryQueued = true;
    // Not applied inside the read that noticed it (which may be an element's render).
    queueMicrotask(() => {
      this.#expiryQueued = false;
      this.#expireIfLapsed();
    });
  }

  #expireIfLapsed(): void {
    if (
      this.#grant &&
      VIEWING.has(this.#state) &&
      (this.#grant === this.#lapsed || this.#clock().getTime() >= Date.parse(this.#grant.expiresAt))
    )
      this.#apply({ type: 'grant-expired' });
  }

  /**
   * Feeds one event to the table and performs its step: the audit records are made with the view
   * as it was (its basis), then the view stops and the state moves, then the records are written
   * and the host told, after the step (and the operation around it) is complete. Returns false
   * when the event does nothing here.
   */
  #apply(event: SessionEvent, nhsNumber = this.#host?.nhsNumber): boolean {
    return this.#batch(() => {
      const step = transition(this.#state, event);
      if (!step) return false;
      const records = step.audit.map((fields) => this.#auditRecord(fields, nhsNumber));
      if (step.stopsView) this.#stopViewing();
      const moves = !step.stays && (this.#state !== step.next || this.#reason !== step.reason);
      if (moves) {
        this.#state = step.next;
        this.#reason = step.reason;
      }
      for (const record of records) this.#writeAudit(record);
      if (moves) this.#emit(new Event('statechange'));
      return true;
    });
  }

  /** Runs `operation`; the host hears of what it did (events) only once the outermost one ends. */
  #batch<T>(operation: () => T): T {
    this.#depth++;
    try {
      return operation();
    } finally {
      this.#depth--;
      if (this.#depth === 0) this.#flushEvents();
    }
  }

  #emit(event: Event): void {
    this.#events.push(event);
    if (this.#depth === 0) this.#flushEvents();
  }

  /** Dispatches waiting events in order; a listener's own calls queue theirs behind. */
  #flushEvents(): void {
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      for (let event = this.#events.shift(); event; event = this.#events.shift())
        this.dispatchEvent(event);
    } finally {
      this.#dispatching = false;
    }
  }

  #stopViewing(): void {
    this.#generation++;
    revokeGrant(this.#grant);
    this.#grant = undefined;
    clearTimeout(this.#grantTimer);
    this.#wanted.clear();
    this.#store.forgetWanted();
    this.#snapshots.clear();
    this.#shown.clear();
    this.#verified = false;
    this.#patientCheck = { checked: 0, failed: 0, sections: 0 };
    this.#store.setPatient(undefined);
    for (const stop of [...this.#waiting]) stop(new RecordError('aborted'));
  }

  /** Asks the store for a section, once per view. */
  #follow(section: SectionName): void {
    if (this.#wanted.has(section)) return;
    this.#wanted.add(section);
    this.#store.want(section);
  }

  async #receive(snapshot: SectionSnapshot<SectionName>, generation: number): Promise<void> {
    if (
      generation !== this.#generation ||
      snapshot.patient.nhsNumber !== this.#host?.nhsNumber ||
      !this.#liveGrant()
    )
      return;
    const { section } = snapshot;
    if (snapshot.status === 'error') {
      if (snapshot.error.kind === 'aborted') return;
      if (this.#failed(section, snapshot.error)) return;
      this.#snapshots.set(section, snapshot);
      this.#publish(snapshot);
      this.#updateProgress();
      return;
    }
    if (snapshot.status === 'loading') {
      // Fetched alongside the record, so the rules are there when the first section arrives.
      this.#viewRules().catch(() => undefined);
      this.#snapshots.set(section, snapshot);
      this.#publish(snapshot);
      this.#updateProgress();
      return;
    }
    let rules: ViewRules;
    try {
      rules = await this.#viewRules();
    } catch {
      this.#policyFailed(snapshot, generation);
      return;
    }
    if (generation !== this.#generation) return;
    if (section === 'demographics') {
      const returned = (snapshot.value as SectionValues['demographics']).patient;
      const mismatch = rules.identityMismatch(this.#host, returned);
      if (mismatch) {
        this.#apply({ type: 'identity-mismatch', detail: mismatch });
        return;
      }
      this.#verified = true;
    } else {
      const check = rules.patientCheckOf(snapshot.value);
      this.#patientCheck.checked += check.checked;
      this.#patientCheck.failed += check.failed;
      if (check.checked > 0) this.#patientCheck.sections++;
    }
    let value: SectionValues[SectionName];
    try {
      value = await rules.applyEntryPolicy(section, snapshot.value, this.#viewer!);
    } catch {
      this.#policyFailed(snapshot, generation);
      return;
    }
    if (generation !== this.#generation) return;
    const { withheld } = value as { withheld?: WithheldCounts };
    this.#apply({ type: 'section-fetched', section, ...(withheld && { withheld }) });
    const ready = { ...snapshot, value };
    this.#snapshots.set(section, ready);
    if (section === 'demographics') {
      // Release what arrived before the right-patient check passed, then the check itself.
      for (const held of this.#snapshots.values()) if (held.status === 'ready') this.#publish(held);
    } else if (this.#verified) {
      this.#publish(ready);
    }
    this.#updateProgress();
  }

  /**
   * The rules could not decide (their chunk did not load, or a host's terminology hook failed):
   * nothing of the section may be shown, and the failure is audited like any other.
   */
  #policyFailed(snapshot: SectionSnapshot<SectionName>, generation: number): void {
    if (generation !== this.#generation) return;
    const { section } = snapshot;
    this.#apply({ type: 'section-failed', section, kind: 'policy' });
    const failed = { patient: snapshot.patient, section, status: 'error' as const };
    const error = { ...failed, error: new RecordError('server') };
    this.#snapshots.set(section, error);
    this.#publish(error);
    this.#updateProgress();
  }

  /**
   * The one gate every value passes on its way to a subscriber: a live grant by the clock, the
   * current patient, and (for values) the right-patient check passed.
   */
  #publish(snapshot: SectionSnapshot<SectionName>): void {
    const listeners = this.#listeners.get(snapshot.section);
    if (!listeners || listeners.size === 0) return;
    if (!this.#liveGrant() || snapshot.patient.nhsNumber !== this.#host?.nhsNumber) return;
    if (snapshot.status === 'ready' && !this.#verified) return;
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        report(error);
      }
    }
  }

  /** A section's failure as the table sees it; true when it stopped the view. */
  #failed(section: SectionName, error: RecordError): boolean {
    if (error.refusal) {
      this.#apply({ type: 'source-refused', section, refusal: error.refusal });
      return true;
    }
    if (section === 'demographics') {
      this.#apply(
        error.kind === 'not-found'
          ? { type: 'record-not-found' }
          : error.kind === 'ambiguous'
            ? { type: 'record-ambiguous' }
            : { type: 'record-unavailable', kind: error.kind },
      );
      return true;
    }
    this.#apply({ type: 'section-failed', section, kind: error.kind });
    return false;
  }

  /** loading → ready / partial / unavailable, from the sections this view has asked for. */
  #updateProgress(): void {
    if (!this.#liveGrant()) return;
    const snapshots = [...this.#wanted].map((s) => this.#snapshots.get(s));
    if (snapshots.some((s) => !s || s.status === 'loading') || !this.#verified) {
      this.#apply({ type: 'sections-loading' });
      return;
    }
    // Entries are counted only through the view rules, so without them there is nothing to judge.
    if (this.#viewRules.loaded?.mostFailed(this.#patientCheck)) {
      this.#apply({ type: 'patient-unmatched' });
      return;
    }
    const failed = snapshots.filter((s) => s!.status === 'error').map((s) => s!.section);
    if (failed.length === 0) this.#apply({ type: 'sections-ready' });
    else if (failed.length === snapshots.length) this.#apply({ type: 'sections-unavailable' });
    else this.#apply({ type: 'sections-partial', failed });
  }

  #auditRecord(fields: AuditFields, nhsNumber: string | undefined): AuditRecord {
    const grant = this.#grant && !fields.basis ? this.#liveGrant() : undefined;
    return {
      id: this.#newId(),
      recorded: this.#clock().toISOString(),
      viewer: this.#auditViewer,
      ...(nhsNumber && { patient: { nhsNumber } }),
      ...(grant && {
        basis: grant.basis,
        ...(grant.reason && { overrideReason: grant.reason }),
      }),
      ...fields,
    };
  }

  /**
   * Hands a record to the trail. A trail that throws (a host's own, full storage) cannot undo the
   * step: the view has already stopped where the step says so; the failure is reported to the
   * page (`reportError`), never swallowed, and the `dcr-audit` event still carries the record.
   */
  #writeAudit(record: AuditRecord): void {
    try {
      this.#auditTrail.record(record);
    } catch (error) {
      report(error);
    }
    this.#emit(new CustomEvent('dcr-audit', { detail: record }));
  }
}

/** Reports a host's failure (a throwing trail or subscriber) without stopping the session. */
function report(error: unknown): void {
  const page = globalThis as { reportError?: (error: unknown) => void };
  if (page.reportError) page.reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}

/** The public entry point (docs/architecture.md#public-api). */
export function createCareRecordSession(options: CareRecordSessionOptions): CareRecordSession {
  return new CareRecordSession(options);
}
