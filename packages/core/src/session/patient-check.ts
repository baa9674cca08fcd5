import type { SectionDiagnostics } from '../model/common.js';

/** The reasons normalisers give for an entry that names another patient, or none. */
const PATIENT_CHECK_REASONS = ['another or no patient', 'another patient'];

/**
 * True when most of a section's entries failed the normaliser's patient check (they name another
 * patient, or none that resolves): the record as a whole cannot be trusted to be this patient's,
 * so the session stops the view rather than show what is left as if it were complete.
 */
export function patientCheckFailed(value: unknown): boolean {
  const section = value as { entries?: unknown[]; diagnostics?: SectionDiagnostics };
  const dropped = section.diagnostics?.dropped ?? {};
  const unmatched = PATIENT_CHECK_REASONS.reduce((sum, reason) => sum + (dropped[reason] ?? 0), 0);
  return unmatched > 0 && unmatched > (section.entries?.length ?? 0);
}
