import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, provide } from '@lit/context';
import {
  OVERRIDE_REASONS,
  type CareRecordSession,
  type ConsentDecision,
  type HostPatient,
  type OverrideReason,
  type SessionState,
} from '@dcr-elements/core';
import { DcrConsentRecordedEvent, DcrViewEndedEvent } from '../events.js';
import { sessionContext } from '../session/session-context.js';
import {
  NOT_KNOWN,
  formatBirthDate,
  formatNhsNumber,
  formatPatientName,
} from '../shared/format.js';
import { isViewing, renderStateMessage } from '../shared/section-view.js';
import { SessionStateController } from '../shared/session-state-controller.js';
import { OVERRIDE_REASON_LABELS } from './override-reasons.js';
import { styles } from './consent-gate.styles.js';

/** The steps of recording the patient's answer. */
type Step = 'question' | 'override' | 'confirm';

/** What the gate shows; focus moves when this changes. */
type View = Step | 'checking' | 'viewing' | `refused:${SessionState | 'no-session'}`;

/**
 * @summary Asks the clinician to record whether the patient consents to their GP record being
 * viewed (yes, no, or a duty-of-care override with a coded reason), and shows its content only
 * once the session holds a grant. The patient is shown as the host identified them: nothing of
 * the record is requested before the answer. Every refusal is explained with what to do next.
 *
 * The session owns every rule: the gate only records the answer through it and renders its state.
 * It also provides its session to its content, so elements inside need no `<dcr-session>`.
 *
 * @slot - the record to show once viewing is allowed; the slot is not rendered at all before then
 * @csspart identity - the patient as identified by the host system (name, date of birth, NHS number)
 * @csspart question - the consent question and its three answers
 * @csspart override-form - the duty-of-care override form (coded reason, optional note)
 * @csspart confirmation - the explicit confirmation step of an override
 * @csspart status - the bar shown above the record while viewing
 * @csspart override-banner - the persistent banner while an override is active (also a `status`)
 * @csspart audit-degraded - in the status bar: audit records are kept in memory only (no browser storage)
 * @csspart end-button - the "End viewing" button
 * @csspart button - every other button
 * @csspart message - the box explaining a refusal, an error or the end of viewing
 * @csspart content - the wrapper around the slotted record
 * @cssprop --dcr-consent-gate-background - background of the question, forms and messages
 * @cssprop --dcr-consent-gate-border-color - border of the question and forms
 * @cssprop --dcr-consent-gate-override-background - background of the override banner
 * @cssprop --dcr-consent-gate-override-color - text colour of the override banner
 * @cssprop --dcr-consent-gate-override-accent - border and badge colour of the override banner
 * @cssprop --dcr-consent-gate-sticky-top - offset of the sticky status bar from the top of the scroll area
 * @fires dcr-consent-recorded - detail: { decision, reason?, time }; no clinical content
 * @fires dcr-view-ended - the clinician ended viewing
 * @tagname dcr-consent-gate
 */
export class DcrConsentGate extends LitElement {
  static override styles = styles;

  /** The care record session; from an enclosing `<dcr-session>` or set directly. */
  @consume({ context: sessionContext, subscribe: true })
  @provide({ context: sessionContext })
  @property({ attribute: false })
  session?: CareRecordSession;

  /** Today's date for the patient's age; replaceable so tests and demos are reproducible. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @state() private step: Step = 'question';
  /** The clinician asked to record a new answer after a "no". */
  @state() private reasking = false;
  @state() private reason: OverrideReason | undefined;
  @state() private note = '';
  @state() private reasonMissing = false;
  @state() private failure: string | undefined;

  private readonly sessionState = new SessionStateController(this);
  private view: View | undefined;
  private focusPending = false;
  /** The patient the answer in progress is about: a switch starts the question afresh. */
  private askingAbout: HostPatient | undefined;

  protected override willUpdate(): void {
    const session = this.session;
    const asking =
      session?.state === 'awaiting-consent' ||
      (session?.state === 'consent-declined' && this.reasking);
    if (!asking || session?.patient !== this.askingAbout) this.resetAnswer();
    this.askingAbout = session?.patient;
    const view = this.currentView();
    if (view !== this.view) {
      // Focus follows the clinician's own action inside the gate (an answer, "End viewing",
      // "Try again"); a change the host or the network made never takes it from where it is.
      this.focusPending = this.matches(':focus-within');
      this.view = view;
    }
  }

  protected override updated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  override render() {
    const session = this.session;
    const view = this.currentView();
    if (!session) return this.renderRefused(undefined);
    switch (view) {
      case 'viewing':
        return this.renderViewing(session);
      case 'checking':
        return this.renderChecking(session);
      case 'question':
        return this.renderQuestion(session);
      case 'override':
        return this.renderOverrideForm(session);
      case 'confirm':
        return this.renderConfirmation(session);
      default:
        return this.renderRefused(session);
    }
  }

