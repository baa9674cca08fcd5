import { html } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';
import type { ElementExample } from '../shared/example.js';
import {
  exampleSession,
  type ExampleSessionOptions,
  type ExampleState,
} from '../shared/example-sessions.js';
import '../define/dcr-record.js';

const record = (session: CareRecordSession | undefined, tab = 'summary') =>
  html`<dcr-record tab=${tab} .session=${session}></dcr-record>`;
const inState = (state: ExampleState, options?: ExampleSessionOptions) =>
  record(exampleSession(state, options));

export const examples: ElementExample[] = [
  {
    name: 'Viewing with consent',
    description:
      'The whole record in one tag: patient banner, consent status, allergies on every tab, and the summary open.',
    template: () => inState('granted'),
  },
  {
    name: 'Medication tab open',
    description:
      'The tab attribute opens a tab (never the URL); the allergy banner stays above it.',
    template: () => record(exampleSession('granted'), 'medications'),
  },
  {
    name: 'Duty-of-care override',
    description:
      'Viewing without consent for a medical emergency: the override banner stays on screen.',
    template: () => inState('override'),
  },
  {
    name: 'Awaiting consent',
    description:
      'Nothing is requested until the patient’s answer is recorded; the banner shows the patient as your system knows them.',
    template: () => inState('awaiting-consent'),
  },
  {
    name: 'Record loading',
    description: 'Consent recorded; the record is still arriving (the sandbox never answers here).',
    template: () => inState('loading'),
  },
  {
    name: 'Results still arriving',
    description:
      'One slow section: allergies, medication and the rest are shown while drug monitoring waits.',
    template: () => inState('granted', { holdPath: '/Observation' }),
  },
  {
    name: 'Part of the record failed',
    description: 'The results search failed: the status bar says so, the part offers a retry.',
    template: () => inState('granted', { failPath: '/Observation' }),
  },
  {
    name: 'Consent declined',
    description: 'The patient said no: nothing is requested or shown.',
    template: () => inState('consent-declined'),
  },
  {
    name: 'Opted out at the GP practice',
    description: 'The patient dissented from sharing at their practice: nothing can be shown.',
    template: () => inState('source-dissent'),
  },
  {
    name: 'Role not permitted',
    description: 'The viewer’s role is not a clinical one: the question is never asked.',
    template: () => inState('not-permitted'),
  },
  {
    name: 'No sharing agreement',
    description: 'The viewer’s organisation is not in the practice’s sharing agreement.',
    template: () => inState('no-agreement'),
  },
  {
    name: 'No GP record found',
    description: 'A valid NHS number the GP systems do not know.',
    template: () => inState('not-found'),
  },
  {
    name: 'More than one record matches',
    description:
      'Two GP records carry the NHS number: none is shown, and trying again cannot help.',
    template: () => inState('ambiguous'),
  },
  {
    name: 'Record does not match the patient',
    description: 'The record’s date of birth differs from your system’s: viewing stops.',
    template: () => inState('identity-mismatch'),
  },
  {
    name: 'GP record unavailable',
    description: 'The network failed: the clinician can try again.',
    template: () => inState('unavailable'),
  },
  {
    name: 'Viewing ended',
    description: 'The clinician ended viewing: nothing stays on screen.',
    template: () => inState('ended'),
  },
  {
    name: 'No patient selected',
    description: 'The host has not set a patient yet.',
    template: () => inState('no-context'),
  },
  {
    name: 'Not connected to a session',
    description: 'No <dcr-session> around it and no .session set.',
    template: () => record(undefined),
  },
];
