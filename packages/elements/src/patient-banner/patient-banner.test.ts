import { SANDBOX_FHIR_R4, fixedClock, recordingFetch } from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fhirR4Source } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { examples } from './patient-banner.examples.js';
import type { DcrPatientBanner } from './patient-banner.js';
import '../define/dcr-patient-banner.js';

const typical = SANDBOX_PATIENTS.typical;

function text(el: DcrPatientBanner): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Label and value of each banner field, as a screen reader reads them out. */
function fields(el: DcrPatientBanner): string[] {
  return [...el.shadowRoot!.querySelectorAll('dl > div')].map(
    (field) => `${field.querySelector('dt')!.textContent} ${field.querySelector('dd')!.textContent}`,
  );
}

async function settled(el: DcrPatientBanner): Promise<void> {
  await waitUntil(() => !el.shadowRoot?.querySelector('[role="status"] .skeleton'), 'banner still loading', {
    timeout: 5000,
  });
}

describe('dcr-patient-banner', () => {
  for (const example of examples) {
    it(`is accessible: ${example.name}`, async () => {
      const el = await fixture<DcrPatientBanner>(example.template());
      el.clock = fixedClock;
      await settled(el);
      await expect(el).to.be.accessible();
    });
  }

  it('shows the patient fetched over HTTP from the sandbox, in NHS display formats', async () => {
    const network = recordingFetch();
    const source = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch });
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .source=${source} .clock=${fixedClock} nhs-number=${typical.nhsNumber}></dcr-patient-banner>`,
    );
    await settled(el);
    const banner = el.shadowRoot!.querySelector('[part="banner"]')!;
    expect(banner.getAttribute('aria-label')).to.equal('Patient');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('HARGREAVES, Ada (Mrs)');
    expect(fields(el)).to.deep.equal(['Born 14-Jul-1945 (81y)', 'Gender Female', 'NHS No. 999 234 5675']);
    // One request, and the NHS number travelled in the body, not the URL.
    expect(network.requests).to.deep.equal([{ method: 'POST', url: '/fhir/r4/Patient/_search' }]);
  });

  it('says when the NHS number is not valid, without fetching', async () => {
    const network = recordingFetch();
    const source = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch });
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .source=${source} nhs-number="9434765918"></dcr-patient-banner>`,
    );
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not valid');
    expect(network.requests).to.have.length(0);
  });

  it('says when the source has no record for the NHS number', async () => {
    const source = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 });
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .source=${source} nhs-number="9434765919"></dcr-patient-banner>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('No record was found');
  });

  it('offers a keyboard-reachable retry when the source is unreachable', async () => {
    let failNext = true;
    const source = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      fetch: (input, init) =>
        failNext ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
    });
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .source=${source} .clock=${fixedClock} nhs-number=${typical.nhsNumber}></dcr-patient-banner>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('unavailable');
    failNext = false;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="banner"]'), 'retry did not load the patient', { timeout: 5000 });
    expect(text(el)).to.contain('HARGREAVES, Ada (Mrs)');
  });

  it('never shows a late answer for the previous patient after a switch', async () => {
    const other = SANDBOX_PATIENTS.noKnownAllergies;
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const source = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      // The first request's answer is held back until after the switch has been answered.
      fetch: async (input, init) => {
        const response = await fetch(input, { ...init, signal: undefined });
        if (++calls === 1) await firstHeld;
        return response;
      },
    });
    const el = await fixture<DcrPatientBanner>(
      html`<dcr-patient-banner .source=${source} nhs-number=${typical.nhsNumber}></dcr-patient-banner>`,
    );
    el.nhsNumber = other.nhsNumber;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="banner"]'), 'second patient not shown', { timeout: 5000 });
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('OKAFOR, Daniel (Mr)');
    expect(text(el)).not.to.contain('HARGREAVES');
  });
});
