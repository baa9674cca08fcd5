import {
  describeAccessibility,
  expectDeveloperWarnings,
  fixedClock,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { examples } from './patient-banner.examples.js';
import type { DcrPatientBanner } from './patient-banner.js';
import '../define/dcr-patient-banner.js';

const typical = SANDBOX_PATIENTS.typical;

/** Label and value of each banner field, as a screen reader reads them out. */
function fields(el: DcrPatientBanner): string[] {
  return [...el.shadowRoot!.querySelectorAll('dl > div')].map(
    (field) =>
      `${field.querySelector('dt')!.textContent} ${field.querySelector('dd')!.textContent}`,
  );
}

const origin = (el: DcrPatientBanner) =>
  el.shadowRoot!.querySelector('[part="origin"]')?.textContent;

describe('dcr-patient-banner', () => {
  describeAccessibility<DcrPatientBanner>(examples, async (el) => {
    el.clock = fixedClock;
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('shows the GP record’s demographics, fetched over HTTP after consent, in NHS display formats', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .session=${session} .clock=${fixedClock}></dcr-patient-banner>`,
    );
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(
      () => origin(el) === 'Details from the GP record',
      'GP demographics not shown',
      { timeout: 5000 },
    );
    expect(el.shadowRoot!.querySelector('[part="banner"]')!.getAttribute('aria-label')).to.equal(
      'Patient',
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('HARGREAVES, Ada (Mrs)');
    expect(fields(el)).to.deep.equal([
      'Born 14-Jul-1945 (81y)',
      'Gender Female',
      'NHS No. 999 234 5675',
    ]);
  });

  it('before consent shows your system’s identity of the patient and fetches nothing', async () => {
    const { session, network } = sandboxSession();
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .session=${session} .clock=${fixedClock}></dcr-patient-banner>`,
    );
    await viewPatient(session, typical);
    await el.updateComplete;
    expect(origin(el)).to.equal('Details from your system');
    expect(fields(el)).to.deep.equal(['Born 14-Jul-1945 (81y)', 'NHS No. 999 234 5675']);
    expect(network.requests).to.deep.equal([]);
  });

  it('follows a patient switch at once and never shows the previous patient’s record', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .session=${session} .clock=${fixedClock}></dcr-patient-banner>`,
    );
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(
      () => origin(el) === 'Details from the GP record',
      'GP demographics not shown',
      { timeout: 5000 },
    );
    const other = SANDBOX_PATIENTS.noKnownAllergies;
    session.setPatient({
      nhsNumber: other.nhsNumber,
      name: { family: other.family, given: [other.given] },
      birthDate: other.birthDate,
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('OKAFOR, Daniel');
    expect(origin(el)).to.equal('Details from your system');
    await sessionReaches(session, 'awaiting-consent');
    expect(el.shadowRoot!.textContent).not.to.contain('HARGREAVES');
  });

  it('says calmly when no patient is selected', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .session=${session}></dcr-patient-banner>`,
    );
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.textContent!.trim()).to.equal('No patient selected');
    expect(message.getAttribute('role')).to.equal('status');
    expect(message.classList.contains('tone-calm')).to.equal(true);
  });

  it('still names the patient after viewing ends (from your system): the host still has them selected', async () => {
    const { session } = sandboxSession();
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .session=${session} .clock=${fixedClock}></dcr-patient-banner>`,
    );
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(() => origin(el) === 'Details from the GP record', 'not shown', {
      timeout: 5000,
    });
    session.end();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('HARGREAVES, Ada');
    expect(origin(el)).to.equal('Details from your system');
  });

  it('without a session: the neutral message every element gives, and a warning for the developer', async () => {
    const warnings = expectDeveloperWarnings();
    const el = await fixture<DcrPatientBanner>(html`<dcr-patient-banner></dcr-patient-banner>`);
    expect(el.shadowRoot!.querySelector('[part="message"] .title')!.textContent).to.equal(
      'GP record not available here',
    );
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<dcr-patient-banner> has no care record session');
  });
});
