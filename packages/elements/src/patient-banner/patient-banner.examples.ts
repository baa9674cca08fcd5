import { html } from 'lit';
import { fhirR4Source } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { ElementExample } from '../shared/example.js';
import '../define/dcr-patient-banner.js';

const sandbox = fhirR4Source({ baseUrl: '/fhir/r4' });
const unreachable = fhirR4Source({
  baseUrl: '/fhir/r4',
  fetch: () => Promise.reject(new TypeError('Failed to fetch')),
});

export const examples: ElementExample[] = [
  {
    name: 'Known patient',
    description: 'Demographics fetched from the sandbox: name, date of birth with age, gender, NHS number.',
    template: () =>
      html`<dcr-patient-banner
        .source=${sandbox}
        nhs-number=${SANDBOX_PATIENTS.typical.nhsNumber}
      ></dcr-patient-banner>`,
  },
  {
    name: 'Another patient',
    description: 'A younger patient from the sandbox, to compare layouts.',
    template: () =>
      html`<dcr-patient-banner
        .source=${sandbox}
        nhs-number=${SANDBOX_PATIENTS.noKnownAllergies.nhsNumber}
      ></dcr-patient-banner>`,
  },
  {
    name: 'No patient selected',
    description: 'The host has not passed an NHS number yet.',
    template: () => html`<dcr-patient-banner .source=${sandbox}></dcr-patient-banner>`,
  },
  {
    name: 'NHS number not valid',
    description: 'The host passed ten digits whose check digit is wrong; nothing is fetched.',
    template: () =>
      html`<dcr-patient-banner .source=${sandbox} nhs-number="9434765918"></dcr-patient-banner>`,
  },
  {
    name: 'No record found',
    description: 'A valid NHS number the source does not know.',
    template: () =>
      html`<dcr-patient-banner .source=${sandbox} nhs-number="9434765919"></dcr-patient-banner>`,
  },
  {
    name: 'Source unreachable',
    description: 'The network failed; the clinician can try again.',
    template: () =>
      html`<dcr-patient-banner
        .source=${unreachable}
        nhs-number=${SANDBOX_PATIENTS.typical.nhsNumber}
      ></dcr-patient-banner>`,
  },
];
