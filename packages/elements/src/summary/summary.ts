import { consume } from '@lit/context';
import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type {
  AllergiesSection,
  CareEvent,
  CareRecordSession,
  EntrySection,
  Entry,
  InvestigationResult,
  Medication,
  SectionName,
  SectionSnapshot,
} from '@dcr-elements/core';
import {
  latestEvents,
  notShownSummary,
  notShownText,
  type MonitoredMedicine,
} from '@dcr-elements/core';
import {
  HEADLINE,
  ICON,
  KIND_OF_STATE,
  criticalityText,
  reactionText,
  type AllergyBannerKind,
} from '../allergy-banner/allergy-text.js';
import { DcrNavigateEvent } from '../events.js';
import type { RecordTabId } from '../record/record-tabs.js';
import { sessionContext } from '../session/session-context.js';
import { formatDate } from '../shared/format.js';
import { joinText, recordText } from '../shared/record-text.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderNotice, renderSection } from '../shared/section-view.js';
import { KIND_LABELS, PRIORITY } from '../risks-warnings/warning-kinds.js';
import { activeProblems, activeWarnings, summaryMedications } from './summary-query.js';
import { styles } from './summary.styles.js';
import { MonitoringController, byMedicine, inSentence } from '../shared/monitoring.js';
import { FLAG_TEXT } from '../investigations/result-groups.js';
import { pastStatusText } from '../shared/medication-text.js';

const warningIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2 1 21h22L12 2zm0 5 7.5 12h-15L12 7zm-1 4v4h2v-4h-2zm0 5v2h2v-2h-2z"/></svg>`;

type Ready<K extends SectionName> = Extract<SectionSnapshot<K>, { status: 'ready' }>;

/**
 * @summary What to know in thirty seconds: allergies, risks and warnings (resuscitation and
 * end-of-life first), current medication (high-risk first), the latest result of each monitored
 * medicine, active problems and the last hospital admission. It reads sections the page already
 * asks for, each part with its own loading and error state, so one slow section never blanks the
 * rest.
 *
 * @csspart heading - the "Summary" heading
 * @csspart part - one part of the summary (allergies, warnings, medication, monitoring, problems, admission)
 * @csspart link - the button that opens a part's full view (shown with the `links` attribute)
 * @csspart high-risk - the high-risk marker beside a medicine
 * @csspart not-issued - "Not issued since ..." beside a current repeat long past its supply
 * @csspart empty - a part's "nothing recorded" message
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - what a part does not show, and the incompleteness notice at the end
 * @cssprop --dcr-summary-columns-min - narrowest column before the parts stack (default 22rem)
 * @cssprop --dcr-summary-high-risk-color - high-risk and end-of-life markers (default: danger token)
 * @fires dcr-navigate - a part's full view was asked for; detail: { tab }
 * @tagname dcr-summary
 */
export class DcrSummary extends LitElement {
  static override styles = styles;

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /**
   * Show a button from each part to its full view, firing `dcr-navigate` { tab }. `<dcr-record>`
   * sets it and opens the tab; a host showing the summary alone sets it only if it answers.
   */
  @property({ type: Boolean }) links = false;

  /** Leave out the allergies part, where an allergy banner is always on screen (`<dcr-record>`). */
  @property({ type: Boolean, attribute: 'hide-allergies' }) hideAllergies = false;

  private readonly allergies = new SectionController(this, 'allergies');
  private readonly warnings = new SectionController(this, 'risksWarnings');
  private readonly medications = new SectionController(this, 'medications');
  private readonly investigations = new SectionController(this, 'investigations');
  private readonly problems = new SectionController(this, 'problems');
  private readonly events = new SectionController(this, 'events');
  private readonly monitoring = new MonitoringController(this);
  private readonly parts = [
    this.allergies,
    this.warnings,
    this.medications,
    this.investigations,
    this.problems,
    this.events,
  ];

  protected override updated(): void {
    for (const part of this.parts)
      if (part.current?.status === 'ready' && !(part === this.allergies && this.hideAllergies))
        this.session?.markShown(part.section);
  }

  override render() {
    // Without a live grant the summary says why once, not once per part.
    if (!this.session?.basis)
      return html`<h2 part="heading">Summary</h2>
        ${renderSection(this.session, undefined, { label: 'Summary', ready: () => html``, retry: () => undefined })}`;
    return html`<h2 part="heading">Summary</h2>
      <div class="parts">
        ${this.hideAllergies ? nothing : this.renderAllergies()} ${this.renderWarnings()} ${this.renderMedications()}
        ${this.renderMonitoring()} ${this.renderProblems()} ${this.renderAdmission()}
      </div>
      ${this.renderFooter()}`;
  }

