import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  RecordError,
  isValidNhsNumber,
  type Demographics,
  type RecordSource,
} from '@dcr-elements/core';
import { styles } from './patient-banner.styles.js';
import { NOT_KNOWN, formatBirthDate, formatNhsNumber, formatPatientName } from '../shared/format.js';

const GENDER_LABELS: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  other: 'Other',
  unknown: 'Not known',
};

/**
 * @summary The patient banner: who this record belongs to, per the NHS CUI guidance (name,
 * date of birth with age, gender, NHS number; labels without colons, "Not known" for gaps).
 *
 * @csspart banner - the banner bar shown once the patient is known
 * @csspart name - the patient's name
 * @csspart message - the box shown instead of the banner while loading or when it cannot be shown
 * @cssprop --dcr-patient-banner-background - banner background (default: NHS dark blue)
 * @cssprop --dcr-patient-banner-color - banner text colour
 */
export class DcrPatientBanner extends LitElement {
  static override styles = styles;

  /** Where the demographics come from. */
  @property({ attribute: false }) source?: RecordSource;

  /** The host's NHS number for the patient (ten digits, spaces allowed). */
  @property({ attribute: 'nhs-number' }) nhsNumber = '';

  /** Today's date for the age; replaceable so tests and demos are reproducible. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  private readonly demographics = new Task(this, {
    task: async ([source, nhsNumber], { signal }) => {
      if (!source || !nhsNumber) return undefined;
      const { demographics } = source.fetchSections(['demographics'], { nhsNumber, signal });
      return (await demographics).patient;
    },
    args: () => [this.source, this.validNhsNumber] as const,
  });

  private get validNhsNumber(): string | undefined {
    const digits = this.nhsNumber.replace(/ /g, '');
    return isValidNhsNumber(digits) ? digits : undefined;
  }

  override render() {
    if (!this.nhsNumber) return this.renderMessage('No patient selected.');
    if (!this.validNhsNumber) return this.renderMessage('The NHS number given is not valid.', true);
    if (!this.source) return this.renderMessage('No record source is connected.', true);
    return this.demographics.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (patient) => this.renderPatient(patient),
      error: (error) => this.renderError(error),
    });
  }

  private renderPatient(patient: Demographics | undefined) {
    // A result that is not for the NHS number asked about is never shown (late or wrong answer).
    if (!patient || patient.nhsNumber !== this.validNhsNumber) return this.renderLoading();
    const today = this.clock();
    return html`
      <section part="banner" aria-label="Patient">
        <h2 part="name">${formatPatientName(patient)}</h2>
        <dl>
          <div><dt>Born</dt><dd>${formatBirthDate(patient.birthDate, today)}</dd></div>
          <div><dt>Gender</dt><dd>${GENDER_LABELS[patient.gender ?? ''] ?? NOT_KNOWN}</dd></div>
          <div><dt>NHS No.</dt><dd>${formatNhsNumber(patient.nhsNumber)}</dd></div>
        </dl>
      </section>
    `;
  }

  private renderLoading() {
    return html`<div part="message" role="status">
      <span class="skeleton" aria-hidden="true"></span><span>Loading patient details</span>
    </div>`;
  }

  private renderError(error: unknown) {
    const notFound = error instanceof RecordError && error.kind === 'not-found';
    if (notFound) return this.renderMessage('No record was found for this NHS number.', true);
    return html`<div part="message" class="alert" role="alert">
      <span>Patient details are unavailable: the record source could not be reached.</span>
      <button type="button" @click=${() => this.demographics.run()}>Try again</button>
    </div>`;
  }

  private renderMessage(text: string, alert = false) {
    return html`<div part="message" class=${alert ? 'alert' : nothing} role=${alert ? 'alert' : 'status'}>
      ${text}
    </div>`;
  }
}
