/**
 * The care record session as one table: (state, event) → next state, the plain-English reason
 * the elements show, and the audit records the step writes. `CareRecordSession` only feeds events
 * in and performs the effects a row names; what is audited, and when, is decided here and nowhere
 * else. The state diagram in docs/consent-and-audit.md is generated from this table
 * (`sessionDiagram`), and a test fails when the two differ.
 */
import type { AuditRecord, OverrideReason } from '../audit/audit-record.js';
import type { SourceRefusal } from '../http/errors.js';
import type { WithheldCounts } from '../model/common.js';
import type { SectionName } from '../model/sections.js';
import type { SessionState } from './session-state.js';

/**
 * The machine's own states: the public {@link SessionState}s, plus `checking-access` (a patient
 * is set and the role and sharing agreement are being checked), which the public API reports as
 * `loading` but which, unlike the `loading` of a view, holds no grant.
 */
export type MachineState = SessionState | 'checking-access';

export type SessionEvent =
  | { type: 'patient-invalid'; problem: string }
  | { type: 'patient-set' }
  | { type: 'access-permitted' }
  | { type: 'access-refused'; decision: 'not-permitted' | 'no-agreement' }
  | { type: 'access-check-failed' }
  | { type: 'consent-declined' }
  | { type: 'consent-granted' }
  | { type: 'override-granted'; reason: OverrideReason; note?: string }
  | { type: 'override-refused'; problem: 'missing-reason' | 'invalid-note' }
  | { type: 'sections-loading' }
  | { type: 'sections-ready' }
  | { type: 'sections-partial'; failed: readonly SectionName[] }
  | { type: 'sections-unavailable' }
  | { type: 'section-fetched'; section: SectionName; withheld?: WithheldCounts }
  | { type: 'section-shown'; section: SectionName }
  | { type: 'section-failed'; section: SectionName; kind: string }
  | { type: 'source-refused'; section: SectionName; refusal: SourceRefusal }
  | { type: 'record-not-found' }
  | { type: 'record-ambiguous' }
  | { type: 'record-unavailable'; kind: string }
  | { type: 'identity-mismatch'; detail: string }
  | { type: 'patient-unmatched' }
  | { type: 'grant-expired' }
  | { type: 'audit-storage-lost' }
  | { type: 'end'; detail: EndDetail };

/** Why a view ended, as the `end` audit record says it. */
export type EndDetail = 'ended-by-user' | 'patient-switch' | 'page-closed' | 'session-closed';

export type SessionEventType = SessionEvent['type'];

/** What a row asks the session to write: the record less what the session fills in (id, time, who). */
export type AuditFields = Omit<AuditRecord, 'id' | 'recorded' | 'viewer' | 'patient'>;

export interface Transition<E extends SessionEvent = SessionEvent> {
  /** States this row applies in. */
  from: readonly MachineState[];
  on: E['type'];
  /** The next state; absent: the state stays (an audited step within a state). */
  to?: MachineState | ((event: E) => MachineState);
  /** Shown by the elements in the next state (PHI-free). */
  reason?: string | ((event: E) => string);
  /** The view stops before the step is applied: grant revoked, requests aborted, values forgotten. */
  stopsView?: true;
  audit?: (event: E) => AuditFields[];
}

/** States in which a grant may be live (the view itself). */
export const VIEW_STATES = [
  'granted',
  'override',
  'loading',
  'ready',
  'partial',
  'unavailable',
] as const satisfies readonly MachineState[];

/** Every state in which a patient is set (a view may be ended or switched from any of them). */
export const PATIENT_STATES = [
  'checking-access',
  'not-permitted',
  'no-agreement',
  'awaiting-consent',
  'consent-declined',
  ...VIEW_STATES,
  'source-dissent',
  'not-found',
  'ambiguous',
  'identity-mismatch',
] as const satisfies readonly MachineState[];

const ANY: readonly MachineState[] = ['no-context', 'ended', ...PATIENT_STATES];
const ASKING: readonly MachineState[] = ['awaiting-consent', 'consent-declined'];

const REFUSAL_REASON: Record<SourceRefusal, string> = {
  'source-dissent':
    'This patient has chosen not to share their GP record, or sharing has not been set up at their practice. Nothing can be shown.',
  'no-agreement': 'The GP practice has not agreed to share records with your organisation.',
  'not-permitted': 'The GP practice refused access for your role.',
};

