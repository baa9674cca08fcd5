import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-risks-warnings.js';

export const examples: ElementExample[] = [
  {
    name: 'Palliative care and DNACPR (GP Connect)',
    description:
      'On the palliative care register with a DNACPR decision, recorded as ordinary coded entries: GP Connect has no warnings list, so both are derived from the coded record and shown first.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('granted', { patient: 'palliative', source: 'gp-connect' })}></dcr-risks-warnings>`,
  },
  {
    name: 'Safeguarding: a flag and a coded entry (FHIR R4)',
    description:
      'A child subject to a child protection plan (derived from a coded problem) and a safeguarding Flag the R4 source recorded: each says which it is.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('granted', { patient: 'safeguarding' })}></dcr-risks-warnings>`,
  },
  {
    name: 'Falls flag (FHIR R4)',
    description: 'The typical patient: one active falls flag, not a priority warning.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('granted')}></dcr-risks-warnings>`,
  },
  {
    name: 'None found (GP Connect)',
    description:
      'Nothing in the coded record matches a warning code: it says so plainly, and that GP Connect has no warnings list.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('granted', { patient: 'noKnownAllergies', source: 'gp-connect' })}></dcr-risks-warnings>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('loading')}></dcr-risks-warnings>`,
  },
  {
    name: 'Risks and warnings could not be loaded',
    description:
      'The rest of the record arrived but the Flag search failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('granted', { failPath: '/Flag' })}></dcr-risks-warnings>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('unavailable')}></dcr-risks-warnings>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('source-dissent')}></dcr-risks-warnings>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-risks-warnings .session=${exampleSession('awaiting-consent')}></dcr-risks-warnings>`,
  },
];
