import { html } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';
import type { ElementExample } from '../shared/example.js';
import { exampleSession, hostileTextSession } from '../shared/example-sessions.js';
import '../define/dcr-allergy-banner.js';

const compact = (session: CareRecordSession) =>
  html`<dcr-allergy-banner .session=${session}></dcr-allergy-banner>`;
const expanded = (session: CareRecordSession) =>
  html`<dcr-allergy-banner layout="expanded" .session=${session}></dcr-allergy-banner>`;

export const examples: ElementExample[] = [
  // The four messages, in both layouts.
  {
    name: 'Known allergies (compact)',
    description:
      'Penicillin, with its reaction, severity, criticality and when it was recorded, on one line.',
    template: () => compact(exampleSession('granted')),
  },
  {
    name: 'Known allergies (expanded)',
    description:
      'Each allergy in full, with the disclosure: what is not shared and when the record was fetched.',
    template: () => expanded(exampleSession('granted')),
  },
  {
    name: 'Resolved and withheld allergies (expanded)',
    description:
      'A resolved allergy behind "Show resolved allergies", and one confidential to another organisation: counted, never described.',
    template: () => expanded(exampleSession('granted', { patient: 'privateAndSensitive' })),
  },
  {
    name: 'Transferred record (compact)',
    description:
      'Allergies that came by GP2GP: a transfer-degraded one and one known only by its name, each shown by the term as recorded and marked.',
    template: () => compact(exampleSession('granted', { patient: 'transferred' })),
  },
  {
    name: 'Transferred record (expanded)',
    description:
      'The same, in full: each date says whether it is the onset or when it was recorded.',
    template: () => expanded(exampleSession('granted', { patient: 'transferred' })),
  },
  {
    name: 'No known allergies (compact)',
    description: 'The GP record holds a coded "no known allergies" statement, and nothing else.',
    template: () => compact(exampleSession('granted', { patient: 'noKnownAllergies' })),
  },
  {
    name: 'No known allergies (expanded)',
    description: 'The coded statement with its date, and the disclosure.',
    template: () => expanded(exampleSession('granted', { patient: 'noKnownAllergies' })),
  },
  {
    name: 'Allergies not recorded (compact)',
    description:
      'Nothing either way: no allergy and no statement. Never shown as "no known allergies".',
    template: () => compact(exampleSession('granted', { patient: 'nothingRecorded' })),
  },
  {
    name: 'Allergies not recorded (expanded)',
    description: 'Nothing either way, with the disclosure.',
    template: () => expanded(exampleSession('granted', { patient: 'nothingRecorded' })),
  },
  {
    name: 'Allergies unavailable: could not be loaded (compact)',
    description: 'Only the allergy request failed: the banner says so and offers "Try again".',
    template: () => compact(exampleSession('granted', { failPath: '/AllergyIntolerance' })),
  },
  {
    name: 'Allergies unavailable: could not be loaded (expanded)',
    description: 'Only the allergy request failed, expanded.',
    template: () => expanded(exampleSession('granted', { failPath: '/AllergyIntolerance' })),
  },
  {
    name: 'Allergies unavailable: record unreachable (compact)',
    description: 'The GP record could not be reached at all.',
    template: () => compact(exampleSession('unavailable')),
  },
  {
    name: 'Allergies unavailable: record unreachable (expanded)',
    description: 'The GP record could not be reached at all, expanded.',
    template: () => expanded(exampleSession('unavailable')),
  },
  // Every other session state reads "Allergies unavailable" with why, or "Loading allergies".
  {
    name: 'Viewing under an override',
    description:
      'A duty-of-care override: the banner shows the allergies as usual (the consent gate shows the override).',
    template: () => compact(exampleSession('override')),
  },
  {
    name: 'Loading',
    description: 'Consent recorded, the record still arriving.',
    template: () => compact(exampleSession('loading')),
  },
  {
    name: 'Awaiting consent',
    description: 'Nothing is requested before the patient’s answer.',
    template: () => compact(exampleSession('awaiting-consent')),
  },
  {
    name: 'Consent declined',
    description: 'The patient said no.',
    template: () => compact(exampleSession('consent-declined')),
  },
  {
    name: 'Opted out at the GP practice',
    description: 'The patient dissented from sharing at their practice.',
    template: () => compact(exampleSession('source-dissent')),
  },
  {
    name: 'Role not permitted',
    description: 'The viewer’s role may not see GP records.',
    template: () => compact(exampleSession('not-permitted')),
  },
  {
    name: 'No sharing agreement',
    description: 'The viewer’s organisation is not in the sharing agreement.',
    template: () => compact(exampleSession('no-agreement')),
  },
  {
    name: 'No GP record found',
    description: 'A valid NHS number the GP systems do not know.',
    template: () => compact(exampleSession('not-found')),
  },
  {
    name: 'Record does not match the patient',
    description: 'The right-patient check failed: nothing is shown.',
    template: () => compact(exampleSession('identity-mismatch')),
  },
  {
    name: 'Viewing ended',
    description: 'The clinician ended viewing.',
    template: () => compact(exampleSession('ended')),
  },
  {
    name: 'No patient selected',
    description: 'The host has not set a patient.',
    template: () => compact(exampleSession('no-context')),
  },
  {
    name: 'Not connected',
    description:
      'No session was given to the banner: a neutral message for the clinician, a console warning for the developer.',
    template: () => html`<dcr-allergy-banner></dcr-allergy-banner>`,
  },
  {
    name: 'Hostile text (compact)',
    description:
      'A right-to-left override left open in a name (removed: "high criticality" reads as written), a name spelt with Cyrillic look-alike letters (marked "Check spelling"), a 100,000-character name (its beginning, the rest one click away) and an Arabic name, isolated from the words around it.',
    template: () => compact(hostileTextSession()),
  },
  {
    name: 'Hostile text (expanded)',
    description: 'The same allergies, each in full.',
    template: () => expanded(hostileTextSession()),
  },
];
