/**
 * What the model does to every string it keeps from a record (docs/record-model.md, _Text from
 * the record_). Sources are other people's servers, and their text reaches a clinician's screen
 * beside the library's own words: a right-to-left override left open in an allergy's name
 * mirrored the "high criticality" printed after it, and a zero-width space inside a medicine's
 * name hides it from every name match. So, once, as the string is read:
 *
 * - bidirectional controls (embeddings, overrides, isolates, marks: U+202A–202E, U+2066–2069,
 *   U+200E/200F, U+061C), zero-width and other format characters (Unicode category Cf: U+200B,
 *   U+2060, U+FEFF, soft hyphen, tag characters…), lone surrogates and the Hangul fillers that
 *   render as nothing are removed: none is visible, so none changes what a reader sees except by
 *   reordering or hiding text;
 * - control characters (category Cc) and line or paragraph separators become a space (a term is
 *   one line; a tab or newline inside it separates words);
 * - a run of more than {@link MAX_MARKS} combining marks on one letter ("Zalgo" text, which
 *   paints over the lines above and below) is cut to that many: written languages need fewer.
 *
 * A string that changes nothing is returned as it is (no copy), so clean records cost one test.
 */

/** Combining marks kept on one base character; Vietnamese needs 2, Indic scripts up to 3–4. */
export const MAX_MARKS = 4;

const INVISIBLE = /[\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
const BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');
/** Anything outside printable ASCII: only such a string can need cleaning. */
const NOT_PLAIN = /[^\x20-\x7E]/;

/** `value` with hidden and control characters removed and mark stacks cut (see above). */
export function cleanText(value: string): string {
  if (!NOT_PLAIN.test(value)) return value;
  return value.replace(INVISIBLE, '').replace(BREAKING, ' ').replace(MARK_RUN, '$1');
}
