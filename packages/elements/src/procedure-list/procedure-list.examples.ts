import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-procedure-list.js';

export const examples: ElementExample[] = [
  {
    name: 'Procedures',
    description:
      'Newest first: a cataract extraction, a total knee replacement, and an appendicectomy known only to the month (shown as Aug-1962, never as a made-up day).',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('granted')}></dcr-procedure-list>`,
  },
  {
    name: 'Nothing recorded',
    description: 'The record has no procedures: it says so plainly, never a blank space.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-procedure-list>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('loading')}></dcr-procedure-list>`,
  },
  {
    name: 'Procedures could not be loaded',
    description:
      'The rest of the record arrived but procedures failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('granted', { failPath: '/Procedure' })}></dcr-procedure-list>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('unavailable')}></dcr-procedure-list>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('source-dissent')}></dcr-procedure-list>`,
  },
  {
    name: 'Consent declined',
    description: 'The patient said no to viewing: nothing was fetched.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('consent-declined')}></dcr-procedure-list>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-procedure-list .session=${exampleSession('awaiting-consent')}></dcr-procedure-list>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-procedure-list></dcr-procedure-list>`,
  },
];