  // ---- parts ---------------------------------------------------------------------------------

  private renderPart(
    id: string,
    title: string,
    body: TemplateResult,
    link?: { tab: RecordTabId; text: string },
  ): TemplateResult {
    return html`<section part="part" class="part ${id}" aria-labelledby="${id}-title">
      <div class="part-head">
        <h3 id="${id}-title">${title}</h3>
        ${
          link && this.links
            ? html`<button type="button" part="link" class="link" @click=${() => this.navigate(link.tab)}>${link.text}</button>`
            : nothing
        }
      </div>
      ${body}
    </section>`;
  }

  /** A part that reads one section: its loading, error (with retry) or ready view. */
  private sectionBody<K extends SectionName>(
    controller: SectionController<K>,
    label: string,
    ready: (value: Ready<K>['value'], snapshot: Ready<K>) => TemplateResult,
  ): TemplateResult {
    const snapshot = controller.current;
    return renderSection(this.session, snapshot, {
      label,
      ready: (value) => ready(value, snapshot as Ready<K>),
      retry: () => this.session?.retry(controller.section),
    });
  }

  private renderAllergies(): TemplateResult {
    const snapshot = this.allergies.current;
    const kind: AllergyBannerKind =
      snapshot?.status === 'ready'
        ? KIND_OF_STATE[snapshot.value.state]
        : snapshot?.status === 'error'
          ? 'unavailable'
          : 'loading';
    const headline = html`<p class="headline ${kind}"><span class="symbol" aria-hidden="true">${ICON[kind]}</span>${HEADLINE[kind]}</p>`;
    const body = renderSection(this.session, snapshot, {
      label: 'Allergies',
      ready: (value) =>
        html`${headline}${this.renderAllergyDetails(value)}${renderDisclosure(value, undefined, { notice: false, notShown: value.state !== 'not-shown' })}`,
      unavailable: (message) => html`${headline}${message}`,
      retry: () => this.session?.retry('allergies'),
    });
    return this.renderPart('allergies', 'Allergies', body);
  }

  private renderAllergyDetails(value: AllergiesSection): TemplateResult | typeof nothing {
    switch (value.state) {
      case 'recorded': {
        const current = value.entries.filter((a) => a.status === 'active');
        if (current.length === 0)
          return html`<p class="note">None current: every allergy recorded is resolved or inactive.</p>`;
        return html`<ul class="list" aria-label="Current allergies">
          ${current.map((a) => {
            const criticality = criticalityText(a);
            const facts = joinText([
              reactionText(a),
              criticality && `${criticality.toLowerCase()} criticality`,
            ]);
            return html`<li class=${a.criticality === 'high' ? 'high' : nothing}><span class="term">${recordText(a.display)}</span>${facts ? html`<span class="facts">: ${facts}</span>` : nothing}</li>`;
          })}
        </ul>`;
      }
      case 'no-known-allergies': {
        const date = value.statements.find((s) => s.scope === 'all')?.date;
        return html`<p class="note">Coded in the GP record${date ? html`, ${formatDate(date)}` : nothing}.</p>`;
      }
      case 'not-recorded':
        return html`<p class="note">Nothing recorded either way. Ask the patient.</p>`;
      case 'not-shown':
        return html`<p class="note">${notShownText(notShownSummary(value), ['allergy entry', 'allergy entries'])} Ask the patient, or contact the GP practice.</p>`;
    }
  }

  private renderWarnings(): TemplateResult {
    const body = this.sectionBody(this.warnings, 'Risks and warnings', (section) => {
      const active = activeWarnings(section);
      return html`${
        active.length > 0
          ? html`<ul class="list">
            ${active.map((w) => {
              const category = KIND_LABELS[w.kind] ?? KIND_LABELS.other;
              return html`<li class=${PRIORITY.has(w.kind) ? 'end-of-life' : nothing}>
                ${category ? html`<span class="category">${category}</span>` : nothing}
                <span class="term">${recordText(w.display)}</span>
                <span class="date">${w.start ? `since ${formatDate(w.start)}` : 'date not known'}</span>
              </li>`;
            })}
          </ul>`
          : this.empty(
              section.entries.length > 0
                ? 'No current risks or warnings'
                : 'No risks or warnings recorded',
              section.entries.length,
              'past',
            )
      }${this.partDisclosure(section)}`;
    });
    return this.renderPart('warnings', 'Risks and warnings', body, {
      tab: 'risks-warnings',
      text: 'All risks and warnings',
    });
  }

