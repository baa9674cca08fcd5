import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  CareRecordSession,
  InvestigationResult,
  InvestigationsSection,
  MonitoredMedicine,
} from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { ListWindow, lastOf } from '../shared/list-window.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { LazyController, LazyModule } from '../shared/lazy-module.js';
import type { renderTrendChart } from '../shared/trend-chart.js';
import { WidthController } from '../shared/width-controller.js';
import {
  FLAG_TEXT,
  STATUS_TEXT,
  formatRange,
  formatValue,
  groupByDate,
  groupByTest,
  plottable,
  type TestGroup,
} from './result-groups.js';
import { styles } from './investigations.styles.js';
import {
  MonitoringController,
  byMedicine,
  inSentence,
  type MonitoringResult,
} from '../shared/monitoring.js';
import { recordText } from '../shared/record-text.js';

export type InvestigationsGrouping = 'test' | 'date';
const GROUPINGS: readonly InvestigationsGrouping[] = ['test', 'date'];

/**
 * The trend chart, imported the first time a trend is opened: most visits read the tables and
 * never open one. Tests replace `load` (and clear `value`) to make the load fail.
 */
export const trendChart = new LazyModule<typeof renderTrendChart>(() =>
  import('../shared/trend-chart.js').then((module) => module.renderTrendChart),
);

/** Monitoring tests answered by any of several results: the result's own name is shown too. */
const PANEL_TESTS = new Set(['FBC', 'LFTs']);

/** "Serum lithium" reads "serum lithium" mid-sentence; "INR", "eGFR", "LFTs" stay as they are. */
const flagIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2 1 21h22L12 2zm0 5 7.5 12h-15L12 7zm-1 4v4h2v-4h-2zm0 5v2h2v-2h-2z"/></svg>`;

/**
 * @summary Test results grouped by test or by date, with value, unit, reference range, abnormal
 * flag in words, status, a trend chart per test with the same values in its table, and the latest
 * monitoring result beside each current medicine that needs one.
 *
 * @csspart heading - the "Investigations" heading
 * @csspart monitoring - the drug monitoring panel (medicine, test, latest result and date)
 * @csspart controls - the "Group by" choice
 * @csspart group - one test's (or one day's) results
 * @csspart table - a results table
 * @csspart flag - an abnormal flag ("High", "Low", "Abnormal")
 * @csspart trend-toggle - the button that shows or hides a test's trend
 * @csspart trend - the trend chart (SVG)
 * @csspart empty - the message shown when no result is recorded
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-investigations-flag-color - abnormal flag edge and icon (default: danger token)
 * @cssprop --dcr-investigations-header-background - table header background (default: muted surface)
 * @tagname dcr-investigations
 */
export class DcrInvestigations extends LitElement {
  static override styles = styles;

  /** How results are grouped: `test` (default: each test with its trend) or `date`. */
  @property({ attribute: 'group-by', reflect: true }) groupBy: InvestigationsGrouping = 'test';

  /** A test code (e.g. 165581004 for INR) whose trend is open when results arrive. */
  @property() trend = '';

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /**
   * True while the page prints: every result is rendered, not the first window of a long list.
   * Set by `<dcr-record>` for its print; used alone, the element sets it itself around a print.
   */
  @property({ type: Boolean }) printing = false;

  /** Keys of the tests whose trend is open. */
  @state() private openTrends = new Set<string>();

