import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-patient-banner.js';
import '../define/dcr-session.js';

export const examples: ElementExample[] = [
  {
    name: 'From the GP record',
    description:
      'After consent: demographics from the GP record, checked against your system’s patient.',
    template: () =>
      html`<dcr-patient-banner .session=${exampleSession('granted')}></dcr-patient-banner>`,
  },
  {
    name: 'Before consent',
    description:
      'Consent to view not yet recorded: the patient as your system identified them; nothing is fetched.',
    template: () =>
      html`<dcr-patient-banner .session=${exampleSession('awaiting-consent')}></dcr-patient-banner>`,
  },
  {
    name: 'Another patient',
    description: 'A younger patient from the sandbox, to compare layouts.',
    template: () =>
      html`<dcr-patient-banner .session=${exampleSession('granted', { patient: 'noKnownAllergies' })}></dcr-patient-banner>`,
  },
  {
    name: 'No patient selected',
    description: 'The host has not set a patient.',
    template: () =>
      html`<dcr-patient-banner .session=${exampleSession('no-context')}></dcr-patient-banner>`,
  },
  {
    name: 'Viewing ended',
    description:
      'The clinician ended viewing: the patient is still selected in your system, so the banner still names them (from your system).',
    template: () =>
      html`<dcr-patient-banner .session=${exampleSession('ended')}></dcr-patient-banner>`,
  },
  {
    name: 'Not connected',
    description:
      'No session was given to the banner: a neutral message for the clinician, a console warning for the developer.',
    template: () => html`<dcr-patient-banner></dcr-patient-banner>`,
  },
];
