import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CareRecordSession, Medication, MedicationsSection } from '@dcr-elements/core';
import { DcrEntrySelectEvent } from '../events.js';
import { sessionContext } from '../session/session-context.js';
import { NOT_KNOWN, formatDate } from '../shared/format.js';
import { ListWindow } from '../shared/list-window.js';
import type { OrderedRows } from '../shared/lazy-order.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { recordText } from '../shared/record-text.js';
import { renderTermMark } from '../shared/term-mark.js';
import {
  MEDICATION_KINDS,
  MEDICATION_SORTS,
  MEDICATION_VIEWS,
  formatQuantity,
  isPast,
  issueHistory,
  issuesSince,
  medicationGroups,
  oneOf,
  selectMedications,
  viewCounts,
  type MedicationGroup,
  type MedicationGroups,
  type MedicationKindFilter,
  type MedicationQuery,
  type MedicationSort,
  type MedicationView,
} from './medication-query.js';
import { styles } from './medication-list.styles.js';
import { pastStatusText } from '../shared/medication-text.js';

const VIEW_LABELS: Record<MedicationView, string> = {
  current: 'Current',
  past: 'Past',
  all: 'All',
};
const KIND_LABELS: Record<MedicationKindFilter, string> = {
  all: 'Repeat and acute',
  repeat: 'Repeat only',
  acute: 'Acute only',
};
/** The GP Connect HTML view's group headings, in words a clinician scans for. */
const GROUP_LABELS: Record<MedicationGroup, string> = {
  'current-repeat': 'Current repeats',
  'recent-acute': 'Acute medication in the last 12 months',
  'other-current': 'Other current medication',
  'past-repeat': 'Stopped and discontinued repeats',
  'past-acute': 'Older acute medication',
};
const MEDICATION_QUERY_KEYS = ['view', 'kind', 'sort', 'text'] as const;
const COLUMNS = ['Medication', 'Type', 'Dose', 'Quantity', 'Started', 'Last issued', 'Issues'];
const SORT_LABELS: Record<MedicationSort, string> = {
  name: 'Name (A to Z)',
  'last-issued': 'Last issued (newest first)',
  started: 'Started (newest first)',
};

const warningIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2 1 21h22L12 2zm0 5 7.5 12h-15L12 7zm-1 4v4h2v-4h-2zm0 5v2h2v-2h-2z"/></svg>`;
const chevronIcon = svg`<svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8.6 5.6 10 4.2l7.8 7.8-7.8 7.8-1.4-1.4 6.4-6.4z"/></svg>`;

/**
 * @summary Current and past medication, each with its issue history, high-risk medicines marked
 * in words and with an icon, and the "as of" time and source practice.
 *
 * @csspart heading - the "Medications" heading
 * @csspart controls - the view, type, sort and name filter controls
 * @csspart summary - the line saying how many medications are shown
 * @csspart table - the medications table (below 50rem wide, each medication stacks as a card)
 * @csspart group - a group heading ("Current repeats", "Acute medication in the last 12 months", ...)
 * @csspart row - one medication's row (class `past` once it is no longer taken)
 * @csspart expand - the button that shows or hides a medication's issues
 * @csspart high-risk - the high-risk marker ("High-risk: anticoagulant"; subdued on a past medicine)
 * @csspart past-status - "Stopped 20-Mar-2015" (or "Discontinued", "Course completed") beside a past medicine's name
 * @csspart term-mark - "Uncoded" or "Degraded in transfer" beside a medicine shown by the term as recorded
 * @csspart not-issued - "Not issued since ..." beside a current repeat long past its supply
 * @csspart issues - one medication's issue history table
 * @csspart empty - the message shown when no medication is recorded or matches the filters
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-medication-list-high-risk-color - high-risk marker and row edge (default: danger token)
 * @cssprop --dcr-medication-list-row-gap - vertical padding of table cells
 * @cssprop --dcr-medication-list-header-background - table header background (default: muted surface)
 * @fires dcr-entry-select - a medication's issues were shown or hidden; detail: { section, id, expanded }
 * @tagname dcr-medication-list
 */
