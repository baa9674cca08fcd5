import type { CareEvent } from '../../model/clinical.js';

/** ServiceRequest.category for a referral: SNOMED CT 3457005 Patient referral. */
export const REFERRAL_CATEGORY = '3457005';

/** Encounter.status (the same codes in STU3 and R4) → the model's event status. */
export const ENCOUNTER_STATUS: Record<string, CareEvent['status']> = {
  planned: 'planned',
  arrived: 'in-progress',
  triaged: 'in-progress',
  'in-progress': 'in-progress',
  onleave: 'in-progress',
  finished: 'finished',
  cancelled: 'cancelled',
};

/** Encounter classes (HL7 v3 ActCode) that mean a hospital stay rather than a consultation. */
export const ADMISSION_CLASSES: ReadonlySet<string> = new Set([
  'IMP',
  'ACUTE',
  'NONAC',
  'PRENC',
  'SS',
]);

/**
 * Encounter classes that mean an emergency attendance (A&E): HL7 v3 ActCode `EMER` "emergency",
 * the one code of the ValueSet v3-ActEmergencyEncounterCode (HL7 Terminology, THO).
 */
export const EMERGENCY_CLASSES: ReadonlySet<string> = new Set(['EMER']);
