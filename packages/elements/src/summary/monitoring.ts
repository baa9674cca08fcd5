// replaced by core drugMonitoring at merge: the results branch exports
// `drugMonitoring(medications, investigations): MonitoredMedicine[]` from @dcr-elements/core with
// this exact shape; the summary imports only from this module, so one import changes.
import { LOINC, SNOMED_CT, compareIsoDates } from '@dcr-elements/core';
import type {
  InvestigationResult,
  InvestigationsSection,
  Medication,
  MedicationsSection,
} from '@dcr-elements/core';

/** A current medicine that needs blood monitoring, with the latest result of its test. */
export interface MonitoredMedicine {
  medication: Medication;
  /** The test's name as a clinician says it, e.g. `INR`. */
  test: string;
  latest?: InvestigationResult;
}

/**
 * INR: SNOMED CT 165581004 International normalized ratio (OpenCodelists
 * `nhsd-primary-care-domain-refsets/inr_cod`, the INR_COD refset) and LOINC 6301-6 INR in Platelet
 * poor plasma by Coagulation assay (loinc.org; HL7 example resources use it for INR).
 */
const INR = new Set([`${SNOMED_CT}|165581004`, `${LOINC}|6301-6`]);

const isInr = (result: InvestigationResult) =>
  result.codes.some((c) => INR.has(`${c.system}|${c.code}`));

/** Minimal until the merge: warfarin (by name) and its INR only. */
export function drugMonitoring(
  medications: MedicationsSection,
  investigations: InvestigationsSection,
): MonitoredMedicine[] {
  const warfarin = medications.entries.filter((m) => m.current && /warfarin/i.test(m.name));
  if (warfarin.length === 0) return [];
  const latest = investigations.entries
    .filter(isInr)
    .sort((a, b) => compareIsoDates(b.date, a.date))[0];
  return warfarin.map((medication) => ({ medication, test: 'INR', ...(latest && { latest }) }));
}
