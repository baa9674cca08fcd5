import { countIn, emptyDiagnostics, type SectionDiagnostics } from '../../model/common.js';
import type {
  BloodPressureReading,
  BloodPressureSection,
  InvestigationResult,
  InvestigationsSection,
  ReferenceRange,
} from '../../model/clinical.js';
import { groupBloodPressures, type BloodPressureUnit } from '../shared/blood-pressure.js';
import { codingsOf } from '../shared/coding.js';
import { compareNewestFirst } from '../shared/compare-dates.js';
import { abnormalFromRange, seriesSteps } from '../shared/investigation-series.js';
import { abnormalOf, interpretationOf as knownInterpretations } from '../shared/interpretation.js';
import {
  array,
  hasConceptCode,
  finiteNumber,
  firstDate,
  record,
  text,
  type Json,
} from '../shared/read.js';
import { addValue, observationValue } from '../shared/result-values.js';
import { termOf } from '../shared/terms.js';
import { admit, entryBase, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, sortSteps, type Steps } from '../turns.js';

const MMHG = new Set(['mm[Hg]', 'mmHg', 'mm Hg']);

const STATUSES = ['final', 'amended', 'preliminary'] as const;
const statusOf = (value: unknown): InvestigationResult['status'] =>
  value === 'corrected' ? 'amended' : (STATUSES.find((s) => s === value) ?? 'unknown');

/**
 * UK Core Observation → investigations and blood pressure readings.
 *
 * - Blood pressure, every shape (shared/blood-pressure.ts): the vital-signs panel with
 *   components (75367002, LOINC 85354-9 or 55284-4), halves linked by `hasMember`, and separate
 *   systolic / diastolic Observations paired by time; a half alone is shown `unpaired`.
 * - Every other Observation is a result: `laboratory` ones as `test-result`, any other category
 *   (vital signs such as weight, social history such as smoking status, examination, none) as
 *   `observation`, so nothing the source sent is dropped for its category.
 */
export function* observationsSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<{ investigations: InvestigationsSection; bloodPressure: BloodPressureSection }> {
  const resultsDiagnostics = emptyDiagnostics();
  const bpDiagnostics = emptyDiagnostics();
  const byId = new Map<string, Json>();
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const r = record(resource);
    const id = text(r?.id);
    if (r?.resourceType === 'Observation' && id && !byId.has(id)) byId.set(id, r);
  }
  const { units, consumed } = yield* groupBloodPressures([...byId.values()], (observation) =>
    observation.hasMember === undefined
      ? []
      : array(observation.hasMember)
          .map((ref) => byId.get(text(record(ref)?.reference)?.split('/').at(-1) ?? ''))
          .filter((o): o is Json => o !== undefined && o !== observation),
  );
  const readings: BloodPressureReading[] = [];
  for (let i = 0; i < units.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const unit = units[i]!;
    const reading = readingOf(unit, context, bpDiagnostics);
    if (reading) readings.push(reading);
  }
  yield* sortSteps(readings, (a, b) => compareNewestFirst(a.date, b.date));
  const results: InvestigationResult[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    if (consumed.has(resource as Json)) continue;
    const result = resultOf(resource, context, resultsDiagnostics);
    if (result) results.push(result);
  }
  const series = yield* seriesSteps(results);
  return {
    investigations: {
      entries: results,
      series,
      warnings: [],
      diagnostics: resultsDiagnostics,
    },
    bloodPressure: { entries: readings, warnings: [], diagnostics: bpDiagnostics },
  };
}

/** {@link observationsSteps} run at once. */
export function observationsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): { investigations: InvestigationsSection; bloodPressure: BloodPressureSection } {
  return runNow(observationsSteps(resources, context));
}

