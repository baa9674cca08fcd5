import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CareRecordSession, Demographics, HostPatient } from '@dcr-elements/core';
import { sessionContext } from '../session/session-context.js';
import { SectionController } from '../shared/section-controller.js';
import { renderStateMessage } from '../shared/section-view.js';
import {
  NOT_KNOWN,
  formatBirthDate,
  formatNhsNumber,
  formatPatientName,
} from '../shared/format.js';
import { styles } from './patient-banner.styles.js';
import { recordText } from '../shared/record-text.js';

const GENDER_LABELS: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  other: 'Other',
  unknown: 'Not known',
};

/**
 * @summary The patient banner: who this record belongs to, per the NHS CUI guidance (name,
 * date of birth with age, gender, NHS number; labels without colons, "Not known" for gaps).
 * Until the GP record's demographics have arrived (and passed the right-patient check) it shows
 * the patient as your own system identified them, and says so.
 *
 * @csspart banner - the banner bar
 * @csspart name - the patient's name
 * @csspart origin - where the details come from (your system, or the GP record)
 * @csspart message - shown instead of the banner when no patient is selected (or it has no session)
 * @cssprop --dcr-patient-banner-background - banner background (default: NHS dark blue)
 * @cssprop --dcr-patient-banner-color - banner text colour
 * @tagname dcr-patient-banner
 */
export class DcrPatientBanner extends LitElement {
  static override styles = styles;

  /** The care record session (provided by `<dcr-session>`, or set directly). */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: CareRecordSession;

  /** Today's date for the age; replaceable so tests and demos are reproducible. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  private readonly demographics = new SectionController(this, 'demographics');

  override render() {
    // No session is the page's mistake: the same neutral message as every element gives.
    if (!this.session) return renderStateMessage(undefined);
    const host = this.session.patient;
    if (!host) {
      return html`<div part="message" class="message tone-calm" role="status">
        <p class="title">No patient selected</p>
      </div>`;
    }
    const snapshot = this.demographics.current;
    const record = snapshot?.status === 'ready' ? snapshot.value.patient : undefined;
    return record
      ? this.renderBanner(record, 'GP record')
      : this.renderBanner(fromHost(host), 'Your system');
  }

  private renderBanner(patient: BannerPatient, origin: 'GP record' | 'Your system') {
    return html`
      <section part="banner" aria-label="Patient">
        <h2 part="name">${recordText(formatPatientName(patient))}</h2>
        <dl>
          <div><dt>Born</dt><dd>${formatBirthDate(patient.birthDate, this.clock())}</dd></div>
          ${
            patient.gender !== undefined || origin === 'GP record'
              ? html`<div><dt>Gender</dt><dd>${GENDER_LABELS[patient.gender ?? ''] ?? NOT_KNOWN}</dd></div>`
              : nothing
          }
          <div><dt>NHS No.</dt><dd>${recordText(formatNhsNumber(patient.nhsNumber))}</dd></div>
        </dl>
        <p part="origin">Details from ${origin === 'GP record' ? 'the GP record' : 'your system'}</p>
      </section>
    `;
  }
}

type BannerPatient = Pick<
  Demographics,
  'nhsNumber' | 'given' | 'family' | 'title' | 'birthDate' | 'gender'
>;

function fromHost(host: HostPatient): BannerPatient {
  return {
    nhsNumber: host.nhsNumber,
    given: host.name?.given ?? [],
    ...(host.name?.family && { family: host.name.family }),
    ...(host.birthDate && { birthDate: host.birthDate }),
  };
}
