import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { lastTetanusVaccination } from '@dcr-elements/core';
import type { CareRecordSession, Immunisation, ImmunisationsSection } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import {
  codingTerms,
  newestFirst,
  renderEntryList,
  renderTerm,
  type EntryColumn,
} from '../shared/entry-table.js';
import { NOT_KNOWN, formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { ListWindow, lastOf } from '../shared/list-window.js';
import { renderSection } from '../shared/section-view.js';
import { styles } from './immunisations.styles.js';
import { recordText } from '../shared/record-text.js';

const NOT_RECORDED = 'Not recorded';

/** Given or not (with the coded reason), and which dose of the course when the source says. */
function renderStatus(i: Immunisation): TemplateResult | string {
  const dose =
    i.doseSequence !== undefined
      ? html` <span class="secondary">Dose ${i.doseSequence} of the course</span>`
      : nothing;
  if (i.status === 'completed') return html`Given${dose}`;
  if (i.status === 'unknown') return html`Status not known${dose}`;
  const reason = codingTerms(i.reasonNotGiven);
  return html`Not given${reason ? html` <span class="secondary">Reason: ${recordText(reason)}</span>` : nothing}${dose}`;
}

function renderSiteAndRoute(i: Immunisation): TemplateResult | string {
  const site = codingTerms(i.site);
  const route = codingTerms(i.route);
  if (!site && !route) return NOT_RECORDED;
  return html`${site ? html`<span class="line">${recordText(site)}</span>` : nothing}
    ${route ? html`<span class="line">${recordText(route)}</span>` : nothing}`;
}

/**
 * @summary Immunisations newest first: vaccine, date, given or not given (with the coded reason)
 * and the dose in the course, site and route; above them, the last tetanus-containing vaccine, which A&E
 * asks about for every wound.
 *
 * @csspart heading - the "Immunisations" heading
 * @csspart tetanus - the line giving the last tetanus-containing vaccine (or that none was found)
 * @csspart table - the immunisations table
 * @csspart row - one immunisation
 * @csspart term-note - "Not coded" / "Transfer-degraded code" under a term not machine-checked
 * @csspart empty - the message shown when no immunisation is recorded or can be shown
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-immunisations-tetanus-border - the tetanus line's left rule (default: brand token)
 * @tagname dcr-immunisations
 */
export class DcrImmunisations extends LitElement {
  static override styles = styles;

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /**
   * True while the page prints: every row is rendered, not the first window of a long list. Set
   * by `<dcr-record>` for its print; used alone, the list sets it itself around a print.
   */
  @property({ type: Boolean }) printing = false;

  private readonly immunisations = new SectionController(this, 'immunisations');
  /** A long list shows its first rows and more as it scrolls (shared/list-window.ts). */
  private readonly window = new ListWindow(this);
  private readonly sorted = lastOf((section: ImmunisationsSection) =>
    newestFirst(section.entries, (i) => i.date),
  );

  protected override updated(): void {
    if (this.immunisations.current?.status === 'ready') this.session?.markShown('immunisations');
  }

  override render() {
    return html`<h2 part="heading" id="heading">Immunisations</h2>
      ${renderSection(this.session, this.immunisations.current, {
        label: 'Immunisations',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('immunisations'),
      })}`;
  }

  private renderReady(section: ImmunisationsSection): TemplateResult {
    return renderEntryList(section, this.immunisations.current, this.window, {
      noun: 'immunisations',
      columns: this.columns(section.entries),
      sorted: this.sorted(section),
      before: this.renderTetanus(section),
    });
  }

  private renderTetanus(section: ImmunisationsSection): TemplateResult {
    const last = lastTetanusVaccination(section);
    return html`<p part="tetanus" class="tetanus">
      ${
        last
          ? html`<span class="label">Last tetanus-containing vaccine</span>
              <span class="value">${last.date ? formatDate(last.date) : `date ${NOT_KNOWN.toLowerCase()}`}</span>
              <span class="secondary">${recordText(last.display)}. Found by vaccine name: check the list below.</span>`
          : html`<span class="label">No tetanus-containing vaccine found</span>
              <span class="secondary">Found by vaccine name: check the list below.</span>`
      }
    </p>`;
  }

  /** The site and route column only when some immunisation records them. */
  private columns(entries: readonly Immunisation[]): EntryColumn<Immunisation>[] {
    return [
      {
        label: 'Vaccine',
        cell: (i) =>
          html`${renderTerm(i)} ${
            i.primarySource === false
              ? html`<span class="secondary">Recorded from another source</span>`
              : nothing
          }`,
      },
      { label: 'Date', cell: (i) => formatDate(i.date), nowrap: true },
      { label: 'Status', cell: renderStatus },
      ...(entries.some((i) => i.site || i.route)
        ? [{ label: 'Site and route', cell: renderSiteAndRoute }]
        : []),
    ];
  }
}
