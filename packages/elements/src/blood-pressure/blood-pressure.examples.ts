import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-blood-pressure.js';

export const examples: ElementExample[] = [
  {
    name: 'Twelve clinic readings',
    description:
      'Two years of readings for an 81-year-old with hypertension: systolic and diastolic over time, the NICE NG136 clinic thresholds marked, every reading in the table.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('granted')}></dcr-blood-pressure>`,
  },
  {
    name: 'Sitting, standing, home, and lone halves',
    description:
      'How each reading was taken (sitting, standing, a home average); a systolic and a diastolic recorded alone are shown as "systolic only" and "diastolic only", never paired.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('granted', { patient: 'lithium' })}></dcr-blood-pressure>`,
  },
  {
    name: 'Viewed under a duty-of-care override',
    description: 'The same record, fetched under an emergency override.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('override')}></dcr-blood-pressure>`,
  },
  {
    name: 'Nothing recorded',
    description: 'No readings at all: it says so, never a blank space.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-blood-pressure>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('loading')}></dcr-blood-pressure>`,
  },
  {
    name: 'Blood pressure could not be loaded',
    description:
      'The rest of the record arrived but observations failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('granted', { failPath: '/Observation' })}></dcr-blood-pressure>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('unavailable')}></dcr-blood-pressure>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('source-dissent')}></dcr-blood-pressure>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-blood-pressure .session=${exampleSession('awaiting-consent')}></dcr-blood-pressure>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-blood-pressure></dcr-blood-pressure>`,
  },
];