  private currentView(): View {
    const session = this.session;
    if (!session) return 'refused:no-session';
    const { state } = session;
    if (isViewing(session)) return session.basis ? 'viewing' : 'checking';
    if (state === 'awaiting-consent' || (state === 'consent-declined' && this.reasking))
      return this.step;
    return `refused:${state}`;
  }

  private resetAnswer(): void {
    this.step = 'question';
    this.reasking = false;
    this.reason = undefined;
    this.note = '';
    this.reasonMissing = false;
    this.failure = undefined;
  }

  // ---- views ---------------------------------------------------------------------------------

  private renderIdentity(patient: HostPatient | undefined) {
    if (!patient) return nothing;
    const name = patient.name
      ? formatPatientName({ family: patient.name.family, given: patient.name.given ?? [] })
      : NOT_KNOWN;
    return html`<div part="identity" class="identity">
      <p class="caption">Patient as identified in your system</p>
      <p class="patient-name">${name}</p>
      <dl>
        <div><dt>Born</dt><dd>${formatBirthDate(patient.birthDate, this.clock())}</dd></div>
        <div><dt>NHS No.</dt><dd>${formatNhsNumber(patient.nhsNumber)}</dd></div>
      </dl>
    </div>`;
  }

  private renderChecking(session: CareRecordSession) {
    return html`<div part="message" class="panel" role="status" tabindex="-1" data-focus>
      ${this.renderIdentity(session.patient)}
      <p class="title">Checking whether you can view this GP record</p>
    </div>`;
  }

  private renderQuestion(session: CareRecordSession) {
    return html`<section part="question" class="panel" aria-labelledby="question-title">
      <h2 id="question-title" tabindex="-1" data-focus>Consent to view GP record</h2>
      ${this.renderIdentity(session.patient)}
      <p>Ask the patient whether they agree to you viewing their GP record now, then record their answer.</p>
      ${this.renderFailure()}
      <div class="actions" role="group" aria-label="Patient's answer">
        <button type="button" part="button" class="primary" @click=${this.grantConsent}>Patient consents</button>
        <button type="button" part="button" @click=${this.declineConsent}>Patient declines</button>
        <button type="button" part="button" class="override" @click=${this.chooseOverride}>Override: view without consent</button>
      </div>
    </section>`;
  }

  private renderOverrideForm(session: CareRecordSession) {
    return html`<form part="override-form" class="panel" aria-labelledby="override-title" novalidate
      @submit=${this.continueOverride} @keydown=${this.backOnEscape}>
      <h2 id="override-title" tabindex="-1" data-focus>Override: view without consent</h2>
      ${this.renderIdentity(session.patient)}
      <p>Use this only when viewing is in the patient's vital interest and their consent cannot be obtained.
        The override is recorded with your name and reason, and reviewed by a privacy officer.</p>
      <fieldset aria-describedby=${this.reasonMissing ? 'reason-error' : nothing}>
        <legend>Reason for the override (required)</legend>
        ${this.reasonMissing ? html`<p id="reason-error" class="error" role="alert">Choose a reason for the override.</p>` : nothing}
        ${OVERRIDE_REASONS.map(
          (reason) => html`<label class="radio">
          <input type="radio" name="reason" value=${reason} .checked=${this.reason === reason}
            aria-invalid=${this.reasonMissing ? 'true' : 'false'} @change=${() => this.chooseReason(reason)} />
          ${OVERRIDE_REASON_LABELS[reason]}
        </label>`,
        )}
      </fieldset>
      <label class="field-label" for="note">Note (optional)</label>
      <p id="note-hint" class="hint">Kept in the audit record for the privacy officer. Up to 500 characters.</p>
      <textarea id="note" rows="2" maxlength="500" aria-describedby="note-hint" .value=${this.note}
        @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button type="submit" part="button" class="override">Continue</button>
        <button type="button" part="button" @click=${this.backToQuestion}>Cancel</button>
      </div>
    </form>`;
  }