/** `withheld private=1 sensitive=2 (by host hook 1)`, or nothing when nothing was withheld. */
function withheldDetail(w: WithheldCounts): string | undefined {
  if (w.private === 0 && w.sensitive === 0) return undefined;
  const hook = w.sensitiveByHook ? ` (by host hook ${w.sensitiveByHook})` : '';
  return `withheld private=${w.private} sensitive=${w.sensitive}${hook}`;
}

const UNREACHABLE = 'The GP record could not be reached. Try again.';
const ENDED = 'Nothing from the GP record is kept on screen or in memory.';

/** A row typed by its event, so `to`, `reason` and `audit` see that event's fields. */
function row<T extends SessionEventType>(
  transition: Transition<Extract<SessionEvent, { type: T }>> & { on: T },
): Transition {
  return transition as unknown as Transition;
}

/**
 * The table. Rows are matched in order; the first whose `from` holds the current state and whose
 * `on` is the event wins. An event with no row in the current state changes nothing and writes
 * nothing (a late answer after a switch, a second "end").
 */
export const TRANSITIONS: readonly Transition[] = [
  // ---- a patient is set (or switched) -----------------------------------------------------------
  row({
    from: ANY,
    on: 'patient-invalid',
    to: 'no-context',
    reason: (e) => e.problem,
    stopsView: true,
    audit: () => [{ action: 'attempt', outcome: 'refused', detail: 'no-context' }],
  }),
  // A switch first ends the previous patient's view (the session feeds `end`, detail
  // `patient-switch`), so every patient's view has its own end record.
  row({
    from: ['no-context', 'ended'],
    on: 'patient-set',
    to: 'checking-access',
    stopsView: true,
    audit: () => [{ action: 'attempt', outcome: 'success' }],
  }),
  // ---- role and sharing agreement ---------------------------------------------------------------
  row({
    from: ['checking-access'],
    on: 'access-permitted',
    to: 'awaiting-consent',
    audit: () => [{ action: 'access-decision', outcome: 'success', detail: 'permitted' }],
  }),
  row({
    from: ['checking-access'],
    on: 'access-refused',
    to: (e) => e.decision,
    reason: (e) =>
      e.decision === 'not-permitted'
        ? 'Your role does not permit viewing GP records.'
        : 'Your organisation is not in the information sharing agreement for this record.',
    audit: (e) => [{ action: 'access-decision', outcome: 'refused', detail: e.decision }],
  }),
  row({
    from: ['checking-access'],
    on: 'access-check-failed',
    to: 'unavailable',
    reason: 'The sharing agreement could not be checked.',
    audit: () => [{ action: 'error', outcome: 'failure', detail: 'agreement-check-failed' }],
  }),
  // ---- consent to view, or a duty-of-care override ----------------------------------------------
  row({
    from: ASKING,
    on: 'consent-declined',
    to: 'consent-declined',
    reason: 'The patient declined to have their GP record viewed.',
    audit: () => [{ action: 'consent-recorded', outcome: 'refused', detail: 'declined' }],
  }),
  row({
    from: ASKING,
    on: 'consent-granted',
    to: 'granted',
    audit: () => [
      { action: 'consent-recorded', outcome: 'success', basis: 'consent', detail: 'granted' },
    ],
  }),
  row({
    from: ASKING,
    on: 'override-granted',
    to: 'override',
    audit: (e) => [
      {
        action: 'override',
        outcome: 'success',
        basis: 'override',
        overrideReason: e.reason,
        ...(e.note && { overrideNote: e.note }),
        alert: true,
      },
    ],
  }),
  row({
    // Refused for want of a coded reason (or a usable note): the attempt itself is audited.
    from: ASKING,
    on: 'override-refused',
    audit: (e) => [{ action: 'override', outcome: 'refused', detail: e.problem, alert: true }],
  }),
  // ---- the view ---------------------------------------------------------------------------------
  row({ from: VIEW_STATES, on: 'sections-loading', to: 'loading' }),
  row({ from: VIEW_STATES, on: 'sections-ready', to: 'ready' }),
  row({
    from: VIEW_STATES,
    on: 'sections-partial',
    to: 'partial',
    reason: (e) => `Some parts of the record could not be loaded: ${e.failed.join(', ')}.`,
  }),
  row({ from: VIEW_STATES, on: 'sections-unavailable', to: 'unavailable', reason: UNREACHABLE }),
  row({
    from: VIEW_STATES,
    on: 'section-fetched',
    // What the access policy withheld is audited as counts, never as codes or terms (the host's
    // terminology hook included).
    audit: (e) => [
      {
        action: 'section-fetched',
        outcome: 'success',
        sections: [e.section],
        ...(e.withheld && withheldDetail(e.withheld) && { detail: withheldDetail(e.withheld) }),
      },
    ],
  }),
  row({
    from: VIEW_STATES,
    on: 'section-shown',
    audit: (e) => [{ action: 'section-shown', outcome: 'success', sections: [e.section] }],
  }),
  row({
    from: VIEW_STATES,
    on: 'section-failed',
    audit: (e) => [{ action: 'error', outcome: 'failure', sections: [e.section], detail: e.kind }],
  }),
  row({
    from: VIEW_STATES,
    on: 'source-refused',
    to: (e) => e.refusal,
    reason: (e) => REFUSAL_REASON[e.refusal],
    stopsView: true,
    audit: (e) => [
      { action: 'refusal', outcome: 'refused', sections: [e.section], detail: e.refusal },
    ],
  }),
  row({
    from: VIEW_STATES,
    on: 'record-not-found',
    to: 'not-found',
    reason: 'No GP record was found for this NHS number.',
    stopsView: true,
    audit: () => [
      { action: 'error', outcome: 'failure', sections: ['demographics'], detail: 'not-found' },
    ],
  }),
  row({
    // Two or more records carry the NHS number: never a guess between them, never "try again".
    from: VIEW_STATES,
    on: 'record-ambiguous',
    to: 'ambiguous',
    reason: 'Two or more GP records carry this NHS number, so none can be shown safely.',
    stopsView: true,
    audit: () => [
      { action: 'error', outcome: 'failure', sections: ['demographics'], detail: 'ambiguous' },
    ],
  }),
  row({
    from: VIEW_STATES,
    on: 'record-unavailable',
    to: 'unavailable',
    reason: UNREACHABLE,
    stopsView: true,
    audit: (e) => [
      { action: 'error', outcome: 'failure', sections: ['demographics'], detail: e.kind },
    ],
  }),
  row({
    from: VIEW_STATES,
    on: 'identity-mismatch',
    to: 'identity-mismatch',
    reason: 'The record returned does not match the patient you selected. Nothing is shown.',
    stopsView: true,
    audit: (e) => [
      { action: 'identity-mismatch', outcome: 'failure', detail: e.detail, alert: true },
    ],
  }),
  row({
    // Once every section asked for is in, most of the record's entries name another patient, or
    // none: nothing of it can be trusted.
    from: VIEW_STATES,
    on: 'patient-unmatched',
    to: 'identity-mismatch',
    reason:
      'Most of the record returned could not be matched to the patient you selected. Nothing is shown.',
    stopsView: true,
    audit: () => [
      {
        action: 'identity-mismatch',
        outcome: 'failure',
        detail: 'entries-for-another-patient',
        alert: true,
      },
    ],
  }),
  // ---- the audit trail itself --------------------------------------------------------------------
  row({
    // The outbox could not use IndexedDB (private browsing, storage failed): records are kept in
    // this page's memory until delivered. Said once, as an alert, whatever the state.
    from: ANY,
    on: 'audit-storage-lost',
    audit: () => [
      { action: 'error', outcome: 'failure', detail: 'audit-storage-unavailable', alert: true },
    ],
  }),
  // ---- the end ----------------------------------------------------------------------------------
  row({
    from: VIEW_STATES,
    on: 'grant-expired',
    to: 'ended',
    reason: 'The time allowed for this view has run out.',
    stopsView: true,
    audit: () => [{ action: 'end', outcome: 'success', detail: 'grant-expired' }],
  }),
  row({
    from: PATIENT_STATES,
    on: 'end',
    to: 'ended',
    // Elements title the state "Viewing ended": the reason says what it means, not the same again.
    reason: ENDED,
    stopsView: true,
    audit: (e) => [{ action: 'end', outcome: 'success', detail: e.detail }],
  }),
  row({ from: ['no-context'], on: 'end', to: 'ended', reason: ENDED }),
];

