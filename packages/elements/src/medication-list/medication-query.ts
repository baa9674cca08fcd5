import { compareIsoDates } from '@dcr-elements/core';
import type { Medication, MedicationIssue, Quantity } from '@dcr-elements/core';
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
  shownByDefault: ReadonlySet<Medication>,
): boolean {
  return view === 'all' || (view === 'current') === shownByDefault.has(medication);
}

const byName = (a: Medication, b: Medication) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base', numeric: true });

/** Newest first; a missing date goes last. */
const byDateDesc =
  (date: (m: Medication) => string | undefined) => (a: Medication, b: Medication) =>
    compareIsoDates(date(b), date(a)) || byName(a, b);

const COMPARE: Record<MedicationSort, (a: Medication, b: Medication) => number> = {
  name: byName,
  'last-issued': byDateDesc((m) => m.lastIssued?.date),
  started: byDateDesc((m) => m.started),
};

/** The medications to show, in the order to show them. */
export function selectMedications(
  entries: readonly Medication[],
  query: MedicationQuery,
  shownByDefault: ReadonlySet<Medication>,
): Medication[] {
  const text = query.text.trim().toLocaleLowerCase('en-GB');
  return entries
    .filter(
      (m) =>
        inView(m, query.view, shownByDefault) &&
        (query.kind === 'all' || m.kind === query.kind) &&
        (!text || m.name.toLocaleLowerCase('en-GB').includes(text)),
    )
    .sort(COMPARE[query.sort]);
}

/** `56 tablet`; `Not known` when the source gave neither value nor unit. */
export function formatQuantity(quantity: Quantity | undefined): string {
  const parts = [quantity?.value?.toLocaleString('en-GB'), quantity?.unit].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : NOT_KNOWN;
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
