// The catalogue: every element that exists, in every state its examples file lists.
import { html, render } from 'lit';
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

interface CatalogueEntry {
  tag: string;
  summary: string;
  examples: ElementExample[];
}

const ELEMENTS: CatalogueEntry[] = [
  {
    tag: 'dcr-record',
    summary:
      'The whole Detailed Care Record in one tag: consent, patient and allergy banners, the record in tabs, and a print view.',
    examples: record,
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

render(
  ELEMENTS.map((entry) => html`<li><a href="#${entry.tag}">&lt;${entry.tag}&gt;</a></li>`),
  document.getElementById('element-index')!,
);

// Themes are classes on an ancestor (see packages/elements/themes); ?theme= picks one for screenshots.
const themePicker = document.getElementById('theme') as HTMLSelectElement;
function applyTheme(theme: string): void {
  document.body.classList.remove('dcr-theme-nhs-dark', 'dcr-theme-neutral');
  if (theme) document.body.classList.add(theme);
  themePicker.value = theme;
}
themePicker.addEventListener('change', () => applyTheme(themePicker.value));
applyTheme(new URLSearchParams(location.search).get('theme') ?? '');

const catalogue = document.getElementById('catalogue')!;
catalogue.replaceChildren();
render(
  ELEMENTS.map(
    (entry) => html`
      <section id=${entry.tag} aria-labelledby="${entry.tag}-title">
        <h1 id="${entry.tag}-title"><code>&lt;${entry.tag}&gt;</code></h1>
        <p class="summary">${entry.summary}</p>
        <ul class="state-index" aria-label="States of ${entry.tag}">
          ${entry.examples.map((example) => html`<li>${example.name}</li>`)}
        </ul>
        ${entry.examples.map(
          (example) => html`
            <article class="example" aria-label=${example.name}>
              <h2>${example.name}</h2>
              <p>${example.description}</p>
              ${example.template()}
            </article>
          `,
        )}
      </section>
    `,
  ),
  catalogue,
);
