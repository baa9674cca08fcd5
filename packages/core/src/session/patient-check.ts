import {
  ANOTHER_OR_NO_PATIENT,
  type PatientCheckCounts,
  type SectionDiagnostics,
} from '../model/common.js';

/** The reasons normalisers give for an entry that names another patient, or none. */
const PATIENT_CHECK_REASONS = [ANOTHER_OR_NO_PATIENT, 'another patient'];

/**
 * How many of a section's entries were checked against the patient and how many failed: the R4
 * path's `patientCheck` counts where present, else what both paths keep (entries shown, and
 * entries dropped as another patient's).
 */
export function patientCheckOf(value: unknown): PatientCheckCounts {
  const section = value as { entries?: unknown[]; diagnostics?: SectionDiagnostics };
  const check = section.diagnostics?.patientCheck;
  if (check) return { checked: check.checked, failed: check.failed };
  const dropped = section.diagnostics?.dropped ?? {};
  const failed = PATIENT_CHECK_REASONS.reduce((sum, reason) => sum + (dropped[reason] ?? 0), 0);
  return { checked: failed + (section.entries?.length ?? 0), failed };
}

/**
 * True when most of the record's entries failed the normalisers' patient check (they name
 * another patient, or none that resolves): the record as a whole cannot be trusted to be this
 * patient's, so the session reports it rather than `ready`. Judged once at least two sections
 * with entries are in; a section where entries failed says so itself ("2 entries could not be
 * shown").
 */
export function mostFailed(total: PatientCheckCounts & { sections: number }): boolean {
  // One section alone is not "the record": it says itself what it could not show.
  return total.sections >= 2 && total.failed > 0 && total.failed * 2 > total.checked;
}
