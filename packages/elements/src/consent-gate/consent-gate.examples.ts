import { html } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-consent-gate.js';
import '../define/dcr-allergy-banner.js';

/** The gate around an allergy banner: the banner appears only once viewing is allowed. */
const gate = (session: CareRecordSession | undefined) =>
  html`<dcr-consent-gate .session=${session}>
    <dcr-allergy-banner layout="expanded"></dcr-allergy-banner>
  </dcr-consent-gate>`;

export const examples: ElementExample[] = [
  {
    name: 'Awaiting consent',
    description:
      'The patient as your system identified them, and the three answers: consents, declines, or a duty-of-care override.',
    template: () => gate(exampleSession('awaiting-consent')),
  },
  {
    name: 'Viewing with consent',
    description: 'The patient consented: a status bar with "End viewing" sits above the record.',
    template: () => gate(exampleSession('granted')),
  },
  {
    name: 'Duty-of-care override',
    description:
      'Viewing without consent for a medical emergency: a persistent banner names the reason for as long as the record is shown.',
    template: () => gate(exampleSession('override')),
  },
  {
    name: 'Record loading',
    description: 'Consent recorded; the record is still arriving (the sandbox never answers here).',
    template: () => gate(exampleSession('loading')),
  },
  {
    name: 'Part of the record failed',
    description:
      'Viewing goes on; the status bar says which part could not be loaded, and that part offers "Try again".',
    template: () => gate(exampleSession('granted', { failPath: '/AllergyIntolerance' })),
  },
  {
    name: 'Consent declined',
    description:
      'The patient said no: nothing is requested or shown, and a different answer can be recorded if the situation changes.',
    template: () => gate(exampleSession('consent-declined')),
  },
  {
    name: 'Opted out at the GP practice',
    description:
      'The patient dissented from sharing at their practice: nothing can be shown, even with an override.',
    template: () => gate(exampleSession('source-dissent')),
  },
  {
    name: 'Sharing not set at the GP practice',
    description:
      'The practice never recorded the patient’s sharing choice: nothing can be shown, and it is not called an opt-out.',
    template: () => gate(exampleSession('source-dissent', { patient: 'consentNotSet' })),
  },
  {
    name: 'Role not permitted',
    description: 'The viewer’s smartcard role is not a clinical one: the question is never asked.',
    template: () => gate(exampleSession('not-permitted')),
  },
  {
    name: 'No sharing agreement',
    description:
      'The viewer’s organisation is not in the practice’s information sharing agreement.',
    template: () => gate(exampleSession('no-agreement')),
  },
  {
    name: 'No GP record found',
    description: 'A valid NHS number the GP systems do not know.',
    template: () => gate(exampleSession('not-found')),
  },
  {
    name: 'Record does not match the patient',
    description:
      'The record returned has another date of birth than the host’s patient: viewing stops and this is reported.',
    template: () => gate(exampleSession('identity-mismatch')),
  },
  {
    name: 'GP record unavailable',
    description: 'The network failed: "Try again" checks again (consent is asked again).',
    template: () => gate(exampleSession('unavailable')),
  },
  {
    name: 'Viewing ended',
    description:
      'The clinician ended viewing: nothing of the record stays on screen or in memory; the patient is still named, and the record can be viewed again (consent is asked afresh).',
    template: () => gate(exampleSession('ended')),
  },
  {
    name: 'No patient selected',
    description: 'The host has not set a patient: nothing to ask about yet.',
    template: () => gate(exampleSession('no-context')),
  },
  {
    name: 'Not connected to a session',
    description:
      'The gate has no session (no <dcr-session> around it and no .session set): a neutral message for the clinician, a console warning for the developer.',
    template: () => gate(undefined),
  },
];
