import { SNOMED_CT, type Coding, type Entry } from '../../model/common.js';
import { codingsOf, displayOf } from './coding.js';
import { record, text } from './read.js';

/**
 * SNOMED CT GP2GP degrade codes: a record entry the sending system could not code in a way the
 * receiver understands, kept under one of these with its original term in `CodeableConcept.text`
 * (or in another coding). Verified in the UK Core STU3 guidance "Clinical codes" page
 * (NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN, guides/UK-Core-Implementation-Guide-STU3-Sequence/
 * Home/Guidance/CodeableConcept-Guidance/Clinical-codes.page.md) and, for the drug allergy code,
 * the GP Connect allergies guidance (nhsconnect/gpconnect,
 * pages/accessrecord_structured/accessrecord_structured_development_allergies_guidance.md).
 */
export const DEGRADE_CODES: ReadonlyMap<string, string> = new Map([
  ['196461000000101', 'Transfer-degraded drug allergy'],
  ['196471000000108', 'Transfer-degraded non-drug allergy'],
  ['196421000000109', 'Transfer-degraded medication entry'],
  ['196451000000104', 'Transfer-degraded plan'],
  ['196431000000106', 'Transfer-degraded referral'],
  ['196441000000102', 'Transfer-degraded request'],
  ['196411000000103', 'Transfer-degraded record entry'],
]);

/** What a coded concept is called on screen, and how sure the source was of its coding. */
export interface Term {
  codes: Coding[];
  display: string;
  degraded?: true;
  uncoded?: true;
  originalCode?: string;
}

/** `Resolved 'Penicillin allergy' original code 14L..00`: how GP2GP sends a resolved allergy. */
const RESOLVED = /^Resolved\s+'(.+)'\s+original code\s+(\S{1,40})\s*$/i;
/** `213020009 | Allergy to egg protein`: a code and term written into the text (UK Core examples). */
const CODE_AND_TERM = /^(\d{6,18})\s*\|\s*([^|]+?)\s*\|?\s*$/;

const isDegradeCoding = (c: Coding) => c.system === SNOMED_CT && DEGRADE_CODES.has(c.code.trim());

/**
 * The term to show for a CodeableConcept, under the coded-only rule's two exceptions:
 *
 * - **Degraded**: coded with a degrade code, it is shown by its original term (the concept's text,
 *   or the display of another coding), never by the degrade code's own display, which says
 *   nothing of the substance. A resolved allergy's text `Resolved '<term>' original code <code>`
 *   gives the term and the original code. Only when no original term was sent at all is the
 *   degrade display shown (still marked degraded): it is better than hiding the entry.
 * - **Uncoded**: no coding at all but a text: shown by that text, marked uncoded, never dropped
 *   (an allergy known only by its name is still an allergy).
 *
 * `undefined` only when there is neither a coding nor a text: nothing can be shown.
 */
export function termOf(concept: unknown): Term | undefined {
  const codes = codingsOf(concept);
  const conceptText = text(record(concept)?.text)?.slice(0, 200);
  const degrade = codes.find(isDegradeCoding);
  if (degrade) {
    const original = originalOf(conceptText, codes);
    return {
      codes,
      display: original?.term ?? degrade.display ?? DEGRADE_CODES.get(degrade.code.trim())!,
      degraded: true,
      ...(original?.code && { originalCode: original.code }),
    };
  }
  if (codes.length > 0)
    return { codes, display: displayOf(codes) ?? conceptText ?? codes[0]!.code };
  return conceptText ? { codes: [], display: conceptText, uncoded: true } : undefined;
}

function originalOf(
  conceptText: string | undefined,
  codes: readonly Coding[],
): { term: string; code?: string } | undefined {
  if (conceptText) {
    const resolved = RESOLVED.exec(conceptText);
    if (resolved) return { term: resolved[1]!.trim(), code: resolved[2]! };
    const codeAndTerm = CODE_AND_TERM.exec(conceptText);
    if (codeAndTerm) return { term: codeAndTerm[2]!, code: codeAndTerm[1]! };
    return { term: conceptText };
  }
  const other = codes.find((c) => !isDegradeCoding(c) && c.display);
  return other ? { term: other.display!, code: other.code } : undefined;
}

type TermMarks = Pick<Entry, 'degraded' | 'uncoded' | 'originalCode'>;

/**
 * Sets a term's marks (from a term or an entry) on `entry`, in place: entries are built field by
 * field, not spread together, since in V8 before 12 (Node 20) an object literal that spreads one
 * object and adds more, or is made of spreads alone, takes about 1.5 µs to build (measured: 50
 * times a literal of plain fields), and records hold 100,000 entries.
 */
export function markTerm(entry: TermMarks, term: TermMarks | undefined): void {
  if (term?.degraded) entry.degraded = true;
  if (term?.uncoded) entry.uncoded = true;
  if (term?.originalCode) entry.originalCode = term.originalCode;
}
