import type { InvestigationResult, ReferenceRange } from '../../model/clinical.js';
import { array, codeValue, finiteNumber, record, text, type Json } from '../shared/read.js';

const COMPARATORS = new Set<InvestigationResult['comparator']>(['<', '<=', '>=', '>']);

/** The numeric value of an Observation (or component) with its comparator and unit. */
export function quantityValue(
  source: Json,
): Pick<InvestigationResult, 'value' | 'comparator' | 'unit'> {
  const quantity = record(source.valueQuantity);
  const value = finiteNumber(quantity?.value);
  if (value === undefined) return {};
  const comparator = codeValue(quantity?.comparator);
  const unit = text(quantity?.unit) ?? text(quantity?.code);
  const read: Pick<InvestigationResult, 'value' | 'comparator' | 'unit'> = { value };
  if (COMPARATORS.has(comparator as InvestigationResult['comparator']))
    read.comparator = comparator as InvestigationResult['comparator'];
  if (unit) read.unit = unit.slice(0, 100);
  return read;
}

/** The first reference range with a numeric bound; ranges given only as text are free text and skipped. */
export function referenceRangeOf(observation: Json): ReferenceRange | undefined {
  for (const item of array(observation.referenceRange)) {
    const range = record(item);
    const low = finiteNumber(record(range?.low)?.value);
    const high = finiteNumber(record(range?.high)?.value);
    if (low === undefined && high === undefined) continue;
    const unit = text(record(range?.low)?.unit) ?? text(record(range?.high)?.unit);
    const result: ReferenceRange = {};
    if (low !== undefined) result.low = low;
    if (high !== undefined) result.high = high;
    if (unit) result.unit = unit;
    return result;
  }
  return undefined;
}
