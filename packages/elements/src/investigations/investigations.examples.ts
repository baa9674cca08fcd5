import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-investigations.js';

export const examples: ElementExample[] = [
  {
    name: 'On warfarin, INR trend open',
    description:
      'An 81-year-old on warfarin: the latest INR beside each warfarin repeat, results grouped by test, the INR trend with its 2.0-3.0 target range shaded and the same values in the table.',
    template: () =>
      html`<dcr-investigations trend="165581004" .session=${exampleSession('granted')}></dcr-investigations>`,
  },
  {
    name: 'On lithium: a high level, results with no unit',
    description:
      'Serum lithium with kidney and thyroid function beside the lithium repeat; the newest level flagged high in words; a level and a creatinine sent with no unit say so.',
    template: () =>
      html`<dcr-investigations trend="14334-7" .session=${exampleSession('granted', { patient: 'lithium' })}></dcr-investigations>`,
  },
  {
    name: 'Grouped by date',
    description: 'The same record, newest day first, each day’s results by test.',
    template: () =>
      html`<dcr-investigations group-by="date" .session=${exampleSession('granted', { patient: 'lithium' })}></dcr-investigations>`,
  },
  {
    name: 'Transferred record: text results and bounds',
    description:
      'Results as GP2GP sends them: an INR sent as "Ap 2.400" (read as 2.4, the text kept), an eGFR ">90", uncategorised observations.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('granted', { patient: 'transferred' })}></dcr-investigations>`,
  },
  {
    name: 'Viewed under a duty-of-care override',
    description: 'The warfarin record, fetched under an emergency override.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('override')}></dcr-investigations>`,
  },
  {
    name: 'Nothing recorded',
    description: 'No results at all: it says so, never a blank space.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-investigations>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('loading')}></dcr-investigations>`,
  },
  {
    name: 'Investigations could not be loaded',
    description: 'The rest of the record arrived but results failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('granted', { failPath: '/Observation' })}></dcr-investigations>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('unavailable')}></dcr-investigations>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('source-dissent')}></dcr-investigations>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-investigations .session=${exampleSession('awaiting-consent')}></dcr-investigations>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-investigations></dcr-investigations>`,
  },
];