  private renderMedications(): TemplateResult {
    const body = this.sectionBody(this.medications, 'Medication', (section, snapshot) => {
      const shown = summaryMedications(section, snapshot.fetchedAt);
      return html`<p class="scope">Current repeats, and acutes of the last 12 months</p>
        ${
          shown.length > 0
            ? html`<ul class="list">${shown.map((m) => this.renderMedication(m))}</ul>`
            : this.empty(
                section.entries.length > 0 ? 'No current medication' : 'No medications recorded',
                section.entries.length,
                'past',
              )
        }${this.partDisclosure(section)}`;
    });
    return this.renderPart('medications', 'Current medication', body, {
      tab: 'medications',
      text: 'All medication',
    });
  }

  private renderMedication(m: Medication): TemplateResult {
    const past = pastStatusText(m);
    const details = joinText([
      past,
      m.kind === 'repeat' ? 'Repeat' : 'Acute',
      recordText(m.dosage),
      m.lastIssued ? `last issued ${formatDate(m.lastIssued.date)}` : 'not issued',
    ]);
    // A recent acute the prescriber stopped is listed (it was taken lately) but says so first.
    return html`<li class=${m.highRisk && !past ? 'high-risk' : nothing}>
      <span class="term">${recordText(m.name)}</span>
      ${
        m.highRisk
          ? html`<span part="high-risk" class="marker">${warningIcon}High-risk${m.highRiskClass ? `: ${m.highRiskClass}` : ' medicine'}</span>`
          : nothing
      }
      <span class="details">${details}</span>
      ${m.notIssuedSince ? html`<span part="not-issued">Not issued since ${formatDate(m.notIssuedSince)}</span>` : nothing}
    </li>`;
  }

  private renderMonitoring(): TemplateResult {
    const meds = this.medications.current;
    const results = this.investigations.current;
    let body: TemplateResult;
    const monitoring =
      meds?.status === 'ready' && results?.status === 'ready'
        ? this.monitoring.of(meds.value, results.value)
        : undefined;
    if (monitoring?.status === 'ready') {
      const monitored = monitoring.value;
      body =
        monitored.length > 0
          ? html`<ul class="list">${byMedicine(monitored).map((tests) => this.renderMonitored(tests))}</ul>`
          : html`<p part="empty" class="empty">No current medicine with a monitoring test</p>`;
    } else if (monitoring?.status === 'failed') {
      // Never silently left out: the clinician is told monitoring was not checked.
      body = html`<div part="message" class="message tone-error" role="alert">
        <p class="title">Drug monitoring could not be checked</p>
        <p>This part of the page did not load. It does not mean no monitoring is needed.</p>
        <button type="button" @click=${() => this.monitoring.retry()}>Try again</button>
      </div>`;
    } else {
      // Both sections are needed: a failure of either is said, else it (or the rule) is loading.
      const failed = [meds, results].find((s) => s?.status === 'error');
      const waiting = monitoring ? undefined : meds?.status === 'ready' ? results : meds;
      body = renderSection(this.session, failed ?? waiting, {
        label: 'Drug monitoring',
        ready: () => html``,
        retry: () => {
          this.session?.retry('medications');
          this.session?.retry('investigations');
        },
      });
    }
    return this.renderPart('monitoring', 'Drug monitoring', body, {
      tab: 'results',
      text: 'All results',
    });
  }

  /** One medicine, with the latest result of each of its tests on its own line. */
  private renderMonitored(tests: MonitoredMedicine[]): TemplateResult {
    return html`<li>
      <span class="term">${recordText(tests[0]!.medication.name)}</span>
      ${tests.map(({ test, latest }) =>
        latest
          ? html`<span class="result">${test} ${recordText(resultValue(latest))}${
              latest.abnormal
                ? html` <strong class="flag">${FLAG_TEXT[latest.abnormal]}</strong>`
                : nothing
            }</span>
            <span class="date">${formatDate(latest.date)}${rangeText(latest)}</span>`
          : html`<span class="result">No ${inSentence(test)} result in the record</span>`,
      )}
    </li>`;
  }

