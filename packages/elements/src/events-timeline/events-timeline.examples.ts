import { html } from 'lit';
import type { ElementExample } from '../shared/example.js';
import { exampleSession } from '../shared/example-sessions.js';
import '../define/dcr-events-timeline.js';

export const examples: ElementExample[] = [
  {
    name: 'Recent contacts',
    description:
      'GP consultations, an A&E attendance, the eleven-day admission that followed, and referrals: newest first, grouped by date, each with its place, organisation and clinician; the latest admission and A&E attendance stated above.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('granted')}></dcr-events-timeline>`,
  },
  {
    name: 'Admissions and referrals only',
    description: 'The kind filter set by attribute: consultations hidden.',
    template: () =>
      html`<dcr-events-timeline kinds="admission referral" .session=${exampleSession('granted')}></dcr-events-timeline>`,
  },
  {
    name: 'Ten thousand events',
    description:
      'A huge record: the timeline is virtualised, so only about a screenful of rows exists at once (every row is rendered for printing).',
    template: () =>
      // Pages of 1,000 (the sandbox's most): 11 requests for the record rather than 101.
      html`<dcr-events-timeline .session=${exampleSession('granted', { patient: 'hugeTimeline', pageSize: 1000 })}></dcr-events-timeline>`,
  },
  {
    name: 'Nothing recorded',
    description:
      'The record has no encounters, admissions or referrals: it says so, never a blank space.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('granted', { patient: 'nothingRecorded' })}></dcr-events-timeline>`,
  },
  {
    name: 'Loading',
    description: 'The GP record has not answered yet.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('loading')}></dcr-events-timeline>`,
  },
  {
    name: 'Events could not be loaded',
    description:
      'The rest of the record arrived but encounters failed (partial): a retry is offered.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('granted', { failPath: '/Encounter' })}></dcr-events-timeline>`,
  },
  {
    name: 'GP record unavailable',
    description: 'The network is down: nothing could be fetched.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('unavailable')}></dcr-events-timeline>`,
  },
  {
    name: 'Patient opted out',
    description:
      'The patient dissented from sharing at the GP practice: nothing is shown, and why.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('source-dissent')}></dcr-events-timeline>`,
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is fetched until the clinician records the patient’s consent to view.',
    template: () =>
      html`<dcr-events-timeline .session=${exampleSession('awaiting-consent')}></dcr-events-timeline>`,
  },
  {
    name: 'Not connected',
    description:
      'No session was given to the timeline: a neutral message for the clinician, a console warning for the developer.',
    template: () => html`<dcr-events-timeline></dcr-events-timeline>`,
  },
];
