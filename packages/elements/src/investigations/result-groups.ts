import { compareNewestFirst } from '@dcr-elements/core';
import type {
  InvestigationResult,
  InvestigationsSection,
  ReferenceRange,
} from '@dcr-elements/core';

/** Results of one test, newest first, for the "by test" view and its trend. */
export interface TestGroup {
  /** The series key (`system|code` of the first coding), or `text|<name>` for uncoded results. */
  key: string;
  display: string;
  results: InvestigationResult[];
}

/** Results recorded on one day, for the "by date" view. */
export interface DateGroup {
  /** The date (day precision, or the partial date as sent); `undefined` for undated results. */
  date: string | undefined;
  results: InvestigationResult[];
}

/**
 * Tests newest first (by their latest result), each with its results newest first. Built on the
 * section's series; results no series holds (uncoded: known only by a term) are grouped by term,
 * so nothing the section holds is left out of this view.
 */
export function groupByTest(section: InvestigationsSection): TestGroup[] {
  const byId = new Map(section.entries.map((r) => [r.id, r]));
  const held = new Set<string>();
  const groups: TestGroup[] = section.series.map((series) => {
    const results = series.resultIds.flatMap((id) => byId.get(id) ?? []);
    for (const r of results) held.add(r.id);
    return { key: series.key, display: series.display, results: newestFirst(results) };
  });
  const byTerm = new Map<string, InvestigationResult[]>();
  for (const r of section.entries) {
    if (held.has(r.id)) continue;
    byTerm.set(r.display, [...(byTerm.get(r.display) ?? []), r]);
  }
  for (const [display, results] of byTerm)
    groups.push({ key: `text|${display}`, display, results: newestFirst(results) });
  return groups.sort((a, b) => compareNewestFirst(a.results[0]?.date, b.results[0]?.date));
}

/** Days newest first (undated last), each day's results by test name. */
export function groupByDate(section: InvestigationsSection): DateGroup[] {
  const byDay = new Map<string | undefined, InvestigationResult[]>();
  for (const r of section.entries) {
    const day = r.date?.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => compareNewestFirst(a, b))
    .map(([date, results]) => ({
      date,
      results: results.sort((a, b) => a.display.localeCompare(b.display)),
    }));
}

function newestFirst(results: InvestigationResult[]): InvestigationResult[] {
  return results.slice().sort((a, b) => compareNewestFirst(a.date, b.date));
}

/** Results that can be plotted (a number and a date), oldest first. */
export function plottable(results: readonly InvestigationResult[]): InvestigationResult[] {
  return results
    .filter((r) => r.value !== undefined && r.date !== undefined)
    .sort((a, b) => compareNewestFirst(b.date, a.date));
}

/** "2.6 ratio", "<5 mg/L", ">90 mL/min": the comparator kept, never dropped. */
export function formatValue(result: InvestigationResult): string {
  if (result.value !== undefined)
    return `${result.comparator ?? ''}${result.value}${result.unit ? ` ${result.unit}` : ''}`;
  const coded = result.codedValue?.find((c) => c.display) ?? result.codedValue?.[0];
  if (coded) return coded.display ?? coded.code;
  return result.textValue ?? 'No value recorded';
}

/** "0.4 to 1.0 mmol/L", "60 or more", "48 or less"; `undefined` when there is no range. */
export function formatRange(
  range: ReferenceRange | undefined,
  unit: string | undefined,
): string | undefined {
  if (!range || (range.low === undefined && range.high === undefined)) return undefined;
  const suffix = (range.unit ?? unit) ? ` ${range.unit ?? unit}` : '';
  if (range.low !== undefined && range.high !== undefined)
    return `${range.low} to ${range.high}${suffix}`;
  return range.low !== undefined
    ? `${range.low} or more${suffix}`
    : `${range.high} or less${suffix}`;
}

export const FLAG_TEXT: Record<NonNullable<InvestigationResult['abnormal']>, string> = {
  high: 'High',
  low: 'Low',
  abnormal: 'Abnormal',
};

export const STATUS_TEXT: Record<InvestigationResult['status'], string> = {
  final: 'Final',
  amended: 'Amended',
  preliminary: 'Preliminary',
  unknown: 'Not known',
};
