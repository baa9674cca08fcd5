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

/** One section's reading, at once and in turns: the same steps, the same value. */
interface Reader<T> {
  now(resources: readonly unknown[], context: R4Context): T;
  inTurns(resources: readonly unknown[], context: R4Context, signal?: AbortSignal): Promise<T>;
}
/** A section read by its own steps. */
function own<T>(steps: (resources: readonly unknown[], context: R4Context) => Steps<T>): Reader<T> {
  return {
    now: (resources, context) => runNow(steps(resources, context)),
    inTurns: (resources, context, signal) => inTurns(steps(resources, context), signal),
  };
}
/** A section read as one part of a pass it shares with another section. */
function part<T, P extends keyof T>(pass: Reader<T>, key: P): Reader<T[P]> {
  return {
    now: (resources, context) => pass.now(resources, context)[key],
    inTurns: async (resources, context, signal) =>
      (await pass.inTurns(resources, context, signal))[key],
  };
}

const READERS: { [K in ClinicalSection]: Reader<SectionValues[K]> } = {
  allergies: own(allergiesSteps),
  medications: own(medicationsSteps),
  problems: part(conditions, 'problems'),
  diagnoses: part(conditions, 'diagnoses'),
  risksWarnings: own(risksWarningsSteps),
  procedures: own(proceduresSteps),
  investigations: part(observations, 'investigations'),
  bloodPressure: part(observations, 'bloodPressure'),
  immunisations: own(immunisationsSteps),
  events: own(eventsSteps),
};

/** Resources of a search → one section of the model, at once. Never throws on malformed input. */
export const R4_NORMALISERS = Object.fromEntries(
  Object.entries(READERS).map(([section, reader]) => [section, reader.now]),
) as { [K in ClinicalSection]: R4Section<K> };

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
  return (READERS[section] as Reader<SectionValues[K]>).inTurns(resources, context, signal);
}