  private readonly investigations = new SectionController(this, 'investigations');
  private readonly medications = new SectionController(this, 'medications');
  private readonly size = new WidthController(this);
  /** A long list shows its first results and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private readonly byDate = lastOf(groupByDate);
  private readonly monitoring = new MonitoringController(this);
  private readonly lazy = new LazyController(this);

  private section: InvestigationsSection | undefined;
  private groups: TestGroup[] = [];
  private monitored: MonitoringResult | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const snapshot = this.investigations.current;
    const section = snapshot?.status === 'ready' ? snapshot.value : undefined;
    if (section !== this.section || changed.has('trend')) {
      this.section = section;
      this.groups = section ? groupByTest(section) : [];
      const wanted = this.trend.trim();
      const opened = this.groups.find(
        (g) => wanted && g.results[0]?.codes.some((c) => c.code === wanted),
      );
      this.openTrends = new Set(opened ? [opened.key] : []);
    }
    const meds = this.medications.current;
    // Worked out again only when either section changes, not each time the list's window grows.
    this.monitored =
      section && meds?.status === 'ready' ? this.monitoring.of(meds.value, section) : undefined;
  }

  protected override updated(): void {
    if (this.section) this.session?.markShown('investigations');
    if (this.monitored?.status === 'ready' && this.monitored.value.length > 0)
      this.session?.markShown('medications');
  }

  override render() {
    return html`<h2 part="heading">Investigations</h2>
      ${renderSection(this.session, this.investigations.current, {
        label: 'Investigations',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('investigations'),
      })}`;
  }

  private renderReady(section: InvestigationsSection): TemplateResult {
    const snapshot = this.investigations.current;
    const grouping = GROUPINGS.includes(this.groupBy) ? this.groupBy : 'test';
    this.window.begin(
      section.entries.length,
      grouping === 'test' ? this.groups : this.byDate(section),
    );
    return html`${this.renderMonitoring()}
      ${
        section.entries.length === 0
          ? html`<p part="empty" class="empty">No investigation results recorded</p>`
          : html`${this.renderControls(grouping)}
            ${grouping === 'test' ? this.renderByTest() : this.renderByDate(section)}
            ${this.window.renderMore('results')}`
      }
      ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}`;
  }

  private renderMonitoring(): TemplateResult | typeof nothing {
    const meds = this.medications.current;
    if (meds?.status === 'error')
      return html`<p part="monitoring" class="monitoring-note">Monitoring for current medicines is not shown: medications could not be loaded.</p>`;
    if (this.monitored?.status === 'loading')
      return html`<p part="monitoring" class="monitoring-note" role="status">Checking monitoring for current medicines</p>`;
    // Never silently left out: the clinician is told monitoring was not checked.
    if (this.monitored?.status === 'failed')
      return html`<div part="monitoring" class="monitoring-note" role="alert">
        <p>Monitoring for current medicines could not be checked: this part of the page did not load.</p>
        <button type="button" @click=${() => this.monitoring.retry()}>Try again</button>
      </div>`;
    if (!this.monitored?.value.length) return nothing;
    return html`<section part="monitoring" class="monitoring" aria-labelledby="monitoring-title">
      <h3 id="monitoring-title">Monitoring for current medicines</h3>
      <ul>
        ${byMedicine(this.monitored.value).map((tests) => html`<li>${this.renderMedicine(tests)}</li>`)}
      </ul>
    </section>`;
  }

  /** One medicine: its one test inline ("Warfarin 3mg tablets — INR 2.6 on …"), or a list. */
  private renderMedicine(tests: MonitoredMedicine[]): TemplateResult {
    const { medication } = tests[0]!;
    const stale = medication.notIssuedSince
      ? html` <span class="secondary-inline">(not issued since ${formatDate(medication.notIssuedSince)})</span>`
      : nothing;
    const name = html`<span class="medicine">${recordText(medication.name)}</span>${stale}`;
    if (tests.length === 1) return html`${name} — ${this.renderMonitored(tests[0]!)}`;
    return html`${name}
      <ul>
        ${tests.map((m) => html`<li>${this.renderMonitored(m)}</li>`)}
      </ul>`;
  }

  private renderMonitored({ test, latest }: MonitoredMedicine): TemplateResult {
    if (!latest) return html`<span class="missing">no ${inSentence(test)} in the record</span>`;
    const label = PANEL_TESTS.has(test) ? html`${test} (${recordText(latest.display)})` : test;
    return html`${label} ${recordText(formatValue(latest))}
      ${latest.date ? `on ${formatDate(latest.date)}` : '(date not recorded)'}${this.renderFlag(latest)}`;
  }

  private renderControls(grouping: InvestigationsGrouping): TemplateResult {
    const labels: Record<InvestigationsGrouping, string> = { test: 'Test', date: 'Date' };
    return html`<div part="controls" class="controls">
      <fieldset>
        <legend>Group by</legend>
        ${GROUPINGS.map(
          (g) => html`<label class="choice">
            <input type="radio" name="group-by" .value=${g} .checked=${grouping === g}
              @change=${() => (this.groupBy = g)} />
            ${labels[g]}
          </label>`,
        )}
      </fieldset>
    </div>`;
  }

  private renderByTest(): TemplateResult {
    return html`${this.groups.map((group, index) => {
      const rows = this.window.take(group.results);
      // A test the window has not reached yet waits, heading and all, for "Show more".
      if (rows.length === 0) return nothing;
      const id = `test-${index}`;
      const points = plottable(group.results);
      const open = this.openTrends.has(group.key) && points.length > 1;
      return html`<section part="group" class="group" aria-labelledby=${`${id}-title`}>
        <div class="group-header">
          <h3 id=${`${id}-title`}>${recordText(group.display)}
            <span class="count">${group.results.length} ${group.results.length === 1 ? 'result' : 'results'}</span></h3>
          ${
            points.length > 1
              ? html`<button type="button" part="trend-toggle" aria-expanded=${open ? 'true' : 'false'}
                  aria-controls=${`${id}-trend`} @click=${() => this.toggleTrend(group.key)}>
                  ${open ? 'Hide trend' : 'Show trend'}<span class="visually-hidden"> of ${group.display}</span></button>`
              : nothing
          }
        </div>
        <div id=${`${id}-trend`} class="trend-wrap" ?hidden=${!open}>
          ${open ? this.renderTrend(group, points, id) : nothing}
        </div>
        ${this.renderTable(rows, `${id}-table`, `Results of ${group.display}, newest first`, 'date')}
      </section>`;
    })}`;
  }

