import type { Medication, MedicationIssue } from '../../model/clinical.js';
import { compareIsoDates } from './compare-dates.js';

/**
 * The groups of the GP Connect HTML view's Medications section (GitHub `nhsconnect/gpconnect`,
 * `pages/accessrecord/accessrecord_view_medications.md`, and the provider test suite's table
 * headings "Acute Medication (Last 12 Months), Current Repeat Medication, Discontinued Repeat
 * Medication, All Medication, All Medication Issues"), computed from the model so every element
 * groups medicines the way clinicians already read them in the national view.
 */
export interface MedicationViews {
  /**
   * Acute medication whose start date (its newest issue, else its start) is within the last
   * 365 days, newest first ("Recent Acute Medication": start date greater than today minus 365
   * days). An undated acute the source still calls current is included rather than hidden.
   */
  recentAcute: Medication[];
  /** Repeats the source says are current, newest start first (no date filter). */
  currentRepeat: Medication[];
  /** Repeats no longer current (stopped, completed or unknown), most recently stopped first. */
  discontinuedRepeat: Medication[];
  /** Every medication, by name ("All Medication (Summary)", sorted alphabetically). */
  all: Medication[];
  /** Every issue of every medication, newest first ("All Medication Issues"). */
  issues: { medication: Medication; issue: MedicationIssue }[];
  /**
   * What a list shows by default: current repeats, recent acutes and anything else the source
   * calls current, so a recent antibiotic is never hidden under "past".
   */
  current: Medication[];
}

const RECENT_ACUTE_DAYS = 365;

/** The date the HTML view files an acute under: its newest issue, else when it started. */
function acuteDate(m: Medication): string | undefined {
  return m.lastIssued?.date ?? m.started ?? m.date;
}

function dayNumber(iso: string | undefined): number | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)) / 86_400_000;
}

/** Today's day number and the first day still recent, for the last `today` asked about. */
let lastToday: string | undefined;
let lastNow: number | undefined;
let firstRecentDay: string | undefined;

/** True when the medication belongs in "Recent Acute Medication" on `today` (ISO date). */
export function isRecentAcute(m: Medication, today: string): boolean {
  if (m.kind !== 'acute') return false;
  // Every medicine of a list is grouped on one today: read once, not once per medicine.
  if (today !== lastToday) {
    lastNow = dayNumber((lastToday = today));
    firstRecentDay =
      lastNow === undefined
        ? undefined
        : new Date((lastNow - RECENT_ACUTE_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
  }
  const date = acuteDate(m);
  if (date === undefined || lastNow === undefined) return m.current;
  // A whole day (YYYY-MM-DD, any time after it) compares as text: ISO text sorts in time order.
  if (date.length >= 10 && date[4] === '-' && date[7] === '-') return date >= firstRecentDay!;
  const day = dayNumber(date);
  return day === undefined ? m.current : lastNow - day < RECENT_ACUTE_DAYS;
}

/**
 * The group of the GP Connect HTML view a medication is read under on `today` (ISO date): current
 * repeats, recent acutes, anything else the source calls current (so a recent antibiotic is never
 * hidden under "past"), then discontinued repeats and older acutes. The one rule for it:
 * `medicationViews` and the medication list both group by it.
 */
export type MedicationGroup =
  'current-repeat' | 'recent-acute' | 'other-current' | 'past-repeat' | 'past-acute';

export function medicationGroupOf(m: Medication, today: string): MedicationGroup {
  if (m.kind === 'repeat' && m.current) return 'current-repeat';
  if (isRecentAcute(m, today)) return 'recent-acute';
  if (m.current) return 'other-current';
  return m.kind === 'repeat' ? 'past-repeat' : 'past-acute';
}

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const byName = (a: Medication, b: Medication) => names.compare(a.name, b.name);
const newestFirst =
  (date: (m: Medication) => string | undefined) => (a: Medication, b: Medication) =>
    compareIsoDates(date(b), date(a)) || byName(a, b);

/**
 * Groups a medications section as the GP Connect HTML view does, on `today` (ISO date or
 * date-time; elements pass the section's fetch time). Pure: the section is not changed.
 */
export function medicationViews(
  section: { entries: readonly Medication[] },
  today: string,
): MedicationViews {
  const entries = [...section.entries];
  const groups = new Map(entries.map((m) => [m, medicationGroupOf(m, today)]));
  const inGroup = (group: MedicationGroup) => entries.filter((m) => groups.get(m) === group);
  const recentAcute = inGroup('recent-acute').sort(newestFirst(acuteDate));
  const currentRepeat = inGroup('current-repeat').sort(newestFirst((m) => m.started));
  const discontinuedRepeat = inGroup('past-repeat').sort(
    newestFirst((m) => m.stopped ?? m.lastIssued?.date ?? m.started),
  );
  const current = entries.filter((m) => !groups.get(m)!.startsWith('past-')).sort(byName);
  const issues = entries
    .flatMap((medication) => medication.issues.map((issue) => ({ medication, issue })))
    .sort(
      (a, b) => compareIsoDates(b.issue.date, a.issue.date) || byName(a.medication, b.medication),
    );
  return {
    recentAcute,
    currentRepeat,
    discontinuedRepeat,
    all: entries.sort(byName),
    issues,
    current,
  };
}