export interface Step {
  next: MachineState;
  /** True for an audited step within a state: neither the state nor its reason changes. */
  stays: boolean;
  reason: string | undefined;
  stopsView: boolean;
  audit: AuditFields[];
}

/** The step the table gives for `event` in `state`, or `undefined` when the event does nothing there. */
export function transition(state: MachineState, event: SessionEvent): Step | undefined {
  const match = TRANSITIONS.find((t) => t.on === event.type && t.from.includes(state));
  if (!match) return undefined;
  const next = typeof match.to === 'function' ? match.to(event) : (match.to ?? state);
  const reason = typeof match.reason === 'function' ? match.reason(event) : match.reason;
  return {
    next,
    stays: match.to === undefined,
    reason,
    stopsView: match.stopsView === true,
    audit: match.audit?.(event) ?? [],
  };
}

/** The public name of a machine state. */
export function publicState(state: MachineState): SessionState {
  return state === 'checking-access' ? 'loading' : state;
}

/** Names for the state sets rows use, so the diagram draws one arrow for a whole set. */
const GROUPS: [readonly MachineState[], string][] = [
  [ANY, 'any state'],
  [PATIENT_STATES, 'any state with a patient'],
  [VIEW_STATES, 'viewing'],
  [ASKING, 'asking for consent'],
];

