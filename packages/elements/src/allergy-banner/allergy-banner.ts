import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { notShownSummary, notShownText } from '@dcr-elements/core';
import type {
  AllergiesSection,
  Allergy,
  CareRecordSession,
  HostPatient,
  SectionSnapshot,
} from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { NOT_KNOWN, formatDate } from '../shared/format.js';
import { SectionController } from '../shared/section-controller.js';
import { isViewing, renderDisclosure, renderSection } from '../shared/section-view.js';
import { joinText, recordText } from '../shared/record-text.js';
import { renderTermMark } from '../shared/term-mark.js';
import {
  HEADLINE,
  ICON,
  KIND_OF_STATE,
  allergyDates,
  categoryText,
  criticalityText,
  reactionText,
  statusText,
  type AllergyBannerKind,
} from './allergy-text.js';
import { styles } from './allergy-banner.styles.js';

type ReadyAllergies = Extract<SectionSnapshot<'allergies'>, { status: 'ready' }>;

/**
 * @summary The allergy banner, never blank and never ambiguous: *Known allergies* (each substance
 * with its reaction, severity and criticality), *No known allergies* (only for a coded statement),
 * *Allergies not recorded* (nothing either way) or *Allergies unavailable* (with why). Each state
 * has its own words and symbol, never colour alone.
 *
 * Resolved and inactive allergies are shown only on request. The expanded layout carries the full
 * disclosure; the compact one at least what was withheld and the source's warnings.
 *
 * @csspart banner - the banner (its class names the state: known, none-known, not-recorded, unavailable, loading)
 * @csspart headline - the state's message: "Known allergies", "No known allergies", "Allergies not recorded", "Allergies unavailable"
 * @csspart list - a list of allergies (current, or resolved once shown)
 * @csspart allergy - one allergy
 * @csspart term-mark - "Uncoded" or "Degraded in transfer" beside a substance shown by the term as recorded
 * @csspart toggle - the button that shows or hides resolved allergies
 * @csspart message - why allergies are unavailable (with "Try again" when the fetch failed)
 * @csspart disclosure - what is not shown and when the record was fetched
 * @cssprop --dcr-allergy-banner-background - banner background
 * @cssprop --dcr-allergy-banner-known-accent - border and symbol colour when allergies are known (default: danger red)
 * @cssprop --dcr-allergy-banner-none-accent - border and symbol colour for "No known allergies"
 * @cssprop --dcr-allergy-banner-unknown-accent - border and symbol colour for "not recorded" and "unavailable"
 * @cssstate known - allergies are recorded
 * @cssstate none-known - the record states no known allergies
 * @cssstate not-recorded - nothing is recorded either way
 * @cssstate unavailable - allergies could not be shown (also when allergy entries were sent but none can be shown)
 * @cssstate loading - waiting for the record
 * @tagname dcr-allergy-banner
 */
export class DcrAllergyBanner extends LitElement {
  static override styles = styles;

  /** The care record session; from an enclosing `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /** `compact`: a one-line banner (default); `expanded`: each allergy in full, with the disclosure. */
  @property() layout: 'compact' | 'expanded' = 'compact';

  @state() private showResolved = false;

  private readonly allergies = new SectionController(this, 'allergies');
  private readonly internals = this.attachInternals();
  private shownFor: HostPatient | undefined;
  private kind: AllergyBannerKind = 'unavailable';

  protected override willUpdate(): void {
    // Resolved allergies are opened for one patient only.
    if (this.session?.patient !== this.shownFor) this.showResolved = false;
    this.shownFor = this.session?.patient;
    this.kind = this.kindOf(this.allergies.current);
  }

  protected override updated(): void {
    const states = this.internals.states;
    for (const kind of Object.keys(HEADLINE)) {
      if (kind === this.kind) states.add(kind);
      else states.delete(kind);
    }
    if (this.kind !== 'unavailable' && this.kind !== 'loading')
      this.session?.markShown('allergies');
  }

  override render() {
    const snapshot = this.allergies.current;
    const kind = this.kind;
    const layout = this.layout === 'expanded' ? 'expanded' : 'compact';
    return html`<section part="banner" class="banner ${kind} ${layout}" aria-labelledby="headline">
      <p id="headline" part="headline" class="headline" aria-live="polite">
        <span class="icon" aria-hidden="true">${ICON[kind]}</span><span class="text">${HEADLINE[kind]}</span>
      </p>
      ${kind === 'loading' ? nothing : this.renderBody(snapshot, layout === 'compact')}
    </section>`;
  }

  private kindOf(snapshot: SectionSnapshot<'allergies'> | undefined): AllergyBannerKind {
    if (snapshot?.status === 'ready') return KIND_OF_STATE[snapshot.value.state];
    if (snapshot?.status === 'error') return 'unavailable';
    return isViewing(this.session) ? 'loading' : 'unavailable';
  }

  private renderBody(snapshot: SectionSnapshot<'allergies'> | undefined, compact: boolean) {
    const explain = (message: TemplateResult) => html`<div class="reason">${message}</div>`;
    const body = renderSection(this.session, snapshot, {
      label: 'Allergies',
      ready: (value) => this.renderReady(value, snapshot as ReadyAllergies, compact),
      unavailable: explain,
      retry: () => this.session?.retry('allergies'),
    });
    // renderSection leaves "waiting for consent" unwrapped; here it is one more reason for "unavailable".
    return this.session?.state === 'awaiting-consent' && snapshot === undefined
      ? explain(body)
      : body;
  }

