import type { Coding } from '../../model/common.js';
import { medicineNameTokens, nameHasTerm, nameTerm, type NameTerm } from './medicine-name.js';

/**
 * A class of high-risk medicines. Sources code medicines differently (dm+d VMP/AMP/VTM under
 * `https://dmd.nhs.uk` or `http://snomed.info/sct`, Read, local codes), so a class matches on any
 * of its codes in any system, and on the medicine's name as a fallback.
 */
export interface HighRiskClass {
  /** Shown to the clinician, e.g. `anticoagulant`. */
  name: string;
  /** Codes (dm+d/SNOMED CT concept ids or others) that belong to the class, whatever their system. */
  codes: readonly string[];
  /**
   * Whole words or phrases that identify the class in a medicine's name: ingredients, brands,
   * combination products. Matched on normalised text (case, accents, punctuation, look-alike
   * letters and zero-width characters do not matter; see medicine-name.ts).
   */
  nameTerms: readonly string[];
  /**
   * Words that mean the name is not the medicine itself although a term matches (e.g. insulin
   * pen needles and syringes are devices): the name match is skipped; a code still decides.
   */
  exceptTerms?: readonly string[];
}

export { DEFAULT_HIGH_RISK_CLASSES } from './high-risk-classes.js';
import { DEFAULT_HIGH_RISK_CLASSES } from './high-risk-classes.js';

interface PreparedClass {
  name: string;
  codes: ReadonlySet<string>;
  terms: NameTerm[];
  except: NameTerm[];
}

const prepared = new WeakMap<readonly HighRiskClass[], PreparedClass[]>();

function prepare(classes: readonly HighRiskClass[]): PreparedClass[] {
  let result = prepared.get(classes);
  if (!result) {
    result = classes.map((c) => ({
      name: c.name,
      codes: new Set(c.codes),
      terms: c.nameTerms.map(nameTerm),
      except: (c.exceptTerms ?? []).map(nameTerm),
    }));
    prepared.set(classes, result);
  }
  return result;
}

/**
 * The class the medicine belongs to. Codes decide first: when any of the medicine's codes is in
 * a class, that class is the answer whatever the name says, so one code always gets one answer.
 * Only when no code is known to any class is the name read (the medicine's display, and each
 * coding's display and preferred term), as whole words on normalised text.
 */
export function highRiskClassOf(
  codes: readonly Coding[],
  name: string,
  classes: readonly HighRiskClass[] = DEFAULT_HIGH_RISK_CLASSES,
): string | undefined {
  const prepared = prepare(classes);
  for (const riskClass of prepared) {
    if (codes.some((coding) => riskClass.codes.has(coding.code.trim()))) return riskClass.name;
  }
  const names = [name, ...codes.flatMap((c) => [c.display ?? '', c.preferredTerm ?? ''])]
    .filter((n) => n.length > 0)
    .map(medicineNameTokens);
  for (const riskClass of prepared) {
    const named = names.filter((n) => !riskClass.except.some((term) => nameHasTerm(n, term)));
    if (riskClass.terms.some((term) => named.some((n) => nameHasTerm(n, term))))
      return riskClass.name;
  }
  return undefined;
}
