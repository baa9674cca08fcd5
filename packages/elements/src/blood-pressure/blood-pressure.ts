import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { compareIsoDates } from '@dcr-elements/core';
import type {
  BloodPressureReading,
  BloodPressureSection,
  CareRecordSession,
} from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { renderTrendChart, type TrendPoint } from '../shared/trend-chart.js';
import { WidthController } from '../shared/width-controller.js';
import { styles } from './blood-pressure.styles.js';

/**
 * NICE NG136 (Hypertension in adults: diagnosis and management, nice.org.uk/guidance/ng136,
 * "Terms used in this guideline" and 1.2 Diagnosing hypertension): clinic blood pressure of
 * 140/90 mmHg or more (stage 1), 160/100 mmHg or more (stage 2), and 180/120 mmHg or more
 * (severe). Home and ambulatory averages use 135/85 and 150/95 instead. Marked on the chart only:
 * the lines are a reading aid, not a diagnosis.
 */
export const NG136_CLINIC_THRESHOLDS = [
  { systolic: 140, diastolic: 90, name: 'stage 1' },
  { systolic: 160, diastolic: 100, name: 'stage 2' },
  { systolic: 180, diastolic: 120, name: 'severe' },
] as const;

const METHOD_TEXT: Record<NonNullable<BloodPressureReading['method']>, string> = {
  sitting: 'Sitting',
  standing: 'Standing',
  lying: 'Lying',
  home: 'Home (average)',
  '24-hour': '24-hour ambulatory',
};

const STATUS_TEXT: Record<BloodPressureReading['status'], string> = {
  final: 'Final',
  amended: 'Amended',
  preliminary: 'Preliminary',
  unknown: 'Not known',
};

/** "152/96 mmHg", "164 mmHg systolic only", "101 mmHg diastolic only". */
export function formatReading(r: BloodPressureReading): string {
  if (r.systolic !== undefined && r.diastolic !== undefined)
    return `${r.systolic}/${r.diastolic} mmHg`;
  return r.systolic !== undefined
    ? `${r.systolic} mmHg systolic only`
    : `${r.diastolic ?? ''} mmHg diastolic only`;
}

/**
 * @summary Blood pressure readings over time: a systolic and diastolic chart with the NICE NG136
 * clinic thresholds marked, and a table of every reading with how it was taken. A half recorded
 * without its partner is shown as "systolic only" or "diastolic only", never as a pair.
 *
 * @csspart heading - the "Blood pressure" heading
 * @csspart trend - the chart (SVG)
 * @csspart legend - what the chart's marks mean
 * @csspart table - the readings table
 * @csspart unpaired - "systolic only" / "diastolic only" on a lone half
 * @csspart empty - the message shown when no reading is recorded
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-blood-pressure-header-background - table header background (default: muted surface)
 * @tagname dcr-blood-pressure
 */
export class DcrBloodPressure extends LitElement {
  static override styles = styles;

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  private readonly readings = new SectionController(this, 'bloodPressure');
  private readonly size = new WidthController(this);
  private section: BloodPressureSection | undefined;
  private oldestFirst: BloodPressureReading[] = [];

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const snapshot = this.readings.current;
    const section = snapshot?.status === 'ready' ? snapshot.value : undefined;
    if (section !== this.section) {
      this.section = section;
      this.oldestFirst = (section?.entries ?? [])
        .slice()
        .sort((a, b) => compareIsoDates(a.date, b.date));
    }
  }

  protected override updated(): void {
    if (this.section) this.session?.markShown('bloodPressure');
  }

  override render() {
    return html`<h2 part="heading">Blood pressure</h2>
      ${renderSection(this.session, this.readings.current, {
        label: 'Blood pressure',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('bloodPressure'),
      })}`;
  }

  private renderReady(section: BloodPressureSection): TemplateResult {
    const snapshot = this.readings.current;
    return html`${
      section.entries.length === 0
        ? html`<p part="empty" class="empty">No blood pressure readings recorded</p>`
        : html`${this.renderChart()}${this.renderTable()}`
    }
      ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}`;
  }

  private renderChart(): TemplateResult | typeof nothing {
    const dated = this.oldestFirst.filter((r) => r.date !== undefined);
    const half = (key: 'systolic' | 'diastolic'): TrendPoint[] =>
      dated.flatMap((r) => (r[key] === undefined ? [] : [{ date: r.date!, value: r[key] }]));
    const systolic = half('systolic');
    const diastolic = half('diastolic');
    if (systolic.length + diastolic.length < 2) return nothing;
    const latest = dated[dated.length - 1]!;
    return html`<figure class="trend-figure">
      ${renderTrendChart({
        label: 'Blood pressure trend',
        describedBy: 'chart-summary',
        width: Math.min(this.size.width, 760),
        lines: [
          { name: 'Systolic', marker: 'circle', points: systolic },
          { name: 'Diastolic', marker: 'square', points: diastolic },
        ],
        thresholds: NG136_CLINIC_THRESHOLDS.flatMap((t) => [
          { value: t.systolic, label: `${t.systolic} ${t.name}` },
          { value: t.diastolic, label: `${t.diastolic}` },
        ]),
      })}
      <figcaption>
        <p part="legend" class="legend">
          <span><span class="key circle" aria-hidden="true"></span>Systolic</span>
          <span><span class="key square" aria-hidden="true"></span>Diastolic (dashed)</span>
          <span><span class="key threshold" aria-hidden="true"></span>NICE NG136 clinic thresholds</span>
        </p>
        <p id="chart-summary">
          ${dated.length} readings from ${formatDate(dated[0]!.date)} to ${formatDate(latest.date)};
          latest ${formatReading(latest)}. Dashed lines mark the NICE NG136 clinic thresholds:
          stage 1 140/90, stage 2 160/100, severe 180/120 mmHg (home and 24-hour averages use
          135/85 and 150/95). The table below lists every reading.
        </p>
      </figcaption>
    </figure>`;
  }

  private renderTable(): TemplateResult {
    const newestFirst = this.oldestFirst.slice().reverse();
    // Undated readings sort last oldest-first; they stay last newest-first too.
    newestFirst.sort((a, b) => (a.date === undefined ? 1 : b.date === undefined ? -1 : 0));
    return html`<div class="table-wrap" role="region" aria-labelledby="caption" tabindex="0">
      <table part="table">
        <caption id="caption" class="visually-hidden">Blood pressure readings, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Reading</th>
            <th scope="col">Method</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${newestFirst.map(
            (r) => html`<tr>
              <th scope="row" class="date">${r.date && r.date.length > 10 ? formatDateTime(r.date) : formatDate(r.date)}</th>
              <td>${this.renderReading(r)}</td>
              <td>${r.method ? METHOD_TEXT[r.method] : 'Not recorded'}</td>
              <td>${STATUS_TEXT[r.status]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderReading(r: BloodPressureReading): TemplateResult {
    if (!r.unpaired) return html`<span class="value">${formatReading(r)}</span>`;
    const half = r.systolic !== undefined ? 'systolic' : 'diastolic';
    return html`<span class="value">${r[half]} mmHg</span>
      <span part="unpaired" class="unpaired">${half} only</span>`;
  }
}
