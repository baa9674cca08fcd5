import { html, nothing, type TemplateResult } from 'lit';
import type {
  CareRecordSession,
  EntrySection,
  Entry,
  SectionName,
  SectionSnapshot,
  SectionValues,
  SectionWarning,
  SessionState,
} from '@dcr-elements/core';
import { notShownSummary, notShownText } from '@dcr-elements/core';
import { formatDateTime } from './format.js';

/** A session state, or no session at all (a developer error: the element was given none). */
export type ViewState = SessionState | 'no-session';

/**
 * One style per state, in every element: `calm` for the normal course of things (nothing selected
 * yet, waiting for consent, the patient said no, viewing ended), `attention` when the record
 * cannot be shown and the clinician must go elsewhere, `error` when something failed or is wrong
 * (with a retry where one can help). Only `error` is announced as an alert.
 */
export type Tone = 'calm' | 'attention' | 'error';

export const TONE: Readonly<Record<Exclude<ViewState, ViewingState>, Tone>> = {
  'no-session': 'calm',
  'no-context': 'calm',
  'awaiting-consent': 'calm',
  'consent-declined': 'calm',
  ended: 'calm',
  'not-permitted': 'attention',
  'no-agreement': 'attention',
  'source-dissent': 'attention',
  'not-found': 'attention',
  ambiguous: 'attention',
  'identity-mismatch': 'error',
  unavailable: 'error',
};

/** States in which the record is being viewed (a grant may be live). */
type ViewingState = 'granted' | 'override' | 'loading' | 'ready' | 'partial';
const VIEWING: ReadonlySet<ViewState> = new Set<ViewingState>([
  'granted',
  'override',
  'loading',
  'ready',
  'partial',
]);

/** True while the record is being viewed (or loading for viewing). */
export function isViewing(session: CareRecordSession | undefined): boolean {
  return VIEWING.has(viewState(session));
}

const TITLE: Readonly<Record<Exclude<ViewState, ViewingState>, string>> = {
  'no-session': 'GP record not available here',
  'no-context': 'No patient record to show',
  'not-permitted': 'You cannot view GP records',
  'no-agreement': 'No sharing agreement',
  'awaiting-consent': 'Waiting for consent to view',
  'consent-declined': 'Consent to view declined',
  // Dissent and "not set" at the practice look the same from here: never call both an opt-out.
  'source-dissent': 'GP record not shared',
  'not-found': 'No GP record found',
  ambiguous: 'More than one record matches',
  'identity-mismatch': 'Record does not match this patient',
  unavailable: 'GP record unavailable',
  ended: 'Viewing ended',
};

/** What the clinician can do next, for each state that shows no record. */
const NEXT_STEP: Partial<Record<ViewState, string>> = {
  'no-session': 'If this continues, tell your IT service desk.',
  'no-context': 'Select a patient in your system to view their GP record.',
  'not-permitted': 'Ask a colleague with a clinical role, or your registration authority.',
  'no-agreement': 'Contact the GP practice directly for the information you need.',
  'awaiting-consent': 'Ask the patient for consent to view their GP record.',
  'consent-declined': 'Ask the patient directly, or use other sources.',
  'source-dissent': 'Contact the GP practice if you need information about this patient.',
  'not-found': 'Check the NHS number, or contact the GP practice.',
  ambiguous:
    'Check the NHS number with the patient, and tell the GP practice so the records can be merged.',
  'identity-mismatch': 'Check the patient’s identity in your system. This has been reported.',
  ended: 'To view it again, record the patient’s consent again.',
};

/** The state an element renders: the session's, or `no-session` when it was given none. */
export function viewState(session: CareRecordSession | undefined): ViewState {
  return session ? session.state : 'no-session';
}

/**
 * Asks again after the record could not be reached: with a live grant only the sections that
 * failed; otherwise the whole check restarts for the same patient, so consent is asked afresh
 * (the earlier grant has gone).
 */
export function retryRecord(session: CareRecordSession | undefined): void {
  if (!session) return;
  if (session.basis) session.retry();
  else if (session.patient) session.setPatient(session.patient);
}

export interface SectionViewOptions<K extends SectionName> {
  /** What the section is called on screen, e.g. "Medications". */
  label: string;
  ready: (value: SectionValues[K]) => TemplateResult;
  /** Shown instead of the generic message for a refusal or error (e.g. "Allergies unavailable"). */
  unavailable?: (message: TemplateResult) => TemplateResult;
  retry: () => void;
}

/**
 * Every session state an element must render, in one place: the refusal and no-context messages
 * with what to do next, the loading skeleton, the error with a retry, and the ready view.
 */