const TARGETS: Partial<Record<SessionEventType, readonly MachineState[]>> = {
  'access-refused': ['not-permitted', 'no-agreement'],
  'source-refused': ['source-dissent', 'no-agreement', 'not-permitted'],
};

function nameOf(states: readonly MachineState[]): string {
  return GROUPS.find(([group]) => group === states)?.[1] ?? states.join(', ');
}

/**
 * The table as a Mermaid state diagram (one arrow per row and target; a set of states drawn as
 * one node) and as a Markdown table with the audit records of each row. Pasted into
 * docs/consent-and-audit.md between markers; a test compares the two so they cannot drift.
 */
export function sessionDiagram(): string {
  const id = (name: string) => name.replace(/[^a-z]+/g, '_');
  const lines = ['```mermaid', 'stateDiagram-v2', '  [*] --> no_context'];
  for (const [, name] of GROUPS) lines.push(`  state "${name}" as ${id(name)}`);
  for (const t of TRANSITIONS) {
    const targets = typeof t.to === 'function' ? (TARGETS[t.on] ?? []) : t.to ? [t.to] : [];
    const group = GROUPS.find(([states]) => states === t.from)?.[1];
    for (const from of group ? [group] : t.from)
      for (const to of targets) lines.push(`  ${id(from)} --> ${id(to)} : ${t.on}`);
  }
  lines.push('```', '', '| in | event | to | audit records |', '| --- | --- | --- | --- |');
  for (const t of TRANSITIONS) {
    const targets =
      typeof t.to === 'function' ? (TARGETS[t.on] ?? []).join(' / ') : (t.to ?? '(stays)');
    const sample = SAMPLE_EVENTS[t.on];
    const audit = (t.audit?.(sample) ?? [])
      .map((a) => `${a.action} (${a.outcome}${a.alert ? ', alert' : ''})`)
      .join(' + ');
    lines.push(
      `| ${nameOf(t.from)} | \`${t.on}\`${t.stopsView ? ' (view stops)' : ''} | ${targets} | ${audit || 'none'} |`,
    );
  }
  return lines.join('\n');
}

/** One event of each type, for listing what each row audits. */
const SAMPLE_EVENTS: { [T in SessionEventType]: Extract<SessionEvent, { type: T }> } = {
  'patient-invalid': { type: 'patient-invalid', problem: '' },
  'patient-set': { type: 'patient-set' },
  'access-permitted': { type: 'access-permitted' },
  'access-refused': { type: 'access-refused', decision: 'no-agreement' },
  'access-check-failed': { type: 'access-check-failed' },
  'consent-declined': { type: 'consent-declined' },
  'consent-granted': { type: 'consent-granted' },
  'override-granted': { type: 'override-granted', reason: 'emergency' },
  'override-refused': { type: 'override-refused', problem: 'missing-reason' },
  'sections-loading': { type: 'sections-loading' },
  'sections-ready': { type: 'sections-ready' },
  'sections-partial': { type: 'sections-partial', failed: [] },
  'sections-unavailable': { type: 'sections-unavailable' },
  'section-fetched': { type: 'section-fetched', section: 'allergies' },
  'section-shown': { type: 'section-shown', section: 'allergies' },
  'section-failed': { type: 'section-failed', section: 'allergies', kind: 'server' },
  'source-refused': { type: 'source-refused', section: 'allergies', refusal: 'source-dissent' },
  'record-not-found': { type: 'record-not-found' },
  'record-ambiguous': { type: 'record-ambiguous' },
  'record-unavailable': { type: 'record-unavailable', kind: 'server' },
  'identity-mismatch': { type: 'identity-mismatch', detail: 'nhs-number' },
  'patient-unmatched': { type: 'patient-unmatched' },
  'grant-expired': { type: 'grant-expired' },
  'audit-storage-lost': { type: 'audit-storage-lost' },
  end: { type: 'end', detail: 'ended-by-user' },
};
