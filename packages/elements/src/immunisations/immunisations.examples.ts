import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-immunisations.js';

export const examples: ElementExample[] = [
  {
    name: 'Immunisations',
    description:
      'The last tetanus-containing vaccine first (a Td/IPV booster), then every immunisation newest first: yearly influenza vaccines with site and route, one not given and why.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('granted')}></dcr-immunisations>`,
  },
  {
    name: 'No tetanus-containing vaccine found',
    description:
      'A record transferred by GP2GP with two MMR doses only: the tetanus line says none was found, never that none was given.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('granted', { patient: 'transferred' })}></dcr-immunisations>`,
  },
  {
    name: 'Nothing recorded',
    description: 'The record has no immunisations: it says so plainly, never a blank space.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-immunisations>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('loading')}></dcr-immunisations>`,
  },
  {
    name: 'Immunisations could not be loaded',
    description:
      'The rest of the record arrived but immunisations failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('granted', { failPath: '/Immunization' })}></dcr-immunisations>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('unavailable')}></dcr-immunisations>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('source-dissent')}></dcr-immunisations>`,
  },
  {
    name: 'Consent declined',
    description: 'The patient said no to viewing: nothing was fetched.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('consent-declined')}></dcr-immunisations>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-immunisations .session=${exampleSession('awaiting-consent')}></dcr-immunisations>`,
  },
  {
    name: 'Not connected',
    description: 'No session has been given to the element.',
    template: () => html`<dcr-immunisations></dcr-immunisations>`,
  },
];
