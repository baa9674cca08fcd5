import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CareRecordSession, RiskWarning, RisksWarningsSection } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { renderDisclosure, renderSection } from '../shared/section-view.js';
import { styles } from './risks-warnings.styles.js';
import { KIND_LABELS, PRIORITY } from './warning-kinds.js';
import { recordText } from '../shared/record-text.js';

const FOUND_IN: Record<NonNullable<RiskWarning['derivedFrom']>['section'], string> = {
  problems: 'a coded problem',
  diagnoses: 'a coded diagnosis',
  investigations: 'a coded entry',
  procedures: 'a coded procedure',
};

/** What the list is read from, said wherever it is shown (the hazard: other codes are missed). */
const BASIS: Record<RisksWarningsSection['basis'], string> = {
  'coded-entries':
    'GP Connect has no warnings list: these are derived from the GP record’s coded entries only. A warning recorded another way is not shown.',
  'flags-and-coded-entries':
    'Flags recorded by the source, and warnings derived from the GP record’s coded entries. A warning recorded another way is not shown.',
};

/**
 * @summary Risks and warnings: palliative care and resuscitation decisions first, then
 * safeguarding, risk of violence, falls, learning disability, dementia and carer, each with its
 * term as recorded, its date, and whether the source flagged it or it was derived from a coded
 * entry (GP Connect has no warnings list). Ended warnings are behind a toggle.
 *
 * @csspart heading - the "Risks and warnings" heading
 * @csspart basis - the sentence saying what the list was read from
 * @csspart list - the list of current warnings
 * @csspart warning - one warning
 * @csspart kind - a warning's category label
 * @csspart origin - "Derived from …" or "Flag recorded by the source"
 * @csspart toggle - the button showing or hiding ended warnings
 * @csspart ended - the list of ended warnings
 * @csspart empty - the message shown when no warning is found
 * @csspart message - loading, refusal and error messages
 * @csspart disclosure - incompleteness notice, "as of" time, source practice and warnings
 * @cssprop --dcr-risks-warnings-priority-color - edge of palliative care and resuscitation warnings (default: brand token)
 * @cssprop --dcr-risks-warnings-priority-background - their background (default: muted surface)
 * @cssprop --dcr-risks-warnings-color - edge of every other warning (default: secondary text token)
 * @tagname dcr-risks-warnings
 */
export class DcrRisksWarnings extends LitElement {
  static override styles = styles;

  /** Show ended warnings (resolved, removed or superseded) as well as current ones. */
  @property({ type: Boolean, attribute: 'show-ended' }) showEnded = false;

  /** The care record session; provided by `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  @state() private endedOpen = false;

  private readonly risks = new SectionController(this, 'risksWarnings');

  protected override updated(): void {
    if (this.risks.current?.status === 'ready') this.session?.markShown('risksWarnings');
  }

  override render() {
    return html`<h2 part="heading">Risks and warnings</h2>
      ${renderSection(this.session, this.risks.current, {
        label: 'Risks and warnings',
        ready: (section) => this.renderReady(section),
        retry: () => this.session?.retry('risksWarnings'),
      })}`;
  }

  private renderReady(section: RisksWarningsSection): TemplateResult {
    const snapshot = this.risks.current;
    const current = section.entries.filter((w) => w.status === 'active');
    const ended = section.entries.filter((w) => w.status !== 'active');
    const open = this.showEnded || this.endedOpen;
    // The basis is said above the list; the source's own "derived" notice need not repeat below.
    const disclosed = {
      ...section,
      warnings: section.warnings.filter((w) => w.coding?.code !== 'derived-from-coded-entries'),
    };
    return html`
      ${
        current.length > 0
          ? html`<ul part="list" class="warnings">${current.map((w) => this.renderWarning(w))}</ul>`
          : html`<p part="empty" class="empty">No ${ended.length > 0 ? 'current ' : ''}risks or warnings found in the coded record.</p>`
      }
      <p part="basis" class="basis">${BASIS[section.basis] ?? BASIS['coded-entries']}</p>
      ${
        ended.length > 0
          ? html`<button part="toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="ended" @click=${() => (this.endedOpen = !open)}>
              ${open ? 'Hide' : 'Show'} ended warnings (${ended.length})
            </button>
            <ul part="ended" id="ended" class="warnings ended" ?hidden=${!open}>
              ${open ? ended.map((w) => this.renderWarning(w)) : nothing}
            </ul>`
          : nothing
      }
      ${renderDisclosure(disclosed, snapshot?.status === 'ready' ? snapshot : undefined)}
    `;
  }

  private renderWarning(w: RiskWarning): TemplateResult {
    const priority = PRIORITY.has(w.kind) && w.status === 'active';
    return html`<li part="warning" class=${priority ? 'warning priority' : 'warning'}>
      <span part="kind" class="kind">${KIND_LABELS[w.kind] ?? KIND_LABELS.other}</span>
      <span class="term">${recordText(w.display)}</span>
      <span class="when">
        ${w.date ? html`<span><span class="visually-hidden">Date </span>${formatDate(w.date)}</span>` : html`<span>Date not known</span>`}
        ${w.status !== 'active' ? html`<span class="ended-on">Ended${w.end ? ` ${formatDate(w.end)}` : ''}</span>` : nothing}
      </span>
      <span part="origin" class="origin">${
        w.origin === 'flag'
          ? 'Flag recorded by the source'
          : `Derived from ${w.derivedFrom ? FOUND_IN[w.derivedFrom.section] : 'a coded entry'} in the GP record`
      }</span>
    </li>`;
  }
}
