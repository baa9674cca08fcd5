import type { SectionName, SectionValues } from '../../model/sections.js';
import { inTurns, runNow, type Steps } from '../turns.js';
import { allergiesSteps } from './allergies.js';
import { conditionsSteps } from './conditions.js';
import type { R4Context } from './context.js';
import { eventsSteps } from './events.js';
import { immunisationsSteps } from './immunisations.js';
import { medicationsSteps } from './medications.js';
import { observationsSteps } from './observations.js';
import { proceduresSteps } from './procedures.js';
import { risksWarningsSteps } from './risks-warnings.js';

export { practitionerRoleReferences, type R4Context } from './context.js';
export { demographicsFromR4 } from './demographics.js';
export { normaliseOptions } from '../options.js';

type ClinicalSection = Exclude<SectionName, 'demographics'>;

type R4Section<K extends ClinicalSection> = (
  resources: readonly unknown[],
  context: R4Context,
) => SectionValues[K];

/** The resource types each section is read from (what its searches return). */
export const R4_SECTION_TYPES: { [K in ClinicalSection]: readonly string[] } = {
  allergies: ['AllergyIntolerance'],
  medications: ['MedicationRequest', 'MedicationStatement', 'Medication'],
  problems: ['Condition'],
  diagnoses: ['Condition'],
  // Flags, and the coded entries warnings are derived from (shared/derived-warnings.ts).
  risksWarnings: ['Flag', 'Condition', 'Observation', 'Procedure'],
  procedures: ['Procedure'],
  investigations: ['Observation'],
  bloodPressure: ['Observation'],
  immunisations: ['Immunization'],
  events: ['Encounter', 'ServiceRequest'],
};

/**
 * Problems and diagnoses share the Condition search, investigations and blood pressure the
 * Observation search: each pair's pass is read once per resources array (the R4 source passes
 * the same array to both sections of a pair), at once or in turns.
 */
function once<T>(steps: (resources: readonly unknown[], context: R4Context) => Steps<T>) {
  const now = new WeakMap<readonly unknown[], T>();
  const inTurnsRuns = new WeakMap<readonly unknown[], Promise<T>>();
  return {
    now(resources: readonly unknown[], context: R4Context): T {
      let result = now.get(resources);
      if (!result) now.set(resources, (result = runNow(steps(resources, context))));
      return result;
    },
    inTurns(resources: readonly unknown[], context: R4Context, signal?: AbortSignal): Promise<T> {
      let result = inTurnsRuns.get(resources);
      if (!result)
        inTurnsRuns.set(resources, (result = inTurns(steps(resources, context), signal)));
      return result;
    },
  };
}
const conditions = once(conditionsSteps);
const observations = once(observationsSteps);

/** Resources of a search → one section of the model, at once. Never throws on malformed input. */
export const R4_NORMALISERS: { [K in ClinicalSection]: R4Section<K> } = {
  allergies: (resources, context) => runNow(allergiesSteps(resources, context)),
  medications: (resources, context) => runNow(medicationsSteps(resources, context)),
  problems: (resources, context) => conditions.now(resources, context).problems,
  diagnoses: (resources, context) => conditions.now(resources, context).diagnoses,
  risksWarnings: (resources, context) => runNow(risksWarningsSteps(resources, context)),
  procedures: (resources, context) => runNow(proceduresSteps(resources, context)),
  investigations: (resources, context) => observations.now(resources, context).investigations,
  bloodPressure: (resources, context) => observations.now(resources, context).bloodPressure,
  immunisations: (resources, context) => runNow(immunisationsSteps(resources, context)),
  events: (resources, context) => runNow(eventsSteps(resources, context)),
};

/**
 * Resources of a search → one section of the model, normalised in turns so that a large record
 * never holds the page for long (../turns.ts): the same value as {@link R4_NORMALISERS}. Rejects
 * with `RecordError('aborted')` when `signal` aborts first.
 */
export function r4InTurns<K extends ClinicalSection>(
  section: K,
  resources: readonly unknown[],
  context: R4Context,
  signal?: AbortSignal,
): Promise<SectionValues[K]> {
  const read = IN_TURNS[section] as R4SectionInTurns<K>;
  return read(resources, context, signal);
}

type R4SectionInTurns<K extends ClinicalSection> = (
  resources: readonly unknown[],
  context: R4Context,
  signal?: AbortSignal,
) => Promise<SectionValues[K]>;

const IN_TURNS: { [K in ClinicalSection]: R4SectionInTurns<K> } = {
  allergies: (resources, context, signal) => inTurns(allergiesSteps(resources, context), signal),
  medications: (resources, context, signal) =>
    inTurns(medicationsSteps(resources, context), signal),
  problems: async (resources, context, signal) =>
    (await conditions.inTurns(resources, context, signal)).problems,
  diagnoses: async (resources, context, signal) =>
    (await conditions.inTurns(resources, context, signal)).diagnoses,
  risksWarnings: (resources, context, signal) =>
    inTurns(risksWarningsSteps(resources, context), signal),
  procedures: (resources, context, signal) => inTurns(proceduresSteps(resources, context), signal),
  investigations: async (resources, context, signal) =>
    (await observations.inTurns(resources, context, signal)).investigations,
  bloodPressure: async (resources, context, signal) =>
    (await observations.inTurns(resources, context, signal)).bloodPressure,
  immunisations: (resources, context, signal) =>
    inTurns(immunisationsSteps(resources, context), signal),
  events: (resources, context, signal) => inTurns(eventsSteps(resources, context), signal),
};