function resultOf(
  resource: unknown,
  context: R4Context,
  diagnostics: SectionDiagnostics,
): InvestigationResult | undefined {
  const r = admit(resource, 'Observation', context, diagnostics);
  if (!r) return undefined;
  if (r.status === 'cancelled') {
    // Never made (a haemolysed sample, a test not done): not a result, never the "latest" one.
    countIn(diagnostics.dropped, 'cancelled');
    return undefined;
  }
  const date = firstDate(r.effectiveDateTime, record(r.effectivePeriod)?.start, r.issued);
  const base = entryBase(r, undefined, statusOf(r.status), date, context, diagnostics);
  if (!base) return undefined;
  const value = observationValue(r);
  // Most results have no coded value and no interpretation: neither is read then.
  const coded = r.valueCodeableConcept;
  const codedValue = coded === undefined ? undefined : codingsOf(coded);
  const codedText = codedValue?.length === 0 ? termOf(coded)?.display : undefined;
  if (codedText && !value.textValue) value.textValue = codedText.slice(0, 100);
  const referenceRange = rangeOf(array(r.referenceRange)[0]);
  const abnormal =
    (r.interpretation === undefined ? undefined : interpretationOf(r.interpretation)) ??
    (value.comparator ? undefined : abnormalFromRange(value.value, referenceRange));
  // The base entry is this result's own: completed in place, fields in the order they have always
  // had, rather than copied into one more object per result.
  const result = base as InvestigationResult;
  result.status = statusOf(r.status);
  result.kind = hasConceptCode(r.category, 'laboratory') ? 'test-result' : 'observation';
  addValue(result, value);
  if (codedValue && codedValue.length > 0) result.codedValue = codedValue;
  if (referenceRange) result.referenceRange = referenceRange;
  if (abnormal) result.abnormal = abnormal;
  return result;
}

function readingOf(
  unit: BloodPressureUnit,
  context: R4Context,
  diagnostics: SectionDiagnostics,
): BloodPressureReading | undefined {
  const r = admit(unit.header, 'Observation', context, diagnostics);
  if (!r) return undefined;
  const systolic = mmHg(unit.systolic);
  const diastolic = mmHg(unit.diastolic);
  if (systolic === 'other-unit' || diastolic === 'other-unit') {
    countIn(diagnostics.unparseable, 'blood pressure not in mmHg');
    return undefined;
  }
  if (systolic === undefined && diastolic === undefined) {
    countIn(diagnostics.dropped, 'blood pressure with no values (data absent)');
    return undefined;
  }
  const parts = [unit.systolic, unit.diastolic].filter((p): p is Json => p !== undefined);
  const date = firstDate(
    r.effectiveDateTime,
    record(r.effectivePeriod)?.start,
    ...parts.flatMap((p) => [p.effectiveDateTime, record(p.effectivePeriod)?.start]),
    r.issued,
  );
  // A reading is labelled "Blood pressure" whatever its codes' displays (often none in R4).
  const concept = { coding: array(record(r.code)?.coding), text: 'Blood pressure' };
  const base = entryBase(
    r,
    codingsOf(r.code),
    statusOf(r.status),
    date,
    context,
    diagnostics,
    concept,
  );
  if (!base) return undefined;
  // The base entry is this reading's own: completed in place, not copied.
  const reading = base as BloodPressureReading;
  reading.display = 'Blood pressure';
  reading.status = statusOf(r.status);
  if (systolic !== undefined) reading.systolic = systolic;
  if (diastolic !== undefined) reading.diastolic = diastolic;
  if (systolic === undefined || diastolic === undefined) reading.unpaired = true;
  if (unit.method) reading.method = unit.method;
  reading.unit = 'mmHg';
  return reading;
}

function mmHg(part: Json | undefined): number | 'other-unit' | undefined {
  const quantity = record(part?.valueQuantity);
  const value = finiteNumber(quantity?.value);
  if (value === undefined) return undefined;
  const unit = text(quantity?.code) ?? text(quantity?.unit);
  return unit && MMHG.has(unit) ? value : 'other-unit';
}

function rangeOf(value: unknown): ReferenceRange | undefined {
  const range = record(value);
  const low = finiteNumber(record(range?.low)?.value);
  const high = finiteNumber(record(range?.high)?.value);
  const unit = text(record(range?.low)?.unit) ?? text(record(range?.high)?.unit);
  if (low === undefined && high === undefined) return undefined;
  const result: ReferenceRange = {};
  if (low !== undefined) result.low = low;
  if (high !== undefined) result.high = high;
  if (unit) result.unit = unit;
  return result;
}

/** The source's interpretation, read by the same rule as the GP Connect path (known systems only). */
function interpretationOf(value: unknown): InvestigationResult['abnormal'] {
  return abnormalOf(knownInterpretations({ interpretation: array(value) }), {}, undefined);
}
