import type { Coding } from '../../model/common.js';
import type { Allergy, AllergiesSection, NoKnownAllergyStatement } from '../../model/clinical.js';
import { hasSnomedCode } from './coding.js';

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
 * request) makes it `recorded`. Only a statement of no known allergy *at all*, with no allergy recorded,
 * gives `no-known-allergies`: a drug-only or latex-only negation says nothing about other
 * allergies, so alone it leaves the state `not-recorded`.
 */
export function allergiesState(
  entries: readonly Allergy[],
  statements: readonly NoKnownAllergyStatement[],
): AllergiesSection['state'] {
  if (entries.length > 0) return 'recorded';
  return statements.some((s) => s.scope === 'all') ? 'no-known-allergies' : 'not-recorded';
}