  private renderTrend(group: TestGroup, points: InvestigationResult[], id: string) {
    const chart = this.lazy.use(trendChart);
    if (chart.status === 'loading')
      return html`<p class="trend-note" role="status">Loading the trend of ${recordText(group.display)}</p>`;
    // The table below holds every value: a chart that did not load hides nothing, but is said.
    if (chart.status === 'failed')
      return html`<div class="trend-note" role="alert">
        <p>The trend could not be shown: this part of the page did not load. The table below holds the same results.</p>
        <button type="button" @click=${() => this.lazy.retry(trendChart)}>Try again</button>
      </div>`;
    const renderTrendChart = chart.value;
    const latest = points[points.length - 1]!;
    const range = [...points].reverse().find((r) => r.referenceRange)?.referenceRange;
    const rangeText = formatRange(range, latest.unit);
    return html`<figure class="trend-figure">
      ${renderTrendChart({
        label: `${group.display} trend`,
        describedBy: `${id}-summary`,
        width: Math.min(this.size.width, 760),
        lines: [
          {
            name: group.display,
            marker: 'circle',
            points: points.map((r) => ({ date: r.date!, value: r.value! })),
          },
        ],
        ...(range && { band: range }),
      })}
      <figcaption id=${`${id}-summary`}>
        ${points.length} results from ${formatDate(points[0]!.date)} to ${formatDate(latest.date)};
        latest ${formatValue(latest)}${rangeText ? `; reference range ${rangeText}, shaded` : ''}.
        The table below lists ${points.length < group.results.length ? 'these and the results without a number or date' : 'the same values'}.
      </figcaption>
    </figure>`;
  }

  private renderByDate(section: InvestigationsSection): TemplateResult {
    return html`${this.byDate(section).map((day, index) => {
      const rows = this.window.take(day.results);
      if (rows.length === 0) return nothing;
      const when = day.date ? formatDate(day.date) : 'Date not recorded';
      return html`<section part="group" class="group" aria-labelledby=${`day-${index}-title`}>
        <h3 id=${`day-${index}-title`}>${when}</h3>
        ${this.renderTable(rows, `day-${index}-table`, `Results on ${when}`, 'test')}
      </section>`;
    })}`;
  }

  private renderTable(
    results: readonly InvestigationResult[],
    id: string,
    caption: string,
    first: 'date' | 'test',
  ): TemplateResult {
    return html`<div class="table-wrap" role="region" aria-labelledby=${`${id}-caption`} tabindex="0">
      <table part="table" id=${id}>
        <caption id=${`${id}-caption`} class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${first === 'date' ? 'Date' : 'Test'}</th>
            <th scope="col">Result</th>
            <th scope="col">Reference range</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${results.map(
            (r) => html`<tr class=${r.abnormal ? 'abnormal' : nothing}>
              <th scope="row" class=${first === 'date' ? 'date' : nothing}>${first === 'date' ? formatDate(r.date) : recordText(r.display)}</th>
              <td>${this.renderResult(r)}</td>
              <td>${this.renderRange(r)}</td>
              <td>${STATUS_TEXT[r.status]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderRange(r: InvestigationResult): TemplateResult {
    const range = formatRange(r.referenceRange, r.unit);
    return range ? html`${recordText(range)}` : html`<span class="secondary">None given</span>`;
  }

  private renderResult(r: InvestigationResult): TemplateResult {
    const notes: (string | TemplateResult)[] = [];
    if (r.value !== undefined && !r.unit) notes.push('No unit recorded');
    if (r.value !== undefined && r.textValue)
      notes.push(html`Sent as “${recordText(r.textValue)}”`);
    return html`<span class="value">${recordText(formatValue(r))}</span>${this.renderFlag(r)}
      ${notes.map((n) => html` <span class="secondary">${n}</span>`)}`;
  }

  private renderFlag(r: InvestigationResult): TemplateResult | typeof nothing {
    return r.abnormal
      ? html` <strong part="flag" class="flag">${flagIcon}${FLAG_TEXT[r.abnormal]}</strong>`
      : nothing;
  }

  private toggleTrend(key: string): void {
    const next = new Set(this.openTrends);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.openTrends = next;
  }
}
