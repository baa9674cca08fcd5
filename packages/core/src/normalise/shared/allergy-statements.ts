import type { Coding, SectionDiagnostics } from '../../model/common.js';
import type { Allergy, AllergiesSection, NoKnownAllergyStatement } from '../../model/clinical.js';
import { hasSnomedCode } from './coding.js';
import { notShownSummary } from './not-shown.js';

/**
 * SNOMED CT situations that state an absence of allergy. They are statements, not allergens:
 * an allergy list must never show them as a substance. Codes verified against published GP
 * Connect and UK Core examples (see packages/sandbox/src/codes.ts).
 */
const NO_KNOWN_ALLERGY_CODES: Record<string, NoKnownAllergyStatement['scope']> = {
  '716186003': 'all', // No known allergy
  '409137002': 'drug', // No known drug allergy
  '716184000': 'other', // No known latex allergy (international edition)
  '1003774007': 'other', // No known latex allergy (newer concept)
};

/** The scope of a no-known-allergy statement, or `undefined` when the codes name an allergen. */
export function noKnownAllergyScope(
  codes: readonly Coding[],
): NoKnownAllergyStatement['scope'] | undefined {
  for (const [code, scope] of Object.entries(NO_KNOWN_ALLERGY_CODES)) {
    if (hasSnomedCode(codes, code)) return scope;
  }
  return undefined;
}

/**
 * The section's state. Any allergy entry (active or resolved: elements show resolved ones on
 * request) makes it `recorded`. With none shown, entries that were sent but could not be shown
 * (another or no patient, unreadable: anything in `diagnostics` but entries entered in error)
 * make it `not-shown`: the record holds allergies we cannot show, which must never read as
 * "none" (an allergy hidden is the greater hazard). Only then does a statement of no known
 * allergy *at all* give `no-known-allergies`: a drug-only or latex-only negation says nothing
 * about other allergies, so alone it leaves the state `not-recorded`.
 */
export function allergiesState(
  entries: readonly Allergy[],
  statements: readonly NoKnownAllergyStatement[],
  diagnostics?: SectionDiagnostics,
): AllergiesSection['state'] {
  if (entries.length > 0) return 'recorded';
  if (diagnostics && notShownSummary({ diagnostics }).count > 0) return 'not-shown';
  return statements.some((s) => s.scope === 'all') ? 'no-known-allergies' : 'not-recorded';
}
