import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-problem-list.js';

export const examples: ElementExample[] = [
  {
    name: 'Problem list',
    description:
      'Active problems (heart failure linked to atrial fibrillation), then significant past problems (one sent without a significance), then minor past problems linked to each other, each newest onset first.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('granted')}></dcr-problem-list>`,
  },
  {
    name: 'Nothing recorded',
    description: 'The record has no problems: it says so plainly, never a blank space.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-problem-list>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('loading')}></dcr-problem-list>`,
  },
  {
    name: 'Problems could not be loaded',
    description:
      'The rest of the record arrived but conditions failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('granted', { failPath: '/Condition' })}></dcr-problem-list>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('unavailable')}></dcr-problem-list>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('source-dissent')}></dcr-problem-list>`,
  },
  {
    name: 'Consent declined',
    description: 'The patient said no to viewing: nothing was fetched.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('consent-declined')}></dcr-problem-list>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-problem-list .session=${exampleSession('awaiting-consent')}></dcr-problem-list>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-problem-list></dcr-problem-list>`,
  },
];
