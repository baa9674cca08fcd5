import { compareIsoDates } from './compare-dates.js';
import type { InvestigationResult, InvestigationSeries } from '../../model/clinical.js';

/** Groups results by their test's first coding, oldest first, for trends such as INR. */
export function seriesOf(results: readonly InvestigationResult[]): InvestigationSeries[] {
  const byKey = new Map<string, { series: InvestigationSeries; results: InvestigationResult[] }>();
  for (const result of results) {
    const first = result.codes[0];
    if (!first) continue;
    const key = `${first.system}|${first.code}`;
    let group = byKey.get(key);
    if (!group) {
      group = {
        series: {
          key,
          display: result.display,
          codes: result.codes,
          ...(result.unit && { unit: result.unit }),
          resultIds: [],
        },
        results: [],
      };
      byKey.set(key, group);
    }
    group.results.push(result);
  }
  return [...byKey.values()].map(({ series, results: grouped }) => ({
    ...series,
    resultIds: grouped
      .slice()
      .sort((a, b) => compareIsoDates(a.date, b.date))
      .map((r) => r.id),
  }));
}

/** `high`/`low` from the value against its range, when the source gave no interpretation. */
export function abnormalFromRange(
  value: number | undefined,
  range: { low?: number; high?: number } | undefined,
): 'high' | 'low' | undefined {
  if (value === undefined || !range) return undefined;
  if (range.high !== undefined && value > range.high) return 'high';
  if (range.low !== undefined && value < range.low) return 'low';
  return undefined;
}
