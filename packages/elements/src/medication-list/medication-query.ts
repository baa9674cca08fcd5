import { compareIsoDates } from '@dcr-elements/core';
import type { Medication, MedicationIssue, MedicationViews, Quantity } from '@dcr-elements/core';
import { NOT_KNOWN } from '../shared/format.js';

/**
 * How the medication list is narrowed and ordered: presentation only. Which medicines are
 * current, past or high-risk is decided by the core and read here as given.
 */

export const MEDICATION_VIEWS = ['current', 'past', 'all'] as const;
export type MedicationView = (typeof MEDICATION_VIEWS)[number];

export const MEDICATION_KINDS = ['all', 'repeat', 'acute'] as const;
export type MedicationKindFilter = (typeof MEDICATION_KINDS)[number];

export const MEDICATION_SORTS = ['name', 'last-issued', 'started'] as const;
export type MedicationSort = (typeof MEDICATION_SORTS)[number];

export interface MedicationQuery {
  view: MedicationView;
  kind: MedicationKindFilter;
  sort: MedicationSort;
  /** Text the name must contain (case-insensitive); empty for none. */
  text: string;
}

/**
 * The groups of the GP Connect HTML view, as core's `medicationViews` computes them, in the order a
 * clinician reads them: what the patient takes now first ("Current Repeat Medication", "Acute
 * Medication (Last 12 Months)"), then what they no longer take.
 */
export const MEDICATION_GROUPS = [
  'current-repeat',
  'recent-acute',
  'other-current',
  'past-repeat',
  'past-acute',
] as const;
export type MedicationGroup = (typeof MEDICATION_GROUPS)[number];

const GROUPS_IN_VIEW: Record<MedicationView, readonly MedicationGroup[]> = {
  current: ['current-repeat', 'recent-acute', 'other-current'],
  past: ['past-repeat', 'past-acute'],
  all: MEDICATION_GROUPS,
};

/** Each medication's group, from core's grouping on the day the record was fetched. */
export function medicationGroups(views: MedicationViews): ReadonlyMap<Medication, MedicationGroup> {
  const groups = new Map<Medication, MedicationGroup>();
  for (const m of views.currentRepeat) groups.set(m, 'current-repeat');
  for (const m of views.recentAcute) if (!groups.has(m)) groups.set(m, 'recent-acute');
  for (const m of views.current) if (!groups.has(m)) groups.set(m, 'other-current');
  for (const m of views.all)
    if (!groups.has(m)) groups.set(m, m.kind === 'repeat' ? 'past-repeat' : 'past-acute');
  return groups;
}

/** True for a medication the patient no longer takes (not in the default view). */
export function isPast(group: MedicationGroup | undefined): boolean {
  return group === 'past-repeat' || group === 'past-acute';
}

/** An attribute value if it is one of `allowed`, else the default (the first allowed value). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  return allowed.includes(value as T) ? (value as T) : allowed[0]!;
}

/**
 * Whether a medication belongs in a view. `current` is what the core's `medicationViews` shows by
 * default (current repeats, acutes of the last 12 months, anything the source calls current), so
 * a recent antibiotic is never hidden under "past"; `past` is everything else.
 */
export function inView(
  medication: Medication,
  view: MedicationView,
  groups: ReadonlyMap<Medication, MedicationGroup>,
): boolean {
  const group = groups.get(medication);
  return group !== undefined && GROUPS_IN_VIEW[view].includes(group);
}

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const byName = (a: Medication, b: Medication) => names.compare(a.name, b.name);

/** Newest first; a missing date goes last. */
const byDateDesc =
  (date: (m: Medication) => string | undefined) => (a: Medication, b: Medication) =>
    compareIsoDates(date(b), date(a)) || byName(a, b);

const COMPARE: Record<MedicationSort, (a: Medication, b: Medication) => number> = {
  name: byName,
  'last-issued': byDateDesc((m) => m.lastIssued?.date),
  started: byDateDesc((m) => m.started),
};

/** The medications to show, group by group in reading order, each group in the chosen order. */
export function selectMedications(
  entries: readonly Medication[],
  query: MedicationQuery,
  groups: ReadonlyMap<Medication, MedicationGroup>,
): { group: MedicationGroup; medications: Medication[] }[] {
  const text = query.text.trim().toLocaleLowerCase('en-GB');
  const shown = entries
    .filter(
      (m) =>
        inView(m, query.view, groups) &&
        (query.kind === 'all' || m.kind === query.kind) &&
        (!text || m.name.toLocaleLowerCase('en-GB').includes(text)),
    )
    .sort(COMPARE[query.sort]);
  return GROUPS_IN_VIEW[query.view]
    .map((group) => ({ group, medications: shown.filter((m) => groups.get(m) === group) }))
    .filter((g) => g.medications.length > 0);
}

/** Units written as abbreviations or symbols, never given a plural `s`. */
const UNINFLECTED = new Set(['ml', 'mg', 'g', 'kg', 'mcg', 'microgram', 'micrograms', 'l', 'iu']);

/** `tablet` → `tablets`, `pre-filled disposable injection` → `...injections`, `ml` stays. */
function pluralUnit(unit: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(unit);
  const word = match?.[2];
  if (!match || !word || word.length < 3 || UNINFLECTED.has(word.toLowerCase()) || /s$/i.test(word))
    return unit;
  const plural = /[^aeiou]y$/i.test(word)
    ? `${word.slice(0, -1)}ies`
    : /(x|ch|sh)$/i.test(word)
      ? `${word}es`
      : `${word}s`;
  return `${match[1]}${plural}`;
}

/** One formatter for every quantity: `toLocaleString` builds one per call. */
const numbers = new Intl.NumberFormat('en-GB');

/** `56 tablets`, `1 tablet`, `100 ml`; `Not known` when the source gave neither value nor unit. */
export function formatQuantity(quantity: Quantity | undefined): string {
  const value = quantity?.value;
  const unit =
    quantity?.unit && value !== undefined && value !== 1
      ? pluralUnit(quantity.unit)
      : quantity?.unit;
  const parts = [value === undefined ? undefined : numbers.format(value), unit].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : NOT_KNOWN;
}

/**
 * The earliest issue the record holds, when it is later than the day the medicine was started:
 * the record then holds only part of the history (GP Connect sends issues from a search date), and
 * a count or a "first issue" must say so.
 */
export function issuesSince(m: Medication): string | undefined {
  const earliest = m.issues.reduce<string | undefined>(
    (min, i) => (min === undefined || compareIsoDates(i.date, min) < 0 ? i.date : min),
    undefined,
  );
  if (!earliest || !m.started) return undefined;
  return earliest.slice(0, 10) > m.started.slice(0, 10) ? earliest : undefined;
}

export interface IssueRow {
  issue: MedicationIssue;
  /** Whole days since the issue before it, when both dates are readable. */
  daysSincePrevious?: number;
}

function dayNumber(iso: string | undefined): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/**
 * Every issue, newest first, with the gap since the one before: the gaps are what a clinician
 * reads to see whether a repeat is really being collected.
 */
export function issueHistory(issues: readonly MedicationIssue[]): IssueRow[] {
  const oldestFirst = [...issues].sort((a, b) => compareIsoDates(a.date, b.date));
  return oldestFirst
    .map((issue, i): IssueRow => {
      const previous = i > 0 ? dayNumber(oldestFirst[i - 1]!.date) : undefined;
      const current = dayNumber(issue.date);
      return previous !== undefined && current !== undefined
        ? { issue, daysSincePrevious: Math.round(current - previous) }
        : { issue };
    })
    .reverse();
}
