// The catalogue's registry: every element that has a page, with its states (its examples file).
// Pages are rendered by demo/app.ts; APIs come from packages/elements/custom-elements.json.
import { html } from 'lit';
import type { ElementExample } from '../packages/elements/src/shared/example.js';
import { examples as patientBanner } from '../packages/elements/src/patient-banner/patient-banner.examples.js';
import { examples as consentGate } from '../packages/elements/src/consent-gate/consent-gate.examples.js';
import { examples as allergyBanner } from '../packages/elements/src/allergy-banner/allergy-banner.examples.js';
import { examples as medicationList } from '../packages/elements/src/medication-list/medication-list.examples.js';
import { examples as eventsTimeline } from '../packages/elements/src/events-timeline/events-timeline.examples.js';
import { examples as risksWarnings } from '../packages/elements/src/risks-warnings/risks-warnings.examples.js';
import { examples as investigations } from '../packages/elements/src/investigations/investigations.examples.js';
import { examples as bloodPressure } from '../packages/elements/src/blood-pressure/blood-pressure.examples.js';
import { examples as summary } from '../packages/elements/src/summary/summary.examples.js';
import { examples as record } from '../packages/elements/src/record/record.examples.js';
import { examples as problemList } from '../packages/elements/src/problem-list/problem-list.examples.js';
import { examples as diagnosisList } from '../packages/elements/src/diagnosis-list/diagnosis-list.examples.js';
import { examples as procedureList } from '../packages/elements/src/procedure-list/procedure-list.examples.js';
import { examples as immunisations } from '../packages/elements/src/immunisations/immunisations.examples.js';
import { exampleSession } from '../packages/elements/src/shared/example-sessions.js';
import '../packages/elements/src/define/dcr-session.js';

export interface CatalogueEntry {
  tag: string;
  summary: string;
  examples: ElementExample[];
}

export const ELEMENTS: CatalogueEntry[] = [
  {
    tag: 'dcr-record',
    summary:
      'The whole Detailed Care Record in one tag: consent, patient and allergy banners, the record in tabs, and a print view.',
    examples: record,
  },
  {
    tag: 'dcr-session',
    summary:
      'Gives one care record session to every element inside it, for a layout of your own; re-dispatches audit records as dcr-audit events.',
    examples: [
      {
        name: 'Composing elements',
        description:
          'The patient banner, the consent gate and, inside it, the allergy banner and medication list, all reading one session.',
        template: () =>
          html`<dcr-session .session=${exampleSession('granted')}>
            <dcr-patient-banner></dcr-patient-banner>
            <dcr-consent-gate>
              <dcr-allergy-banner></dcr-allergy-banner>
              <dcr-medication-list></dcr-medication-list>
            </dcr-consent-gate>
          </dcr-session>`,
      },
    ],
  },
  {
    tag: 'dcr-consent-gate',
    summary:
      'Records the patient’s consent to view (or a duty-of-care override) before anything is fetched; ends viewing.',
    examples: consentGate,
  },
  {
    tag: 'dcr-allergy-banner',
    summary:
      'Known allergies, no known allergies, allergies not recorded or allergies unavailable: never blank, never ambiguous.',
    examples: allergyBanner,
  },
  {
    tag: 'dcr-patient-banner',
    summary: 'Who this record belongs to: name, date of birth with age, gender and NHS number.',
    examples: patientBanner,
  },
  {
    tag: 'dcr-medication-list',
    summary:
      'Current and past medication, with each medicine’s issue history and high-risk medicines marked.',
    examples: medicationList,
  },
  {
    tag: 'dcr-events-timeline',
    summary:
      'Encounters, admissions and referrals in one timeline, grouped by date, filterable, virtualised.',
    examples: eventsTimeline,
  },
  {
    tag: 'dcr-risks-warnings',
    summary:
      'Palliative care and resuscitation decisions first, then safeguarding, violence, falls, learning disability, dementia and carer: flagged by the source or derived from coded entries.',
    examples: risksWarnings,
  },
  {
    tag: 'dcr-investigations',
    summary:
      'Results by test or by date with ranges and abnormal flags in words, a trend per test, and the latest monitoring result beside each medicine that needs one.',
    examples: investigations,
  },
  {
    tag: 'dcr-blood-pressure',
    summary:
      'Systolic and diastolic over time with the NICE NG136 thresholds marked, and every reading with how it was taken; lone halves shown as such.',
    examples: bloodPressure,
  },
  {
    tag: 'dcr-summary',
    summary:
      'What to know in 30 seconds: allergies, warnings, current and high-risk medicines, drug monitoring, problems, last admission.',
    examples: summary,
  },
  {
    tag: 'dcr-problem-list',
    summary:
      'Active, significant past and minor past problems, as the GP Connect HTML view groups them, with onset, end and linked problems.',
    examples: problemList,
  },
  {
    tag: 'dcr-diagnosis-list',
    summary:
      'Diagnoses coded in encounters, newest onset first, with status and the date a resolved one ended.',
    examples: diagnosisList,
  },
  {
    tag: 'dcr-procedure-list',
    summary:
      'Procedures, newest first, with the date each was performed (at the precision recorded) and its status.',
    examples: procedureList,
  },
  {
    tag: 'dcr-immunisations',
    summary:
      'The last tetanus-containing vaccine, then every immunisation newest first: given or not (and why), dose, site and route.',
    examples: immunisations,
  },
];
