import type { SectionDiagnostics } from '../../model/common.js';

/**
 * The one date reader both normalisers use. FHIR `date` / `dateTime` / `instant` allow partial
 * dates (`2020`, `2020-06`): they are kept as the ISO text the source sent, so an element shows
 * them at their own precision ("2020", "Jun-2020") and ISO text still sorts in time order. A date
 * that matches the shape but cannot exist (month 13, 30 February, hour 25, minute 60) is
 * rejected: it is never shown, and the section counts it in `diagnostics.impossibleDates`.
 */

const SHAPE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?)?)?$/;

const NOT_A_DATE = 0;
const POSSIBLE = 1;
const IMPOSSIBLE = 2;
type Verdict = typeof NOT_A_DATE | typeof POSSIBLE | typeof IMPOSSIBLE;

/**
 * Each date text's verdict, remembered: a record repeats a few thousand dates over and over (every
 * entry of a day's consultation), and reading each again was a sixth of normalising. Bounded, so
 * a hostile record of unique strings costs the regex, never memory; only text in the shape of a
 * date is kept (never a name or a note sent in a date's place), since the map outlives a record.
 */
const verdicts = new Map<string, Verdict>();
function verdictOf(value: string): Verdict {
  if (value.length === 10) {
    const day = dayVerdict(value);
    if (day !== NOT_A_DATE) return day;
  }
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    const match = SHAPE.exec(value);
    verdict = match === null ? NOT_A_DATE : partsExist(match) ? POSSIBLE : IMPOSSIBLE;
    if (verdict !== NOT_A_DATE && verdicts.size < 20_000) verdicts.set(value, verdict);
  }
  return verdict;
}

/** Whether `value` looks like a FHIR date at all (so a wrong one is an impossible date, not text). */
export function looksLikeDate(value: string): boolean {
  return verdictOf(value) !== NOT_A_DATE;
}

/** True when every part of an ISO date/dateTime (partial allowed) names a moment that exists. */
export function isPossibleDate(value: string): boolean {
  return verdictOf(value) === POSSIBLE;
}

/**
 * A plain day (`2024-02-29`), the most common date of all, judged from its characters: cheaper
 * than looking it up. `NOT_A_DATE` when it is not in that shape, for the general reading to judge.
 */
function dayVerdict(value: string): Verdict {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 0 || day < 0 || value[4] !== '-' || value[7] !== '-') return NOT_A_DATE;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
    ? POSSIBLE
    : IMPOSSIBLE;
}

/** The number written by `length` ASCII digits from `start`, or -1 if any is not a digit. */
function digits(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function partsExist(match: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi, s, , zh, zm] = match;
  const year = Number(y);
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) return false;
    if (d !== undefined) {
      const day = Number(d);
      if (day < 1 || day > daysIn(year, month)) return false;
    }
  }
  if (h !== undefined && Number(h) > 23) return false;
  if (mi !== undefined && Number(mi) > 59) return false;
  // 60 would be a leap second, which FHIR instants do not use; reject it with the rest.
  if (s !== undefined && Number(s) > 59) return false;
  if (zh !== undefined && (Number(zh) > 14 || Number(zm) > 59)) return false;
  return year >= 1;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Fields whose names say they hold a date (FHIR naming: `*Date`, `*DateTime`, `issued`, periods). */
const DATE_FIELD = /(date|datetime|issued|instant|start|end|authoredOn|recorded|asserted)$/i;
/** `DATE_FIELD` per field name: a record repeats a few dozen names many thousand times. */
const dateFields = new Map<string, boolean>();
function isDateField(key: string): boolean {
  let known = dateFields.get(key);
  if (known === undefined) {
    known = DATE_FIELD.test(key);
    if (dateFields.size < 1000) dateFields.set(key, known);
  }
  return known;
}

/**
 * Counts the impossible dates in a resource's own date fields (and one level down: periods,
 * extensions' `valueDateTime`), so a section can say that some dates were not shown. Only fields
 * named as dates are looked at; free text is never read.
 */
export function countImpossibleDates(resource: unknown, diagnostics: SectionDiagnostics): void {
  const found = impossibleIn(resource, '', 0, inheritsEnumerable());
  if (found > 0) diagnostics.impossibleDates = (diagnostics.impossibleDates ?? 0) + found;
}

/**
 * Hot (every resource of every section): loops, no closures or key arrays, and a string or a
 * number is judged in the loop rather than by a call. Objects are read down to depth 2 (the
 * resource's own fields at 1), a string at any depth it is reached.
 */
function impossibleIn(value: unknown, key: string, depth: number, ownOnly: boolean): number {
  if (typeof value === 'string') return impossibleString(value, key);
  if (depth > 2 || typeof value !== 'object' || value === null) return 0;
  let found = 0;
  if (Array.isArray(value)) {
    const end = Math.min(value.length, 50);
    for (let i = 0; i < end; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') found += impossibleString(item, key);
      else if (typeof item === 'object' && item !== null && depth < 2)
        found += impossibleIn(item, key, depth + 1, ownOnly);
    }
    return found;
  }
  const fields = value as Record<string, unknown>;
  // for-in rather than Object.keys: no array of keys per object, and twice as fast. Parsed JSON
  // inherits nothing enumerable unless the page has added to Object.prototype: only then is each
  // key checked to be the object's own.
  for (const k in fields) {
    if (ownOnly && !Object.hasOwn(fields, k)) continue;
    const field = fields[k];
    if (typeof field === 'string') found += impossibleString(field, k);
    else if (
      typeof field === 'object' &&
      field !== null &&
      depth < 2 &&
      k !== 'contained' &&
      k !== 'text' &&
      k !== 'note'
    )
      found += impossibleIn(field, k, depth + 1, ownOnly);
  }
  return found;
}

/** Whether plain objects inherit an enumerable property (a page added one to Object.prototype). */
function inheritsEnumerable(): boolean {
  for (const _ in {}) return true;
  return false;
}

function impossibleString(value: string, key: string): number {
  return value.length <= 40 && isDateField(key) && verdictOf(value.trim()) === IMPOSSIBLE ? 1 : 0;
}
