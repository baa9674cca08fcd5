/**
 * Display formats from the NHS common user interface guidance: dates `14-Jul-1945`, date of birth
 * with age `14-Jul-1945 (81y)`, NHS number `943 476 5919`, names `FAMILY, Given (Title)`.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const NOT_KNOWN = 'Not known';

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(value: string | undefined): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A date that cannot exist (31-Feb, 31-Apr, 29-Feb of a common year) is never shown as one.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return { year, month, day };
}

/** Hours, minutes, seconds and any offset within their ranges (FHIR has no 24:00 or leap second). */
function realTime(iso: string): boolean {
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))?$/.exec(iso);
  if (!time) return !iso.includes('T');
  const [, h, m, s, zh, zm] = time.map(Number);
  return h! <= 23 && m! <= 59 && !(s! > 59) && !(zh! > 14) && !(zm! > 59);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no time zone can shift it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `1945-07-14` → `14-Jul-1945`; FHIR partial dates at their own precision: `2020-06` →
 * `Jun-2020`, `2020` → `2020` (never padded to a day the record does not hold); anything
 * unreadable → `Not known`.
 */
export function formatDate(iso: string | undefined): string {
  const partial = /^(\d{4})(?:-(\d{2}))?$/.exec(iso ?? '');
  if (partial) {
    const month = partial[2] === undefined ? undefined : Number(partial[2]);
    if (month === undefined) return partial[1]!;
    return month >= 1 && month <= 12 ? `${MONTHS[month - 1]}-${partial[1]}` : NOT_KNOWN;
  }
  const date = parseIsoDate(iso);
  if (!date) return NOT_KNOWN;
  return `${String(date.day).padStart(2, '0')}-${MONTHS[date.month - 1]}-${date.year}`;
}

/**
 * Age as the guidance shows it: whole years from 2 years, whole months from 1 month, else days.
 * Calendar arithmetic on the local date parts, so time zones cannot shift a birthday.
 */
export function formatAge(birthIso: string | undefined, today: Date): string | undefined {
  const birth = parseIsoDate(birthIso);
  if (!birth) return undefined;
  const now = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  const beforeDayOfMonth = now.day < birth.day ? 1 : 0;
  const months = (now.year - birth.year) * 12 + (now.month - birth.month) - beforeDayOfMonth;
  if (months < 0) return undefined;
  if (months >= 24) return `${Math.floor(months / 12)}y`;
  if (months >= 1) return `${months}m`;
  const days = Math.round(
    (Date.UTC(now.year, now.month - 1, now.day) -
      Date.UTC(birth.year, birth.month - 1, birth.day)) /
      86_400_000,
  );
  return `${days}d`;
}

/** `14-Jul-1945 (81y)`, or `Not known`. */
export function formatBirthDate(birthIso: string | undefined, today: Date): string {
  const age = formatAge(birthIso, today);
  const date = formatDate(birthIso);
  return age && date !== NOT_KNOWN ? `${date} (${age})` : date;
}

/** `9434765919` → `943 476 5919`; anything that is not ten digits is shown as given. */
export function formatNhsNumber(value: string | undefined): string {
  const digits = (value ?? '').replace(/ /g, '');
  if (!/^\d{10}$/.test(digits)) return value || NOT_KNOWN;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** `HARGREAVES, Ada (Mrs)`. */
export function formatPatientName(name: {
  family?: string;
  given: string[];
  title?: string;
}): string {
  const family = name.family?.toUpperCase();
  const given = name.given.join(' ');
  const title = name.title ? ` (${name.title})` : '';
  if (!family && !given) return NOT_KNOWN;
  return `${[family, given].filter(Boolean).join(', ')}${title}`;
}

/** `2026-11-26T09:30:00Z` → `26-Nov-2026 09:30` (local time). */
export function formatDateTime(iso: string | undefined): string {
  // `new Date('2026-02-31T10:00')` is 3 March and `T24:00` the next day: check the parts first.
  const date = parseIsoDate(iso) && realTime(iso!) ? new Date(iso!) : undefined;
  if (!date || Number.isNaN(date.getTime())) return NOT_KNOWN;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${MONTHS[date.getMonth()]}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A date typed by a clinician, read the UK way and never by the browser's locale: `12-Mar-2024`,
 * `12 March 2024`, `12/03/2024`, `12.3.2024` (day first), or ISO `2024-03-12`. Gives the ISO date,
 * `''` for an empty field, or `undefined` when it is not a real calendar date (30-Feb, a two-digit
 * year, month 13, month first) so the field can say so.
 */
export function parseDateInput(value: string): string | undefined {
  const input = value.trim().toLowerCase();
  if (input === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const named = /^(\d{1,2})[\s./-]*([a-z]+)[\s./-]*(\d{4})$/.exec(input);
  const numeric = /^(\d{1,2})[\s./-](\d{1,2})[\s./-](\d{4})$/.exec(input);
  let parts: [number, number, number] | undefined;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named) {
    // A month by its first three letters or in full ("Mar", "March"), never a guess from fewer.
    const word = named[2]!;
    const month = MONTH_NAMES.findIndex((m) => m === word || m.slice(0, 3) === word) + 1;
    if (month > 0) parts = [Number(named[3]), month, Number(named[1])];
  }
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1800 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
