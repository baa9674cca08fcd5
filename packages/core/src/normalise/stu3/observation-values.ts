import type { Coding } from '../../model/common.js';
import type { InvestigationResult, ReferenceRange } from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
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
  return {
    value,
    ...(COMPARATORS.has(comparator as InvestigationResult['comparator']) && {
      comparator: comparator as InvestigationResult['comparator'],
    }),
    ...(unit && { unit: unit.slice(0, 100) }),
  };
}

/** The first reference range with a numeric bound; ranges given only as text are free text and skipped. */
export function referenceRangeOf(observation: Json): ReferenceRange | undefined {
  for (const item of array(observation.referenceRange)) {
    const range = record(item);
    const low = finiteNumber(record(range?.low)?.value);
    const high = finiteNumber(record(range?.high)?.value);
    if (low === undefined && high === undefined) continue;
    const unit = text(record(range?.low)?.unit) ?? text(record(range?.high)?.unit);
    return {
      ...(low !== undefined && { low }),
      ...(high !== undefined && { high }),
      ...(unit && { unit }),
    };
  }
  return undefined;
}

/** HL7 v2 table 0078 and SNOMED CT interpretation codes, by the flag they stand for. */
const INTERPRETATIONS: Record<string, InvestigationResult['abnormal']> = {
  H: 'high',
  HH: 'high',
  HU: 'high',
  '>': 'high',
  L: 'low',
  LL: 'low',
  LU: 'low',
  '<': 'low',
  A: 'abnormal',
  AA: 'abnormal',
  '281302008': 'high', // Above reference range
  '281300000': 'low', // Below reference range
  '263654008': 'abnormal', // Abnormal
};

/**
 * Abnormal flag: the source's interpretation when it sent one; otherwise the value against the
 * range, only for an exact value (no comparator) in the range's unit, so a unit mismatch or an
 * ">90" can never raise a false flag.
 */
export function abnormalOf(
  interpretation: readonly Coding[],
  result: Pick<InvestigationResult, 'value' | 'comparator' | 'unit'>,
  range: ReferenceRange | undefined,
): InvestigationResult['abnormal'] {
  for (const coding of interpretation) {
    const flag = INTERPRETATIONS[coding.code];
    if (flag) return flag;
  }
  if (result.value === undefined || result.comparator || !range) return undefined;
  if (range.unit && result.unit && range.unit !== result.unit) return undefined;
  if (range.high !== undefined && result.value > range.high) return 'high';
  if (range.low !== undefined && result.value < range.low) return 'low';
  return undefined;
}

/**
 * The interpretation codings an abnormal flag may come from: HL7 v2 table 0078 (the STU3 and R4
 * URIs), the R4 v3 ObservationInterpretation system, or SNOMED CT. A code such as `H` in a system
 * we do not know is not read as "high" (the value against its range still is).
 */
const INTERPRETATION_SYSTEMS = new Set([
  'http://hl7.org/fhir/v2/0078',
  'http://terminology.hl7.org/CodeSystem/v2-0078',
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  'http://snomed.info/sct',
]);

export function interpretationOf(observation: Json): Coding[] {
  return array(observation.interpretation)
    .flatMap((i) => codingsOf(i))
    .filter((c) => INTERPRETATION_SYSTEMS.has(c.system));
}
