/**
 * Look-alike spellings: a medicine or allergy name written with letters from another alphabet
 * that look like Latin ones ("Реnicillin" with a Cyrillic Р and е) reads as the real name, yet
 * matches no code set, no high-risk list and no search. The elements never show such a word as
 * if it were the real one: they mark it (docs/security.md, _Text from the record_).
 *
 * A compact check after Unicode TS #39 (Security Mechanisms), not its full confusables table:
 * that table (about 6,300 mappings; the npm packages that carry it weigh about 100 KB) would
 * alone exceed the whole library's 40 KB budget. Scripts come from the browser's own Unicode
 * data (`\p{Script=…}`), so the check costs a few hundred bytes. Each word (a run of letters and
 * marks) is flagged when it:
 *
 * - **mixes alphabets that share look-alike letters**: Latin, Cyrillic, Greek, Armenian,
 *   Cherokee, Coptic (TS #39 §5.1 mixed-script detection, narrowed to the scripts confusable
 *   with Latin; Latin beside Han or kana, as in Japanese, is not flagged);
 * - **is all in another alphabet but made only of letters that look Latin** ("сосо" in Cyrillic:
 *   TS #39 §4 whole-script confusables, for the letters confusables.txt maps to a Latin letter);
 * - **uses a compatibility form of a Latin letter** (mathematical bold 𝐏, double-struck ℙ,
 *   fullwidth Ｐ, ligature ﬁ): Unicode NFKC folds it to a plain Latin letter it is not.
 *
 * Words are split at anything that is not a letter or mark, so "β-blocker" and "5α-reductase"
 * are two words each and never flagged.
 */

export type LookalikeReason = 'mixed-alphabets' | 'lookalike-alphabet' | 'unusual-letters';

export interface Lookalike {
  /** The first suspicious word, as written. */
  word: string;
  reason: LookalikeReason;
  /** The alphabets the word mixes, or the one it is written in (e.g. `['Latin', 'Cyrillic']`). */
  scripts: string[];
}

const CONFUSABLE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'];
const SCRIPT_TESTS = CONFUSABLE_SCRIPTS.map(
  (name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const,
);
/**
 * Letters confusables.txt (Unicode 15.1) maps to a single Latin letter: Cyrillic and Greek,
 * upper and lower case, as seen in look-alike spellings.
 */
const LATIN_LOOKALIKES = new Set('аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅԚԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧονϲϳ');
const WORD = /[\p{L}\p{M}]+/gu;
const LETTER = /\p{L}/u;
const NOT_PLAIN = /[^\x20-\x7E]/;
const ASCII_LETTERS = /^[A-Za-z]+$/;

/** The first look-alike word in `value`, or `undefined` when every word is of one alphabet. */
export function lookalikeOf(value: string | undefined): Lookalike | undefined {
  if (!value || !NOT_PLAIN.test(value)) return undefined;
  for (const [word] of value.matchAll(WORD)) {
    const found = checkWord(word);
    if (found) return found;
  }
  return undefined;
}

function checkWord(word: string): Lookalike | undefined {
  if (!NOT_PLAIN.test(word)) return undefined;
  const scripts = new Set<string>();
  let allLookLatin = true;
  for (const char of word) {
    if (!LETTER.test(char)) continue;
    const script = SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0];
    if (script) scripts.add(script);
    if (script !== 'Latin' && !LATIN_LOOKALIKES.has(char)) allLookLatin = false;
    const folded = char.normalize('NFKC');
    if (folded !== char && ASCII_LETTERS.test(folded))
      return { word, reason: 'unusual-letters', scripts: ['Latin'] };
  }
  if (scripts.size > 1) return { word, reason: 'mixed-alphabets', scripts: [...scripts] };
  const [only] = scripts;
  if (only && only !== 'Latin' && allLookLatin)
    return { word, reason: 'lookalike-alphabet', scripts: [only] };
  return undefined;
}