export function renderSection<K extends SectionName>(
  session: CareRecordSession | undefined,
  snapshot: SectionSnapshot<K> | undefined,
  options: SectionViewOptions<K>,
): TemplateResult {
  if (snapshot?.status === 'ready') return options.ready(snapshot.value);
  if (snapshot?.status === 'error') {
    const message = html`<div part="message" class="message tone-error" role="alert">
      <p class="title">${options.label} could not be loaded</p>
      <p>The GP record did not answer. This does not mean there is nothing recorded.</p>
      <button type="button" @click=${options.retry}>Try again</button>
    </div>`;
    return options.unavailable ? options.unavailable(message) : message;
  }
  const state = viewState(session);
  if (VIEWING.has(state)) {
    return html`<div part="message" class="message tone-calm" role="status" aria-live="polite">
      <span class="skeleton" aria-hidden="true"></span><span class="skeleton short" aria-hidden="true"></span>
      <span class="visually-hidden">Loading ${options.label.toLowerCase()}</span>
    </div>`;
  }
  const message = renderStateMessage(session);
  return options.unavailable && state !== 'awaiting-consent'
    ? options.unavailable(message)
    : message;
}

/**
 * The message for a state that shows no record, in its one style: title, the session's reason
 * (never the same words as the title), what to do next, and "Try again" where the record could
 * not be reached.
 */
export function renderStateMessage(session: CareRecordSession | undefined): TemplateResult {
  const state = viewState(session) as Exclude<ViewState, ViewingState>;
  const tone = TONE[state] ?? 'error';
  const reason = session
    ? session.stateReason
    : 'This part of the page is not connected to the GP record.';
  return html`<div part="message" class="message tone-${tone}" role=${tone === 'error' ? 'alert' : 'status'}>
    <p class="title">${TITLE[state] ?? 'GP record unavailable'}</p>
    ${reason ? html`<p>${reason}</p>` : nothing}
    ${NEXT_STEP[state] ? html`<p>${NEXT_STEP[state]}</p>` : nothing}
    ${
      state === 'unavailable'
        ? html`<button type="button" @click=${() => retryRecord(session)}>Try again</button>`
        : nothing
    }
  </div>`;
}

/**
 * The disclosure every view carries: the record may be incomplete (free text, private and
 * sensitive entries are not shared), when it was fetched, from which practice, and every warning
 * the source attached. A view made of several sections (the summary) says the notice once and
 * passes `notice: false` for each part, which then shows only what is particular to it, if any.
 */
export function renderDisclosure(
  section: EntrySection<Entry> | undefined,
  snapshot: { fetchedAt?: string } | undefined,
  options: { notShown?: boolean; notice?: boolean } = {},
): TemplateResult | typeof nothing {
  const withheld = (section?.withheld?.private ?? 0) + (section?.withheld?.sensitive ?? 0);
  // Entries sent but lost (another or no patient, unreadable), said in core's words.
  const notShown =
    section && options.notShown !== false
      ? notShownText(notShownSummary(section, ['another-patient', 'unreadable']))
      : undefined;
  const practice = section?.entries.find((e) => e.provenance.organisation)?.provenance.organisation;
  if (options.notice === false && withheld === 0 && !notShown && !section?.warnings.length)
    return nothing;
  return html`<footer part="disclosure">
    ${
      withheld > 0
        ? html`<p class="withheld">${withheld} ${withheld === 1 ? 'entry is' : 'entries are'} not shown: private to another organisation or in a sensitive category.</p>`
        : nothing
    }
    ${notShown ? html`<p class="not-shown">${notShown}</p>` : nothing}
    ${(section?.warnings ?? []).map((w) => html`<p class="warning">${warningText(w)}</p>`)}
    ${options.notice === false ? nothing : renderNotice(snapshot?.fetchedAt, practice)}
  </footer>`;
}

/** "This record may be incomplete ... As of <time>, from GP practice <code>." */
export function renderNotice(fetchedAt: string | undefined, practice: string | undefined) {
  return html`<p>This record may be incomplete: free text, private and sensitive entries are not shared.
      ${fetchedAt ? html`As of ${formatDateTime(fetchedAt)}` : nothing}${practice ? html`, from GP practice ${practice}` : nothing}.</p>`;
}

/** The system of the source warnings core writes itself, each with its sentence as display. */
const CORE_WARNINGS = 'https://dcr-elements.dev/CodeSystem/source-warning';

function warningText(warning: SectionWarning): string {
  // Core's own warnings say exactly what is missing ("GP Connect has no separate diagnosis
  // list: diagnoses appear as problems"); a source's own codes get the general sentence.
  const { coding } = warning;
  if (coding?.system === CORE_WARNINGS && coding.display) return `${coding.display}.`;
  return WARNING_TEXT[warning.code] ?? 'The GP system sent a warning about this section.';
}

const WARNING_TEXT: Record<string, string> = {
  'confidential-items':
    'Some items are not shown because they are confidential or the patient asked for them not to be shared.',
  'data-in-transit':
    'The patient has recently moved practice: some records may still be in transit.',
  'data-awaiting-filing':
    'Some recent results or letters are awaiting filing at the practice and are not shown.',
  'empty-reason': 'The GP system reports that nothing is recorded here.',
  'source-warning': 'The GP system cannot supply all of this section.',
};
