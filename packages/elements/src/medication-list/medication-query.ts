import { compareIsoDates, medicationGroupOf, type MedicationGroup } from '@dcr-elements/core';
import type { Medication, MedicationIssue, Quantity } from '@dcr-elements/core';
import { NOT_KNOWN } from '../shared/format.js';
import { compareNames } from '../shared/compare-names.js';
import { lazyOrder, type OrderedRows } from '../shared/lazy-order.js';

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
 * The groups of core's `medicationGroupOf` (the GP Connect HTML view's), in the order a clinician
 * reads them: what the patient takes now first ("Current Repeat Medication", "Acute Medication
 * (Last 12 Months)"), then what they no longer take.
 */
export const MEDICATION_GROUPS: readonly MedicationGroup[] = [
  'current-repeat',
  'recent-acute',
  'other-current',
  'past-repeat',
  'past-acute',
];
export type { MedicationGroup };

const GROUPS_IN_VIEW: Record<MedicationView, readonly MedicationGroup[]> = {
  current: ['current-repeat', 'recent-acute', 'other-current'],
  past: ['past-repeat', 'past-acute'],
  all: MEDICATION_GROUPS,
};

/** A section's medications by group, each group in the section's order. */
export type MedicationGroups = Record<MedicationGroup, Medication[]>;

/**
 * Each medication's group on `today` (the day the record was fetched), by core's rule, in one
 * pass: not through `medicationViews`, whose four sorts of every name the list does not use (it
 * orders what it shows itself, lazily).
 */
export function medicationGroups(entries: readonly Medication[], today: string): MedicationGroups {
  const groups: MedicationGroups = {
    'current-repeat': [],
    'recent-acute': [],
    'other-current': [],
    'past-repeat': [],
    'past-acute': [],
  };
  for (const m of entries) groups[medicationGroupOf(m, today)].push(m);
  return groups;
}

/** How many medications each view holds. */
export function viewCounts(groups: MedicationGroups): Record<MedicationView, number> {
  const count = (view: MedicationView) =>
    GROUPS_IN_VIEW[view].reduce((n, group) => n + groups[group].length, 0);
  return { current: count('current'), past: count('past'), all: count('all') };
}

/** True for a medication the patient no longer takes (not in the default view). */
export function isPast(group: MedicationGroup | undefined): boolean {
  return group === 'past-repeat' || group === 'past-acute';
}

/** An attribute value if it is one of `allowed`, else the default (the first allowed value). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  return allowed.includes(value as T) ? (value as T) : allowed[0]!;
}

/** Names as the en-GB collator orders them, plain names read without it (shared/compare-names.ts). */
const byName = (a: Medication, b: Medication) => compareNames(a.name, b.name);

/** Newest first; a missing date goes last. */
const byDateDesc =
  (date: (m: Medication) => string | undefined) => (a: Medication, b: Medication) =>
    compareIsoDates(date(b), date(a)) || byName(a, b);

const COMPARE: Record<MedicationSort, (a: Medication, b: Medication) => number> = {
  name: byName,
  'last-issued': byDateDesc((m) => m.lastIssued?.date),
  started: byDateDesc((m) => m.started),
};

/**
 * The medications to show, group by group in reading order, each group in the chosen order: ordered
 * lazily (shared/lazy-order.ts), so a long list orders what its window shows, not every medicine.
 */
export function selectMedications(
  groups: MedicationGroups,
  query: MedicationQuery,
): { group: MedicationGroup; medications: OrderedRows<Medication> }[] {
  const text = query.text.trim().toLocaleLowerCase('en-GB');
  const filtered = query.kind !== 'all' || text !== '';
  const compare = COMPARE[query.sort];
  return GROUPS_IN_VIEW[query.view]
    .map((group) => {
      const members = filtered
        ? groups[group].filter(
            (m) =>
              (query.kind === 'all' || m.kind === query.kind) &&
              (!text || m.name.toLocaleLowerCase('en-GB').includes(text)),
          )
        : groups[group];
      return { group, medications: lazyOrder(members, compare) };
    })
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
