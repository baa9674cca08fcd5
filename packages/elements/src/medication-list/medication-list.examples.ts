import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-medication-list.js';

export const examples: ElementExample[] = [
  {
    name: 'Current medication',
    description:
      'An 81-year-old on warfarin: current repeats, then acutes of the last 12 months (a recent antibiotic among them), as the GP Connect HTML view groups them; warfarin marked high-risk, a lithium repeat "Not issued since 14-Jan-2010", issue history on expand.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('granted')}></dcr-medication-list>`,
  },
  {
    name: 'All medication, newest issue first',
    description:
      'Current and past together, group by group, sorted by last issue: the stopped apixaban greyed, "Stopped" and its date beside its name, its high-risk marker subdued.',
    template: () =>
      html`<dcr-medication-list view="all" sort="last-issued" .session=${exampleSession('granted')}></dcr-medication-list>`,
  },
  {
    name: 'Transferred record',
    description:
      'A repeat sent under the transfer-degraded code and a recent antibiotic known only by its name: each shown by the term as recorded, and marked.',
    template: () =>
      html`<dcr-medication-list .session=${exampleSession('granted', { patient: 'transferred' })}></dcr-medication-list>`,
  },
  {
    name: 'Fourteen years of medicines, past only',
    description:
      'A long history: the warfarin that apixaban replaced, stopped, and fifty older acute courses.',
    template: () =>
      html`<dcr-medication-list view="past" .session=${exampleSession('granted', { patient: 'hugeTimeline' })}></dcr-medication-list>`,
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
    description:
      'No session has been given to the element: a neutral message for the clinician, a console warning for the developer.',
    template: () => html`<dcr-medication-list></dcr-medication-list>`,
  },
];
