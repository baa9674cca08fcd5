import { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import { DcrBloodPressure } from '../blood-pressure/blood-pressure.js';
import { DcrConsentGate } from '../consent-gate/consent-gate.js';
import { DcrDiagnosisList } from '../diagnosis-list/diagnosis-list.js';
import { DcrEventsTimeline } from '../events-timeline/events-timeline.js';
import { DcrImmunisations } from '../immunisations/immunisations.js';
import { DcrInvestigations } from '../investigations/investigations.js';
import { DcrMedicationList } from '../medication-list/medication-list.js';
import { DcrPatientBanner } from '../patient-banner/patient-banner.js';
import { DcrProblemList } from '../problem-list/problem-list.js';
import { DcrProcedureList } from '../procedure-list/procedure-list.js';
import { DcrRecord } from '../record/record.js';
import { DcrRisksWarnings } from '../risks-warnings/risks-warnings.js';
import { DcrSession } from '../session/dcr-session.js';
import { DcrSummary } from '../summary/summary.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the elements
import { defineOnce } from './define-once.js';

/** Every element by the name after its prefix (`dcr-record` is `record`). */
const ELEMENTS = {
  session: DcrSession,
  'patient-banner': DcrPatientBanner,
  'consent-gate': DcrConsentGate,
  'allergy-banner': DcrAllergyBanner,
  'medication-list': DcrMedicationList,
  'events-timeline': DcrEventsTimeline,
  'risks-warnings': DcrRisksWarnings,
  investigations: DcrInvestigations,
  'blood-pressure': DcrBloodPressure,
  summary: DcrSummary,
  record: DcrRecord,
  'problem-list': DcrProblemList,
  'diagnosis-list': DcrDiagnosisList,
  'procedure-list': DcrProcedureList,
  immunisations: DcrImmunisations,
} satisfies Record<string, CustomElementConstructor>;

const PREFIX = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The classes registered under each prefix other than `dcr`, so a second call defines nothing new. */
const registered = new Map<string, Map<string, CustomElementConstructor>>();

/**
 * Registers every element under `<prefix>-<name>` (`prefix: 'next'` gives `<next-record>`,
 * `<next-consent-gate>`, ...). A page that embeds two versions of the library registers one of
 * them under another prefix, so their tags never clash; `<x-record>` renders `<x-consent-gate>`
 * and the other `x-` parts, never another version's. Without a prefix, the same as importing
 * every `define/` module.
 */
export function defineElements({ prefix = 'dcr' }: { prefix?: string } = {}): void {
  if (!PREFIX.test(prefix))
    throw new Error(`dcr-elements: "${prefix}" is not a custom element prefix (a-z, 0-9, -).`);
  let classes = registered.get(prefix);
  if (!classes) {
    classes = new Map();
    for (const [name, base] of Object.entries(ELEMENTS) as [string, CustomElementConstructor][])
      // A class is registered once per registry: another prefix registers a subclass.
      classes.set(name, prefix === 'dcr' ? base : class extends base {});
    const record = classes.get('record') as typeof DcrRecord;
    record.tagPrefix = `${prefix}-`;
    registered.set(prefix, classes);
  }
  for (const [name, element] of classes) defineOnce(`${prefix}-${name}`, element);
}
