import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-summary.js';

export const examples: ElementExample[] = [
  {
    name: 'Typical patient',
    description:
      'An 81-year-old on warfarin: penicillin allergy, a falls warning, current medication with warfarin first, her latest INR, five active problems and last year’s admission.',
    template: () => html`<dcr-summary .session=${exampleSession('granted')}></dcr-summary>`,
  },
  {
    name: 'With links to the full views',
    description:
      'As inside <dcr-record>: each part offers its full view (the host answers the dcr-navigate event).',
    template: () => html`<dcr-summary links .session=${exampleSession('granted')}></dcr-summary>`,
  },
  {
    name: 'Results still arriving',
    description:
      'The laboratory results are slow (the sandbox never answers them here): every other part is shown, drug monitoring says it is loading.',
    template: () =>
      html`<dcr-summary .session=${exampleSession('granted', { holdPath: '/Observation' })}></dcr-summary>`,
  },
  {
    name: 'Results could not be loaded',
    description:
      'The results search failed: drug monitoring says so and offers a retry; the rest stands.',
    template: () =>
      html`<dcr-summary .session=${exampleSession('granted', { failPath: '/Observation' })}></dcr-summary>`,
  },
  {
    name: 'No known allergies',
    description:
      'A coded "no known allergies" statement and little else: each part says what is not there.',
    template: () =>
      html`<dcr-summary .session=${exampleSession('granted', { patient: 'noKnownAllergies' })}></dcr-summary>`,
  },
  {
    name: 'Nothing recorded',
    description:
      'Demographics only: allergies not recorded, and every part says "nothing recorded".',
    template: () =>
      html`<dcr-summary .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-summary>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet: each part has its own loading state.',
    template: () => html`<dcr-summary .session=${exampleSession('loading')}></dcr-summary>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched, and the summary says so once.',
    template: () => html`<dcr-summary .session=${exampleSession('unavailable')}></dcr-summary>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until consent is recorded: the summary says so once.',
    template: () =>
      html`<dcr-summary .session=${exampleSession('awaiting-consent')}></dcr-summary>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () => html`<dcr-summary .session=${exampleSession('source-dissent')}></dcr-summary>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-summary></dcr-summary>`,
  },
];
