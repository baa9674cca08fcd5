import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-medication-list.js';

export const examples: ElementExample[] = [
  {
    name: 'Current medication',
    description:
      'An 81-year-old on warfarin: repeats and a recent acute, warfarin marked high-risk, last issue date and quantity, issue history on expand.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('granted')}></dcr-medication-list>`,
  },
  {
    name: 'All medication, newest issue first',
    description:
      'Current and past together, sorted by last issue: the stopped apixaban shows its stop date and coded reason.',
    template: () =>
      html`<dcr-medication-list view="all" sort="last-issued" .session=${exampleSession('granted')}></dcr-medication-list>`,
  },
  {
    name: 'Viewed under a duty-of-care override',
    description: 'The same record, fetched under an emergency override.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('override')}></dcr-medication-list>`,
  },
  {
    name: 'Nothing recorded',
    description: 'The record has no medication at all: it says so, never a blank space.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-medication-list>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('loading')}></dcr-medication-list>`,
  },
  {
    name: 'Medications could not be loaded',
    description:
      'The rest of the record arrived but medications failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('granted', { failPath: '/MedicationRequest' })}></dcr-medication-list>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('unavailable')}></dcr-medication-list>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('source-dissent')}></dcr-medication-list>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('awaiting-consent')}></dcr-medication-list>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-medication-list></dcr-medication-list>`,
  },
];
