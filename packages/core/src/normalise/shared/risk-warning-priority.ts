import { SNOMED_CT } from '../../model/common.js';
import type { RiskWarning } from '../../model/clinical.js';
import { compareNewestFirst } from './compare-dates.js';

/**
 * Resuscitation decisions and end-of-life care come first among risks and warnings: in urgent care
 * they change what is done in the next minute. SNOMED CT codes from the SCR inclusion dataset for
 * CPR status (GitHub `nhsconnect/FHIR-END-OF-LIFE-API`,
 * `pages/explore/api_eol_management_flag_cprstatus.md`, "SCR Inclusion Dataset, and advised codes").
 */
const END_OF_LIFE_CODES: ReadonlySet<string> = new Set([
  '450475007', // For cardiopulmonary resuscitation (finding)
  '450476008', // Not for cardiopulmonary resuscitation (finding)
  '304252001', // For resuscitation (finding)
  '304253006', // Not for resuscitation (finding)
  '143021000119109', // Do not resuscitate status with supporting documentation (finding)
]);

/**
 * The same by term, for Read v2 / CTV3 codings, local codes and warnings derived by the core:
 * palliative care has no short code list (the PALCARE_COD refset runs to hundreds), and every
 * such term names it. Matched on the entry's and its category's display, never on free text.
 */
const END_OF_LIFE_TERMS = /\b(?:dnacpr|dnar|resuscitat|palliative|end[- ]of[- ]life)/i;

/** True for a resuscitation decision or a palliative / end-of-life care warning. */
export function isEndOfLifeWarning(warning: RiskWarning): boolean {
  return (
    warning.codes.some((c) => c.system === SNOMED_CT && END_OF_LIFE_CODES.has(c.code)) ||
    [warning.display, ...warning.category.map((c) => c.display ?? '')].some((term) =>
      END_OF_LIFE_TERMS.test(term),
    )
  );
}

/**
 * Risks and warnings in the order to read them: resuscitation and end-of-life warnings first, then
 * the rest; within each, newest start first (undated last). Pure: the input is not changed.
 */
export function riskWarningsByPriority(warnings: readonly RiskWarning[]): RiskWarning[] {
  const rank = (w: RiskWarning) => (isEndOfLifeWarning(w) ? 0 : 1);
  return [...warnings].sort(
    (a, b) => rank(a) - rank(b) || compareNewestFirst(a.start ?? a.date, b.start ?? b.date),
  );
}
