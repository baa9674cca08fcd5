import { CTV3, DMD, READ_V2, SNOMED_CT, type Coding, type Entry } from '../model/common.js';
import { SENSITIVE_SETS } from './sensitive-codes.js';
import {
  DEFAULT_SENSITIVE_MEDICINES,
  DEFAULT_SENSITIVE_TERMS,
  type SensitiveMedicineName,
  type SensitiveTerm,
} from './sensitive-names.js';

/**
 * A sensitive code as a deployment gives it: `{ system, code }`, or a bare string, which is a
 * SNOMED CT (or dm+d, the same namespace) concept id, as the policy has always taken.
 */
export type SensitiveCodeInput = string | { readonly system: string; readonly code: string };

type Family = 'snomed' | 'read-v2' | 'ctv3';

/** The code-system family a coding belongs to; dm+d codes are SNOMED CT identifiers. */
function familyOf(system: string): Family | undefined {
  if (system === SNOMED_CT || system === DMD || system.startsWith(`${SNOMED_CT}/`)) return 'snomed';
  if (system === READ_V2) return 'read-v2';
  if (system === CTV3) return 'ctv3';
  return undefined;
}

/** A Read v2 code as 5 characters: sources sometimes append the 2-digit term id (`A788.00`). */
function readV2Code(code: string): string {
  const trimmed = code.trim();
  return /^[0-9A-Za-z.]{5}\d\d$/.test(trimmed) ? trimmed.slice(0, 5) : trimmed;
}

/** The shipped sets as `{ system, code }`, for the policy's defaults and the docs. */
export const DEFAULT_SENSITIVE_CODES: readonly { system: string; code: string }[] = Object.values(
  SENSITIVE_SETS,
).flatMap((set) => [
  ...set.snomed.map((code) => ({ system: SNOMED_CT, code })),
  ...set.readV2.map((code) => ({ system: READ_V2, code })),
  ...set.ctv3.map((code) => ({ system: CTV3, code })),
]);

/**
 * Matches codings against a sensitive code list by system and code: a Read v2 code never matches
 * a SNOMED CT code that happens to be the same string. Read v2 entries ending in `.` match every
 * code below them in the Read hierarchy (`L05..` matches `L0517`).
 */
export class SensitiveCodeMatcher {
  readonly #exact = new Set<string>();
  readonly #readPrefixes = new Set<string>();

  constructor(codes: readonly SensitiveCodeInput[]) {
    for (const input of codes) {
      const { system, code } =
        typeof input === 'string' ? { system: SNOMED_CT, code: input } : input;
      const family = familyOf(system);
      if (!family || !code) continue;
      if (family === 'read-v2') {
        const read = readV2Code(code);
        if (read.endsWith('.')) this.#readPrefixes.add(read.replace(/\.+$/, ''));
        else this.#exact.add(`read-v2|${read}`);
      } else this.#exact.add(`${family}|${code.trim()}`);
    }
  }

  matches(coding: Coding): boolean {
    const family = familyOf(coding.system);
    if (!family || typeof coding.code !== 'string') return false;
    if (family !== 'read-v2') return this.#exact.has(`${family}|${coding.code.trim()}`);
    const read = readV2Code(coding.code);
    if (this.#exact.has(`read-v2|${read}`)) return true;
    const stem = read.replace(/\.+$/, '');
    for (let length = 1; length <= stem.length; length++) {
      if (this.#readPrefixes.has(stem.slice(0, length))) return true;
    }
    return false;
  }
}

const matchers = new WeakMap<readonly SensitiveCodeInput[], SensitiveCodeMatcher>();

/** One matcher per code list (policies are resolved once per session, entries checked often). */
export function matcherFor(codes: readonly SensitiveCodeInput[]): SensitiveCodeMatcher {
  let matcher = matchers.get(codes);
  if (!matcher) matchers.set(codes, (matcher = new SensitiveCodeMatcher(codes)));
  return matcher;
}

/**
 * Every coding an entry carries, whatever field holds it (`codes`, an event's `type`, a result's
 * coded value, a reaction's manifestations, a stop reason, a category, and any coded field added
 * later), except its security labels, which the label check reads.
 */
export function codingsIn(entry: Entry): Coding[] {
  const found: Coding[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
      return;
    }
    const object = value as Record<string, unknown>;
    if (typeof object.system === 'string' && typeof object.code === 'string') {
      found.push(object as unknown as Coding);
      return;
    }
    for (const [key, field] of Object.entries(object)) {
      if (key !== 'security' && key !== 'provenance') visit(field, depth + 1);
    }
  };
  visit(entry, 0);
  return found;
}

/** Case, compatibility forms and invisible characters removed, so look-alike spellings match. */
function normalisedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .toLowerCase();
}

/**
 * Whether a medication entry names a medicine whose use reveals a sensitive category, by its
 * name, display and the terms of its codings (dm+d and SNOMED CT alike).
 */
export function namesSensitiveMedicine(
  entry: Entry,
  medicines: readonly SensitiveMedicineName[] = DEFAULT_SENSITIVE_MEDICINES,
): boolean {
  const name = (entry as Entry & { name?: unknown }).name;
  const text = normalisedText(
    [
      typeof name === 'string' ? name : '',
      entry.display,
      ...entry.codes.flatMap((c) => [c.display ?? '', c.preferredTerm ?? '']),
    ].join(' | '),
  );
  return medicines.some(
    (medicine) =>
      text.includes(medicine.name) && !(medicine.notWith && text.includes(medicine.notWith)),
  );
}

const termPatterns = new WeakMap<readonly SensitiveTerm[], RegExp>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for a term list: each term at the start of a word, `whole` ones ending one too. */
function patternFor(terms: readonly SensitiveTerm[]): RegExp {
  let pattern = termPatterns.get(terms);
  if (!pattern) {
    const alternatives = terms.map(
      (t) => `${escape(normalisedText(t.term))}${t.whole ? '(?![a-z0-9])' : ''}`,
    );
    pattern = new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|') || '(?!)'})`, 'g');
    termPatterns.set(terms, pattern);
  }
  return pattern;
}

/**
 * Whether a coded term of the entry (its display, or any coding's display) names a sensitive
 * category. Terms of codings are the concept's own words, not free text.
 */
export function namesSensitiveTerm(
  entry: Entry,
  terms: readonly SensitiveTerm[] = DEFAULT_SENSITIVE_TERMS,
): boolean {
  const pattern = patternFor(terms);
  const texts = [entry.display, ...codingsIn(entry).flatMap((c) => [c.display, c.preferredTerm])];
  for (const raw of texts) {
    if (typeof raw !== 'string' || raw.length === 0) continue;
    const text = normalisedText(raw);
    for (const match of text.matchAll(pattern)) {
      const found = terms.find((t) => normalisedText(t.term) === match[0]);
      if (!found?.notWith?.some((word) => text.includes(word))) return true;
    }
  }
  return false;
}
