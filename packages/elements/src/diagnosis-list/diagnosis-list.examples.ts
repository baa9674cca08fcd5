import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-diagnosis-list.js';

export const examples: ElementExample[] = [
  {
    name: 'Diagnoses',
    description:
      'Diagnoses coded in encounters, newest onset first: an upper respiratory infection still active from 11 days ago, then the resolved pneumonia and urinary tract infection, each with the date it ended.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('granted')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Nothing recorded',
    description: 'The record has no diagnoses: it says so plainly, never a blank space.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-diagnosis-list>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('loading')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Diagnoses could not be loaded',
    description:
      'The rest of the record arrived but conditions failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('granted', { failPath: '/Condition' })}></dcr-diagnosis-list>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('unavailable')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('source-dissent')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Consent declined',
    description: 'The patient said no to viewing: nothing was fetched.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('consent-declined')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-diagnosis-list .session=${exampleSession('awaiting-consent')}></dcr-diagnosis-list>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-diagnosis-list></dcr-diagnosis-list>`,
  },
];