  private renderProblems(): TemplateResult {
    const body = this.sectionBody(this.problems, 'Problems', (section) => {
      const active = activeProblems(section);
      return html`${
        active.length > 0
          ? html`<ul class="list">
            ${active.map(
              (p) => html`<li>
                <span class="term">${recordText(p.display)}</span>
                ${p.significance === 'major' ? html`<span class="tag">Major</span>` : nothing}
                <span class="date">${(p.onset ?? p.date) ? `since ${formatDate(p.onset ?? p.date)}` : 'onset not known'}</span>
              </li>`,
            )}
          </ul>`
          : this.empty(
              section.entries.length > 0 ? 'No active problems' : 'No problems recorded',
              section.entries.length,
              'past',
            )
      }${this.partDisclosure(section)}`;
    });
    return this.renderPart('problems', 'Active problems', body, {
      tab: 'problems',
      text: 'All problems',
    });
  }

  private renderAdmission(): TemplateResult {
    const body = this.sectionBody(this.events, 'Admissions', (section) => {
      const admission = latestEvents(section).admission;
      return html`${
        admission
          ? this.renderAdmissionDetails(admission)
          : html`<p part="empty" class="empty">No hospital admissions recorded</p>`
      }${this.partDisclosure(section)}`;
    });
    return this.renderPart('admission', 'Last admission', body, {
      tab: 'events',
      text: 'All events',
    });
  }

  private renderAdmissionDetails(admission: CareEvent): TemplateResult {
    const start = admission.start ?? admission.date;
    const end = admission.end;
    const where = admission.organisation ?? admission.location;
    return html`<p class="admission">
      <span class="term">${formatDate(start)}${end ? ` to ${formatDate(end)}` : admission.status === 'in-progress' ? ', still in hospital' : ''}</span>
      <span class="details">${joinText([recordText(admission.display), recordText(where)])}</span>
    </p>`;
  }

  // ---- shared pieces -------------------------------------------------------------------------

  /** "No current X", and how many past entries the full view holds, never a blank part. */
  private empty(message: string, total: number, word: string): TemplateResult {
    return html`<p part="empty" class="empty">${message}${total > 0 ? html`<span class="secondary"> (${total} ${word})</span>` : nothing}</p>`;
  }

  /** What this part's section withheld or could not show, and its source's warnings. */
  private partDisclosure(section: EntrySection<Entry>) {
    return renderDisclosure(section, undefined, { notice: false });
  }

  /** The incompleteness notice once, with the earliest fetch time of what is shown. */
  private renderFooter() {
    const ready = this.parts.flatMap((p) => {
      const snapshot = p.current;
      return snapshot?.status === 'ready'
        ? [{ fetchedAt: snapshot.fetchedAt, entries: snapshot.value.entries as Entry[] }]
        : [];
    });
    if (ready.length === 0) return nothing;
    const fetchedAt = ready.map((s) => s.fetchedAt).sort()[0];
    const practice = ready.flatMap((s) => s.entries).find((e) => e.provenance.organisation)
      ?.provenance.organisation;
    return html`<footer part="disclosure">${renderNotice(fetchedAt, practice)}</footer>`;
  }

  private navigate(tab: RecordTabId): void {
    this.dispatchEvent(new DcrNavigateEvent({ tab }));
  }
}

/** `2.4`, `<0.5 mg/L`, `Negative`. A unit of "ratio" (INR) is left out, as clinicians write it. */
function resultValue(result: InvestigationResult): string {
  if (result.value === undefined)
    return result.textValue ?? result.codedValue?.find((c) => c.display)?.display ?? 'no value';
  const unit = result.unit && !/^\{?ratio\}?$/i.test(result.unit) ? ` ${result.unit}` : '';
  return `${result.comparator ?? ''}${result.value.toLocaleString('en-GB')}${unit}`;
}

/** `, range 2.0 to 3.0` when the source sent a range. */
function rangeText(result: InvestigationResult): string {
  const { low, high } = result.referenceRange ?? {};
  const fmt = (n: number) => n.toLocaleString('en-GB');
  if (low !== undefined && high !== undefined) return `, range ${fmt(low)} to ${fmt(high)}`;
  if (low !== undefined) return `, range above ${fmt(low)}`;
  if (high !== undefined) return `, range below ${fmt(high)}`;
  return '';
}
