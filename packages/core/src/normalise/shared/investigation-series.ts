import { compareIsoDates } from './compare-dates.js';
import { RESOURCES_PER_CHECKPOINT, runNow, sortSteps, type Steps } from '../turns.js';
import type { InvestigationResult, InvestigationSeries } from '../../model/clinical.js';

/** Groups results by their test's first coding, oldest first, for trends such as INR. */
export function seriesOf(results: readonly InvestigationResult[]): InvestigationSeries[] {
  return runNow(seriesSteps(results));
}

/** {@link seriesOf} as steps (../turns.ts): a long series' sort is itself longer than a turn. */
export function* seriesSteps(
  results: readonly InvestigationResult[],
): Steps<InvestigationSeries[]> {
  const byKey = new Map<string, { series: InvestigationSeries; results: InvestigationResult[] }>();
  for (let i = 0; i < results.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const result = results[i]!;
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
  const series: InvestigationSeries[] = [];
  for (const { series: one, results: grouped } of byKey.values()) {
    const oldestFirst = yield* sortSteps(grouped, (a, b) => compareIsoDates(a.date, b.date));
    one.resultIds = oldestFirst.map((r) => r.id);
    series.push(one);
  }
  return series;
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