export class DcrMedicationList extends LitElement {
  static override styles = styles;

  /** Which medications to show: `current` (default), `past` or `all`. */
  @property({ reflect: true }) view: MedicationView = 'current';

  /** Which kinds of medication to show: `all` (default), `repeat` or `acute`. */
  @property() kind: MedicationKindFilter = 'all';

  /** Order of the list: `name` (default), `last-issued` or `started` (dates newest first). */
  @property() sort: MedicationSort = 'name';

  /** Text a medication's name must contain to be shown (case-insensitive). */
  @property() filter = '';

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /**
   * True while the page prints: every medication is rendered, not the first window of a long list.
   * Set by `<dcr-record>` for its print; used alone, the list sets it itself around a print.
   */
  @property({ type: Boolean }) printing = false;

  /** Ids of the medications whose issue history is open. */
  @state() private expanded = new Set<string>();

  private readonly medications = new SectionController(this, 'medications');
  /** A long list shows its first rows and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private query: MedicationQuery = { view: 'current', kind: 'all', sort: 'name', text: '' };
  private shown: { group: MedicationGroup; medications: OrderedRows<Medication> }[] = [];
  private section: MedicationsSection | undefined;
  /** The section's medications by group (as core's `medicationViews`); `current` shows the first three. */
  private groups: MedicationGroups = medicationGroups([], '');
  /** How many medications each view holds (the radio labels and the summary). */
  private viewCounts: Record<MedicationView, number> = { current: 0, past: 0, all: 0 };
  /**
   * A stable DOM id suffix per medication, for aria-controls: numbered as rows are first rendered,
   * so a long list numbers its window, not all 100,000.
   */
  private domIds = new WeakMap<Medication, number>();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    // The session itself, not `this.medications`: a session set just now is followed by the
    // controller only after this (in hostUpdate), and the list must be chosen from what renders.
    const snapshot = this.session?.current('medications');
    const section = snapshot?.status === 'ready' ? snapshot.value : undefined;
    const newSection = section !== this.section;
    if (newSection) {
      // A new value (or another patient): nothing stays open from the previous one.
      this.section = section;
      this.expanded = new Set();
      this.domIds = new WeakMap();
      // Grouped as on the day the record was fetched, as the GP Connect HTML view groups it.
      this.groups =
        section && snapshot?.status === 'ready'
          ? medicationGroups(section.entries, snapshot.fetchedAt)
          : medicationGroups([], '');
      this.viewCounts = viewCounts(this.groups);
    }
    const query: MedicationQuery = {
      view: oneOf(this.view, MEDICATION_VIEWS),
      kind: oneOf(this.kind, MEDICATION_KINDS),
      sort: oneOf(this.sort, MEDICATION_SORTS),
      text: typeof this.filter === 'string' ? this.filter : '',
    };
    // Chosen again only when the list itself changes (not when an issue history opens).
    if (newSection || MEDICATION_QUERY_KEYS.some((key) => query[key] !== this.query[key])) {
      this.query = query;
      this.shown = section ? selectMedications(this.groups, query) : [];
    }
  }

  protected override updated(): void {
    if (this.section) this.session?.markShown('medications');
  }

  override render() {
    return html`<h2 part="heading">Medications</h2>
      ${renderSection(this.session, this.medications.current, {
        label: 'Medications',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('medications'),
      })}`;
  }

  private renderReady(section: MedicationsSection): TemplateResult {
    const snapshot = this.medications.current;
    const recorded = section.entries.length > 0;
    return html`
      ${
        recorded
          ? html`${this.renderControls()}
            <p part="summary" class="summary" role="status">${this.summary()}</p>
            ${this.shown.length > 0 ? this.renderTable() : this.renderNoMatch()}`
          : html`<p part="empty" class="empty">No medications recorded</p>`
      }
      ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}
    `;
  }

  private renderControls(): TemplateResult {
    const { view, kind, sort, text } = this.query;
    const count = (v: MedicationView) => this.viewCounts[v];
    return html`<div part="controls" class="controls">
      <fieldset>
        <legend>Show</legend>
        ${MEDICATION_VIEWS.map(
          (v) => html`<label class="choice">
            <input type="radio" name="view" .value=${v} .checked=${view === v} @change=${() => (this.view = v)} />
            ${VIEW_LABELS[v]} (${count(v)})
          </label>`,
        )}
      </fieldset>
      <label class="field">
        <span>Type</span>
        <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as MedicationKindFilter)}>
          ${MEDICATION_KINDS.map((k) => html`<option .value=${k} ?selected=${kind === k}>${KIND_LABELS[k]}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>Sort by</span>
        <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as MedicationSort)}>
          ${MEDICATION_SORTS.map((s) => html`<option .value=${s} ?selected=${sort === s}>${SORT_LABELS[s]}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>Filter by name</span>
        <input type="search" .value=${text} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      </label>
    </div>`;
  }

  private summary(): string {
    const { view, kind, text } = this.query;
    const inThisView = this.viewCounts[view];
    const shown = this.shown.reduce((n, g) => n + g.medications.length, 0);
    const noun = view === 'all' ? 'medications' : `${view} medications`;
    const filtered = kind !== 'all' || text.trim() !== '';
    const sorted = `sorted by ${SORT_LABELS[this.query.sort].toLowerCase()}`;
    return filtered
      ? `Showing ${shown} of ${inThisView} ${noun}, ${sorted}.`
      : `Showing ${inThisView} ${noun}, ${sorted}.`;
  }

  private renderNoMatch(): TemplateResult {
    const { view, kind, text } = this.query;
    const filtered = kind !== 'all' || text.trim() !== '';
    if (!filtered && view === 'current') {
      const past = this.viewCounts.past;
      return html`<p part="empty" class="empty">No current medications recorded.
        ${past} past ${past === 1 ? 'medication is' : 'medications are'} recorded: choose Past or All to see ${past === 1 ? 'it' : 'them'}.</p>`;
    }
    if (!filtered) return html`<p part="empty" class="empty">No ${view} medications recorded.</p>`;
    return html`<p part="empty" class="empty">No ${view === 'all' ? '' : `${view} `}medications match the type and name filters.</p>`;
  }

  private renderTable(): TemplateResult {
    this.window.begin(
      this.shown.reduce((n, g) => n + g.medications.length, 0),
      this.shown,
    );
    return html`<div class="table-wrap" role="region" aria-labelledby="caption" tabindex="0">
      <table part="table">
        <caption id="caption" class="visually-hidden">${VIEW_LABELS[this.query.view]} medications</caption>
        <thead>
          <tr>${COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr>
        </thead>
        ${this.shown.map(({ group, medications }) => {
          const rows = this.window.take(medications);
          return rows.length === 0
            ? nothing
            : html`<tbody class="group">
              <tr><td colspan=${COLUMNS.length} part="group"><span role="heading" aria-level="3">${GROUP_LABELS[group]} (${medications.length})</span></td></tr>
            </tbody>
            ${rows.map((m) => this.renderMedication(m, isPast(group)))}`;
        })}
      </table>
    </div>${this.window.renderMore('medications')}`;
  }

  private renderMedication(m: Medication, past: boolean): TemplateResult {
    const open = this.expanded.has(m.id);
    const issuesId = `issues-${this.domId(m)}`;
    const since = issuesSince(m);
    const classes = [m.highRisk && 'high-risk', past && 'past'].filter(Boolean).join(' ');
    // Each cell names its column (data-label): below 50rem the row stacks and shows the names.
    return html`<tbody>
      <tr part="row" class=${classes || nothing}>
        <th scope="row">
          <button type="button" part="expand" aria-expanded=${open ? 'true' : 'false'} aria-controls=${issuesId}
            @click=${() => this.toggle(m)}>${chevronIcon}<span>${recordText(m.name, { inButton: true })}</span></button>${renderTermMark(m)}
          ${past ? this.renderPastStatus(m) : nothing}
          ${
            m.highRisk
              ? html`<span part="high-risk" class="high-risk-label">${warningIcon}High-risk${m.highRiskClass ? `: ${m.highRiskClass}` : ' medicine'}</span>`
              : nothing
          }
        </th>
        <td data-label="Type">${m.kind === 'repeat' ? 'Repeat' : 'Acute'}</td>
        <td data-label="Dose">${m.dosage ? recordText(m.dosage) : NOT_KNOWN}</td>
        <td data-label="Quantity">${recordText(formatQuantity(m.quantity))}</td>
        <td data-label="Started" class="date">${formatDate(m.started)}</td>
        <td data-label="Last issued" class="date">${
          m.lastIssued
            ? html`${formatDate(m.lastIssued.date)} <span class="secondary">${recordText(formatQuantity(m.lastIssued.quantity))}</span> ${
                m.notIssuedSince
                  ? html`<span part="not-issued">Not issued since ${formatDate(m.notIssuedSince)}</span>`
                  : nothing
              }`
            : 'Not issued'
        }</td>
        <td data-label="Issues" class="number">${m.issues.length} ${
          since
            ? html`<span class="secondary">since <span class="date">${formatDate(since)}</span></span>`
            : nothing
        }</td>
      </tr>
      <tr class="issues-row" id=${issuesId} ?hidden=${!open}>
        <td colspan=${COLUMNS.length}>${open ? this.renderIssues(m) : nothing}</td>
      </tr>
    </tbody>`;
  }

  /** Beside a past medicine's name: that it is past, and since when, with the coded reason. */
  private renderPastStatus(m: Medication): TemplateResult {
    const reason = m.stoppedReason?.find((c) => c.display) ?? m.stoppedReason?.[0];
    const status = pastStatusText(m) ?? 'Not current';
    return html`<span part="past-status" class="past-status">${status}</span> ${
      reason
        ? html`<span class="secondary">Reason: ${recordText(reason.display ?? reason.code)}</span>`
        : nothing
    }`;
  }

  private renderIssues(m: Medication): TemplateResult {
    const rows = issueHistory(m.issues);
    if (rows.length === 0)
      return html`<p class="empty-issues">No issues recorded for ${recordText(m.name)}.</p>`;
    // When the record holds only the later issues, the oldest one shown is not the first.
    const since = issuesSince(m);
    return html`<table part="issues" class="issues">
      <caption>Issues of ${recordText(m.name)}: ${rows.length} in the record, newest first ${
        since
          ? html`<span class="secondary">Started ${formatDate(m.started)}; the record holds issues from ${formatDate(since)}.</span>`
          : nothing
      }</caption>
      <thead>
        <tr><th scope="col">Issued</th><th scope="col">Quantity</th><th scope="col">Days since previous issue</th></tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <td class="date">${formatDate(row.issue.date)}</td>
            <td>${recordText(formatQuantity(row.issue.quantity))}</td>
            <td class="number">${row.daysSincePrevious ?? (since ? 'Earliest in the record' : 'First issue')}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private domId(m: Medication): number {
    let id = this.domIds.get(m);
    if (id === undefined) this.domIds.set(m, (id = ++this.lastDomId));
    return id;
  }
  private lastDomId = 0;

  private toggle(m: Medication): void {
    const expanded = !this.expanded.has(m.id);
    const next = new Set(this.expanded);
    if (expanded) next.add(m.id);
    else next.delete(m.id);
    this.expanded = next;
    this.dispatchEvent(new DcrEntrySelectEvent({ section: 'medications', id: m.id, expanded }));
  }
}
