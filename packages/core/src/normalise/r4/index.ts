import type { SectionName, SectionValues } from '../../model/sections.js';
import { allergiesFromR4 } from './allergies.js';
import { conditionsFromR4 } from './conditions.js';
import type { R4Context } from './context.js';
import { eventsFromR4 } from './events.js';
import { immunisationsFromR4 } from './immunisations.js';
import { medicationsFromR4 } from './medications.js';
import { observationsFromR4 } from './observations.js';
import { proceduresFromR4 } from './procedures.js';
import { risksWarningsFromR4 } from './risks-warnings.js';

export { practitionerRoleReferences, type R4Context } from './context.js';
export { demographicsFromR4 } from './demographics.js';
export { normaliseOptions } from '../options.js';

type ClinicalSection = Exclude<SectionName, 'demographics'>;

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
 * Observation search: each pair is read once per resources array (the R4 source passes the same
 * array to both sections of a pair).
 */
function once<T>(read: (resources: readonly unknown[], context: R4Context) => T) {
  const results = new WeakMap<readonly unknown[], T>();
  return (resources: readonly unknown[], context: R4Context): T => {
    let result = results.get(resources);
    if (!result) results.set(resources, (result = read(resources, context)));
    return result;
  };
}
const conditions = once(conditionsFromR4);
const observations = once(observationsFromR4);

/** Resources of a search → one section of the model. Never throws on malformed input. */
export const R4_NORMALISERS: {
  [K in ClinicalSection]: (resources: readonly unknown[], context: R4Context) => SectionValues[K];
} = {
  allergies: allergiesFromR4,
  medications: medicationsFromR4,
  problems: (resources, context) => conditions(resources, context).problems,
  diagnoses: (resources, context) => conditions(resources, context).diagnoses,
  risksWarnings: risksWarningsFromR4,
  procedures: proceduresFromR4,
  investigations: (resources, context) => observations(resources, context).investigations,
  bloodPressure: (resources, context) => observations(resources, context).bloodPressure,
  immunisations: immunisationsFromR4,
  events: eventsFromR4,
};
