import type { InvestigationResult } from '../../model/clinical.js';
import { finiteNumber, record, text } from './read.js';

type ReadValue = Pick<InvestigationResult, 'value' | 'comparator' | 'unit' | 'textValue'>;

/** Longer text than this is narrative (a report), not a result: it is not shown (coded-only rule). */
export const MAX_RESULT_TEXT = 100;

const COMPARATORS: Record<string, InvestigationResult['comparator']> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
};

/**
 * A number with an optional comparator and unit, after an optional short alphabetic prefix that
 * some GP systems write before the value (`Ap 2.400`). The unit is one token (`mmol/L`,
 * `x10^9/L`, `%`, `mL/min/1.73m2`).
 */
const NUMERIC =
  /^(?:([A-Za-z]{1,4})\.?\s+)?(<=|>=|≤|≥|<|>)?\s*([-+]?\d+(?:\.\d+)?|[-+]?\.\d+)\s*([A-Za-z%µμ][A-Za-z0-9%µμ/^*.[\]{}]{0,29})?$/;

/**
 * A result sent as `valueString`. A number inside it becomes `value` (with `comparator` and `unit`
 * when written: "<5", ">90", "2.4 mmol/L"); a prefixed number ("Ap 2.400") also keeps the text as
 * sent in `textValue`, so the prefix is not lost. Any other short string is the result as text
 * ("Negative"). `undefined` for empty or long (narrative) text.
 */
export function valueFromString(value: unknown): ReadValue | undefined {
  const raw = text(value);
  if (!raw || raw.length > MAX_RESULT_TEXT) return undefined;
  const match = NUMERIC.exec(raw);
  if (match) {
    const [, prefix, comparator, number, unit] = match;
    const parsed = Number(number);
    if (Number.isFinite(parsed)) {
      const read: ReadValue = { value: parsed };
      if (comparator) read.comparator = COMPARATORS[comparator]!;
      if (unit) read.unit = unit;
      if (prefix) read.textValue = raw;
      return read;
    }
  }
  return { textValue: raw };
}

const QUANTITY_COMPARATORS = new Set(['<', '<=', '>=', '>']);

/**
 * The value of an Observation (or component), whatever `value[x]` the source chose, in one shape
 * for both FHIR versions: `valueQuantity` (and R4 `valueInteger`) as a number with comparator
 * and unit; `valueString` as above; `valueBoolean` as "Yes"/"No"; `valueRange` and `valueRatio`
 * as short text. `valueCodeableConcept` is read by the caller (a coded result). Attachments,
 * sampled data and times are not results a clinician reads in a list: no value.
 */
export function observationValue(source: Record<string, unknown>): ReadValue {
  const quantity = quantityOf(source.valueQuantity);
  if (quantity) return quantity;
  if (typeof source.valueInteger === 'number' && Number.isFinite(source.valueInteger))
    return { value: source.valueInteger };
  const fromString = valueFromString(source.valueString);
  if (fromString) return fromString;
  if (typeof source.valueBoolean === 'boolean')
    return { textValue: source.valueBoolean ? 'Yes' : 'No' };
  const range = rangeText(source.valueRange);
  if (range) return { textValue: range };
  const ratio = ratioText(source.valueRatio);
  if (ratio) return { textValue: ratio };
  return {};
}

/** Sets a read value's fields on `result`, in their usual order (as Object.assign would, faster). */
export function addValue(result: InvestigationResult, value: ReadValue): void {
  if (value.value !== undefined) result.value = value.value;
  if (value.comparator !== undefined) result.comparator = value.comparator;
  if (value.unit !== undefined) result.unit = value.unit;
  if (value.textValue !== undefined) result.textValue = value.textValue;
}

function quantityOf(value: unknown): ReadValue | undefined {
  const quantity = record(value);
  const number = finiteNumber(quantity?.value);
  if (number === undefined) return undefined;
  const comparator = text(quantity?.comparator);
  const unit = text(quantity?.unit) ?? text(quantity?.code);
  const read: ReadValue = { value: number };
  if (comparator && QUANTITY_COMPARATORS.has(comparator))
    read.comparator = comparator as InvestigationResult['comparator'];
  if (unit) read.unit = unit.slice(0, 100);
  return read;
}

function quantityText(value: unknown): string | undefined {
  const quantity = quantityOf(value);
  if (quantity?.value === undefined) return undefined;
  return `${quantity.comparator ?? ''}${quantity.value}${quantity.unit ? ` ${quantity.unit}` : ''}`;
}

function rangeText(value: unknown): string | undefined {
  const range = record(value);
  const low = quantityText(range?.low);
  const high = quantityText(range?.high);
  if (low && high) return `${low} to ${high}`;
  if (low) return `at least ${low}`;
  if (high) return `at most ${high}`;
  return undefined;
}

function ratioText(value: unknown): string | undefined {
  const ratio = record(value);
  const numerator = quantityText(ratio?.numerator);
  const denominator = quantityText(ratio?.denominator);
  return numerator && denominator ? `${numerator} / ${denominator}` : undefined;
}
