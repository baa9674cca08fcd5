import type { Coding } from '../../model/common.js';
import type { InvestigationResult, ReferenceRange } from '../../model/clinical.js';
import { codingsOfEach } from './coding.js';
import type { Json } from './read.js';

/**
 * Abnormal flags for results, one rule for both FHIR versions: the source's interpretation in a
 * known system, else the value against its reference range.
 */

/** HL7 v2 table 0078 and SNOMED CT interpretation codes, by the flag they stand for. */
const INTERPRETATIONS: ReadonlyMap<string, InvestigationResult['abnormal']> = new Map<
  string,
  InvestigationResult['abnormal']
>([
  ['H', 'high'],
  ['HH', 'high'],
  ['HU', 'high'],
  ['>', 'high'],
  ['L', 'low'],
  ['LL', 'low'],
  ['LU', 'low'],
  ['<', 'low'],
  ['A', 'abnormal'],
  ['AA', 'abnormal'],
  ['281302008', 'high'], // Above reference range
  ['281300000', 'low'], // Below reference range
  ['263654008', 'abnormal'], // Abnormal
]);

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
    const flag = INTERPRETATIONS.get(coding.code);
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
  return codingsOfEach(observation.interpretation).filter((c) =>
    INTERPRETATION_SYSTEMS.has(c.system),
  );
}
