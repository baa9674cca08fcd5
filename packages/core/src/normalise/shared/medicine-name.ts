/**
 * Medicine names normalised for matching, so spelling tricks and encoding accidents cannot hide a
 * high-risk medicine: Unicode NFKC (full-width and compatibility forms), diacritics dropped,
 * common Cyrillic/Greek look-alike letters mapped to Latin, zero-width and soft-hyphen characters
 * removed, case folded. Two token streams are produced: one splitting at every punctuation mark
 * (`co-codamol` → `co codamol`) and one joining across hyphens, dots and apostrophes
 * (`co-codamol` → `cocodamol`, `W.A.R.F.A.R.I.N` → `warfarin`); a term matches either.
 */

// Invisible characters (combining ones such as U+034F go with the combining marks below).
const INVISIBLE =
  /\u00AD|\u061C|\u115F|\u1160|\u180E|[\u200B-\u200F]|[\u202A-\u202E]|[\u2060-\u206F]|\uFEFF/gu;
const COMBINING_MARKS = /\p{M}/gu;
const JOINERS = /[-\u2010-\u2015\u2212.'\u2018\u2019\u00B7]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Cyrillic and Greek letters that render like Latin ones (after case folding). */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  ս: 'u',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

function fold(name: string): string {
  const decomposed = name.normalize('NFKD').replace(COMBINING_MARKS, '');
  const folded = decomposed.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  let result = '';
  // Read by plain index, not ownValue (own-value.ts): the key is one character, and no property
  // every object inherits has a one-character name. This runs for every character of every name.
  for (const char of folded) result += LOOK_ALIKES[char] ?? char;
  return result;
}

function tokens(text: string): string[] {
  return text.split(SEPARATORS).filter((t) => t.length > 0);
}

/** The two token streams of a name (see above). */
export function medicineNameTokens(name: string): { spaced: string[]; joined: string[] } {
  const folded = fold(name);
  return { spaced: tokens(folded), joined: tokens(folded.replace(JOINERS, '')) };
}

/** True when `phrase` (one or more tokens) occurs as consecutive whole tokens of `words`. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** A term prepared once for matching against many names. */
export interface NameTerm {
  spaced: string[];
  joined: string[];
}

export function nameTerm(term: string): NameTerm {
  return medicineNameTokens(term);
}

/** True when the term occurs in the name as whole words, in either token stream. */
export function nameHasTerm(name: { spaced: string[]; joined: string[] }, term: NameTerm): boolean {
  return containsPhrase(name.spaced, term.spaced) || containsPhrase(name.joined, term.joined);
}