  private renderConfirmation(session: CareRecordSession) {
    const note = this.note.trim();
    return html`<section part="confirmation" class="panel" aria-labelledby="confirm-title" @keydown=${this.backOnEscape}>
      <h2 id="confirm-title" tabindex="-1" data-focus>Confirm the override</h2>
      ${this.renderIdentity(session.patient)}
      <p>You are about to view this patient's GP record without their consent.</p>
      <dl class="summary">
        <div><dt>Reason</dt><dd>${this.reason ? OVERRIDE_REASON_LABELS[this.reason] : NOT_KNOWN}</dd></div>
        <div><dt>Note</dt><dd>${note || 'None'}</dd></div>
      </dl>
      <p>The override is recorded and reviewed by a privacy officer. A banner stays on screen while you view the record.</p>
      ${this.renderFailure()}
      <div class="actions">
        <button type="button" part="button" class="override" @click=${this.confirmOverride}>Confirm override and view record</button>
        <button type="button" part="button" @click=${this.backToForm}>Go back</button>
      </div>
    </section>`;
  }

  private renderViewing(session: CareRecordSession) {
    const reason = session.overrideReason;
    const override = session.basis === 'override';
    return html`
      <section part=${override ? 'status override-banner' : 'status'} class=${override ? 'status override' : 'status'}
        aria-labelledby="status-title">
        <div class="status-text">
          <p id="status-title" class="title" tabindex="-1" data-focus>
            ${
              override
                ? html`<span class="badge" aria-hidden="true">!</span>Override active: viewing without the patient's consent`
                : 'Viewing with the patient’s consent'
            }
          </p>
          ${
            override
              ? html`<p>Reason: ${reason ? OVERRIDE_REASON_LABELS[reason] : NOT_KNOWN}. This view is recorded and will be reviewed by a privacy officer.</p>`
              : nothing
          }
          ${session.state === 'partial' && session.stateReason ? html`<p>${session.stateReason}</p>` : nothing}
          ${
            session.auditDegraded
              ? html`<p part="audit-degraded" class="audit-degraded">This browser cannot store audit records (private browsing or storage unavailable): they are kept in this page until sent. Keep the page open while offline.</p>`
              : nothing
          }
        </div>
        <button type="button" part="end-button" @click=${this.endViewing}>End viewing</button>
      </section>
      <div part="content"><slot></slot></div>
    `;
  }

  private renderRefused(session: CareRecordSession | undefined) {
    const state = session?.state;
    return html`<div class="outcome" tabindex="-1" data-focus>
      ${this.renderIdentity(session?.patient)}
      ${renderStateMessage(session)}
      ${
        state === 'consent-declined'
          ? html`<div class="actions">
            <button type="button" part="button" @click=${this.askAgain}>Record a different answer</button>
            <button type="button" part="end-button" @click=${this.endViewing}>End viewing</button>
          </div>`
          : nothing
      }
      ${
        state === 'ended' && session?.patient
          ? html`<div class="actions">
            <button type="button" part="button" @click=${this.viewAgain}>View record again</button>
          </div>`
          : nothing
      }
    </div>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    return this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing;
  }

  // ---- actions -------------------------------------------------------------------------------

  private readonly grantConsent = () => void this.decide({ decision: 'granted' });

  private readonly declineConsent = () => void this.decide({ decision: 'declined' });

  private readonly chooseOverride = () => {
    this.failure = undefined;
    this.step = 'override';
  };

  private chooseReason(reason: OverrideReason): void {
    this.reason = reason;
    this.reasonMissing = false;
  }

  private readonly continueOverride = (event: Event) => {
    event.preventDefault();
    if (!this.reason) {
      this.reasonMissing = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]')?.focus(),
      );
      return;
    }
    this.step = 'confirm';
  };

  private readonly confirmOverride = () => {
    if (!this.reason) {
      this.step = 'override';
      return;
    }
    const note = this.note.trim();
    void this.decide({ decision: 'override', reason: this.reason, ...(note && { note }) });
  };

  private readonly backToQuestion = () => {
    this.step = 'question';
  };

  private readonly backToForm = () => {
    this.step = 'override';
  };

  private readonly backOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.step = this.step === 'confirm' ? 'override' : 'question';
  };

  private readonly askAgain = () => {
    this.reasking = true;
    this.step = 'question';
  };

  /** The same patient again, after the view ended: access is checked and consent asked afresh. */
  private readonly viewAgain = () => {
    const patient = this.session?.patient;
    if (patient) this.session!.setPatient(patient);
  };

  private readonly endViewing = () => {
    if (!this.session) return;
    this.session.end();
    this.dispatchEvent(new DcrViewEndedEvent());
  };

  private async decide(decision: ConsentDecision): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.failure = undefined;
    try {
      await session.recordConsent(decision);
    } catch (error) {
      this.failure =
        `The answer could not be recorded. ${error instanceof Error ? error.message : ''}`.trim();
      return;
    }
    this.resetAnswer();
    this.dispatchEvent(
      new DcrConsentRecordedEvent({
        decision: decision.decision,
        ...(decision.decision === 'override' && { reason: decision.reason }),
        time: this.clock().toISOString(),
      }),
    );
  }
}
