import { countIn, emptyDiagnostics } from '../../model/common.js';
import type {
  BloodPressureReading,
  BloodPressureSection,
  InvestigationResult,
  InvestigationsSection,
  ReferenceRange,
} from '../../model/clinical.js';
import { codingsOf, hasSnomedCode } from '../shared/coding.js';
import { abnormalFromRange, seriesOf } from '../shared/investigation-series.js';
import { array, conceptCodes, finiteNumber, firstDate, record, text } from '../shared/read.js';
import { admit, entryBase, type R4Context } from './context.js';

// Verified against UK Core examples (UKCore-Observation-VitalSigns-BloodPressure-Example).
const BP_PANEL = { snomed: '75367002', loinc: '85354-9' };
const SYSTOLIC = { snomed: '72313002', loinc: '8480-6' };
const DIASTOLIC = { snomed: '1091811000000102', loinc: '8462-4' };

const hasCode = (concept: unknown, pair: { snomed: string; loinc: string }) => {
  const codes = codingsOf(concept);
  return (
    hasSnomedCode(codes, pair.snomed) ||
    codes.some((c) => c.system === 'http://loinc.org' && c.code === pair.loinc)
  );
};

const STATUSES = ['final', 'amended', 'preliminary'] as const;
const statusOf = (value: unknown): InvestigationResult['status'] =>
  value === 'corrected' ? 'amended' : (STATUSES.find((s) => s === value) ?? 'unknown');

/** UK Core Observation → investigations (results and series) and blood pressure readings. */
export function observationsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): { investigations: InvestigationsSection; bloodPressure: BloodPressureSection } {
  const resultsDiagnostics = emptyDiagnostics();
  const bpDiagnostics = emptyDiagnostics();
  const results: InvestigationResult[] = [];
  const readings: BloodPressureReading[] = [];
  for (const resource of resources) {
    const isBloodPressure = hasCode(record(resource)?.code, BP_PANEL);
    const diagnostics = isBloodPressure ? bpDiagnostics : resultsDiagnostics;
    const r = admit(resource, 'Observation', context, diagnostics);
    if (!r) continue;
    if (!isBloodPressure && !isLaboratory(r)) {
      countIn(diagnostics.dropped, 'not a laboratory result');
      continue;
    }
    const date = firstDate(r.effectiveDateTime, record(r.effectivePeriod)?.start, r.issued);
    const base = entryBase(r, codingsOf(r.code), statusOf(r.status), date, context, diagnostics);
    if (!base) continue;
    if (isBloodPressure) {
      const systolic = componentMmHg(r, SYSTOLIC);
      const diastolic = componentMmHg(r, DIASTOLIC);
      if (systolic === undefined || diastolic === undefined) {
        countIn(diagnostics.unparseable, 'blood pressure without both values in mmHg');
        continue;
      }
      readings.push({ ...base, status: statusOf(r.status), systolic, diastolic, unit: 'mmHg' });
      continue;
    }
    const quantity = record(r.valueQuantity);
    const value = finiteNumber(quantity?.value);
    const unit = text(quantity?.unit) ?? text(quantity?.code);
    const comparator = ['<', '<=', '>=', '>'].find(
      (c) => c === quantity?.comparator,
    ) as InvestigationResult['comparator'];
    const codedValue = codingsOf(r.valueCodeableConcept);
    const referenceRange = rangeOf(array(r.referenceRange)[0]);
    const abnormal = interpretationOf(r.interpretation) ?? abnormalFromRange(value, referenceRange);
    results.push({
      ...base,
      status: statusOf(r.status),
      ...(value !== undefined && { value }),
      ...(comparator && { comparator }),
      ...(unit && { unit }),
      ...(codedValue.length > 0 && { codedValue }),
      ...(referenceRange && { referenceRange }),
      ...(abnormal && { abnormal }),
    });
  }
  return {
    investigations: {
      entries: results,
      series: seriesOf(results),
      warnings: [],
      diagnostics: resultsDiagnostics,
    },
    bloodPressure: { entries: readings, warnings: [], diagnostics: bpDiagnostics },
  };
}

function isLaboratory(r: Record<string, unknown>): boolean {
  return conceptCodes(r.category).includes('laboratory');
}

function componentMmHg(
  r: Record<string, unknown>,
  pair: { snomed: string; loinc: string },
): number | undefined {
  const component = array(r.component)
    .map(record)
    .find((c) => hasCode(c?.code, pair));
  const quantity = record(component?.valueQuantity);
  const unit = text(quantity?.code) ?? text(quantity?.unit);
  return unit === 'mm[Hg]' || unit === 'mmHg' ? finiteNumber(quantity?.value) : undefined;
}

function rangeOf(value: unknown): ReferenceRange | undefined {
  const range = record(value);
  const low = finiteNumber(record(range?.low)?.value);
  const high = finiteNumber(record(range?.high)?.value);
  const unit = text(record(range?.low)?.unit) ?? text(record(range?.high)?.unit);
  if (low === undefined && high === undefined) return undefined;
  return {
    ...(low !== undefined && { low }),
    ...(high !== undefined && { high }),
    ...(unit && { unit }),
  };
}

/** HL7 v3 ObservationInterpretation: H/HH/HU high, L/LL/LU low, A/AA abnormal. */
function interpretationOf(value: unknown): InvestigationResult['abnormal'] {
  const code = array(value).flatMap((c) => codingsOf(c))[0]?.code;
  if (!code) return undefined;
  if (/^H/.test(code)) return 'high';
  if (/^L/.test(code)) return 'low';
  if (/^A/.test(code)) return 'abnormal';
  return undefined;
}