  private renderReady(value: AllergiesSection, snapshot: ReadyAllergies, compact: boolean) {
    const current = value.entries.filter((a) => a.status === 'active');
    const past = value.entries.filter((a) => a.status !== 'active');
    const notShown =
      value.state === 'not-shown'
        ? 0
        : notShownSummary(value, ['another-patient', 'unreadable']).count;
    const noticed =
      (value.withheld?.private ?? 0) +
        (value.withheld?.sensitive ?? 0) +
        value.warnings.length +
        notShown >
      0;
    return html`
      <div class="details">
        ${value.state === 'recorded' ? this.renderKnown(current, past, compact) : nothing}
        ${value.state === 'no-known-allergies' ? this.renderNoneKnown(value, compact) : nothing}
        ${value.state === 'not-recorded' ? this.renderNotRecorded(value, compact) : nothing}
        ${value.state === 'not-shown' ? this.renderNotShown(value) : nothing}
      </div>
      ${
        !compact || noticed
          ? renderDisclosure(value, snapshot, { notShown: value.state !== 'not-shown' })
          : nothing
      }
    `;
  }

  private renderKnown(current: Allergy[], past: Allergy[], compact: boolean) {
    return html`
      ${
        current.length > 0
          ? html`<ul part="list" class="list" aria-label="Current allergies">${current.map((a) => this.renderAllergy(a, compact))}</ul>`
          : past.length > 0
            ? html`<p class="note">None current: every allergy recorded is resolved or inactive.</p>`
            : html`<p class="note">Allergies are recorded but none can be shown to you. Ask the patient, or contact the GP practice.</p>`
      }
      ${
        past.length > 0
          ? html`<button type="button" part="toggle" class="toggle" aria-expanded=${this.showResolved ? 'true' : 'false'}
              aria-controls="resolved" @click=${() => (this.showResolved = !this.showResolved)}>
              ${this.showResolved ? 'Hide' : 'Show'} resolved allergies (${past.length})
            </button>
            <div id="resolved" class="resolved">
              ${
                this.showResolved
                  ? html`<ul part="list" class="list" aria-label="Resolved allergies">${past.map((a) => this.renderAllergy(a, compact))}</ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
    `;
  }

  private renderAllergy(allergy: Allergy, compact: boolean) {
    const reaction = reactionText(allergy);
    const criticality = criticalityText(allergy);
    const status = allergy.status === 'active' ? undefined : statusText(allergy);
    const dates = allergyDates(allergy);
    // The substance as the record names it (a degraded or uncoded one by its own term, marked).
    const substance = html`${recordText(allergy.display)}${renderTermMark(allergy)}`;
    if (compact) {
      const date = dates[0] && `${dates[0].label.toLowerCase()} ${formatDate(dates[0].date)}`;
      const details = joinText([
        status,
        reaction,
        criticality && `${criticality.toLowerCase()} criticality`,
        date,
      ]);
      return html`<li part="allergy" class=${allergy.criticality === 'high' ? 'allergy high' : 'allergy'}>
        <span class="substance">${substance}</span>${details ? html`<span class="facts">: ${details}</span>` : nothing}
      </li>`;
    }
    return html`<li part="allergy" class=${allergy.criticality === 'high' ? 'allergy high' : 'allergy'}>
      <p class="substance">${substance}</p>
      <dl>
        ${status ? html`<div><dt>Status</dt><dd>${status}</dd></div>` : nothing}
        <div><dt>Reaction</dt><dd>${reaction ?? NOT_KNOWN}</dd></div>
        <div><dt>Criticality</dt><dd>${criticality ?? NOT_KNOWN}</dd></div>
        <div><dt>Type</dt><dd>${categoryText(allergy) ?? NOT_KNOWN}</dd></div>
        ${
          dates.length > 0
            ? dates.map((d) => html`<div><dt>${d.label}</dt><dd>${formatDate(d.date)}</dd></div>`)
            : html`<div><dt>Date</dt><dd>${NOT_KNOWN}</dd></div>`
        }
      </dl>
    </li>`;
  }

  private renderNoneKnown(value: AllergiesSection, compact: boolean) {
    const date = value.statements.find((s) => s.scope === 'all')?.date;
    if (compact)
      return html`<p class="note">Coded in the GP record${date ? html`, ${formatDate(date)}` : nothing}.</p>`;
    return html`<p class="note">
      The GP record states the patient has no known allergies${date ? html`, recorded ${formatDate(date)}` : nothing}.
    </p>`;
  }

  private renderNotShown(value: AllergiesSection) {
    const why = notShownText(notShownSummary(value), ['allergy entry', 'allergy entries']);
    return html`<p class="note">${why} Ask the patient, or contact the GP practice.</p>`;
  }

  private renderNotRecorded(value: AllergiesSection, compact: boolean) {
    // A drug-only or latex-only statement is shown as what it is: it says nothing about other allergies.
    const partial = value.statements.filter((s) => s.scope !== 'all');
    return html`<p class="note">
        ${compact ? 'Nothing recorded either way. Ask the patient.' : 'Nothing about allergies is recorded in the GP record, either way. Ask the patient.'}
      </p>
      ${partial.map((s) => html`<p class="note">Recorded: ${recordText(s.display)}${s.date ? html`, ${formatDate(s.date)}` : nothing}. This covers only what it names.</p>`)}`;
  }
}
