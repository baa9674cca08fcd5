import { compareIsoDates } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics, type Coding } from '../../model/common.js';
import type { BloodPressureReading, BloodPressureSection } from '../../model/clinical.js';
import { codingsOf, displayOf } from '../shared/coding.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { quantityValue } from './observation-values.js';
import { array, codeValue, firstDate, record, text, type Json } from '../shared/read.js';
import { readEach } from './section-tools.js';
import type { SectionWarnings } from './section-warnings.js';

/** SNOMED CT and LOINC codes for the systolic and diastolic parts of a blood pressure. */
const SYSTOLIC = new Set([
  '163030003',
  '72313002',
  '271649006',
  '407554009',
  '400974009',
  '8480-6',
]);
const DIASTOLIC = new Set([
  '163031004',
  '1091811000000102',
  '271650006',
  '407555005',
  '400975005',
  '8462-4',
]);
const MMHG = new Set(['mmHg', 'mm[Hg]', 'mm Hg']);

const STATUSES: Record<string, BloodPressureReading['status']> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  preliminary: 'preliminary',
};

/**
 * Blood pressure readings from GP Connect Observations, wherever they sit (consultations or
 * uncategorised data): a reading is an Observation whose components (or has-member Observations,
 * the other shape suppliers use) give both a systolic and a diastolic value. Only mmHg readings
 * are kept; others are counted so the gap is visible.
 */
export function bloodPressureFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): BloodPressureSection {
  const diagnostics = emptyDiagnostics();
  const candidates = ctx.index.ofType('Observation').filter(({ resource }) => {
    const parts = partsOf(ctx, resource);
    return parts.some((p) => hasCode(p, SYSTOLIC)) && parts.some((p) => hasCode(p, DIASTOLIC));
  });
  const entries = readEach(
    ctx,
    candidates,
    diagnostics,
    (observation): BloodPressureReading | undefined => {
      const parts = partsOf(ctx, observation);
      const systolic = quantityValue(parts.find((p) => hasCode(p, SYSTOLIC))!);
      const diastolic = quantityValue(parts.find((p) => hasCode(p, DIASTOLIC))!);
      if (systolic.value === undefined || diastolic.value === undefined) {
        countIn(diagnostics.unparseable, 'blood pressure without both values');
        return undefined;
      }
      if (!MMHG.has(systolic.unit ?? '') || !MMHG.has(diastolic.unit ?? '')) {
        countIn(diagnostics.unparseable, 'blood pressure not in mmHg');
        return undefined;
      }
      const codes = codingsOf(observation.code);
      const date = firstDate(
        observation.effectiveDateTime,
        record(observation.effectivePeriod)?.start,
        observation.issued,
      );
      const security = securityOf(observation);
      return {
        id: text(observation.id)!,
        codes,
        display: displayOf(codes) ?? 'Blood pressure',
        status: STATUSES[codeValue(observation.status) ?? ''] ?? 'unknown',
        ...(date && { date }),
        provenance: provenanceOf(ctx, array(observation.performer), firstDate(observation.issued)),
        ...(security && { security }),
        systolic: systolic.value,
        diastolic: diastolic.value,
        unit: 'mmHg',
      };
    },
  ).sort((a, b) => compareIsoDates(b.date, a.date));
  return { entries, warnings: warnings.for('bloodPressure'), diagnostics };
}

/** The components of an Observation, or the Observations it has as members. */
function partsOf(ctx: Stu3Context, observation: Json): Json[] {
  const components = array(observation.component)
    .map(record)
    .filter((c): c is Json => c !== undefined);
  if (components.length > 0) return components;
  return array(observation.related)
    .map((r) => ctx.index.resolve(record(r)?.target, 'Observation'))
    .filter((o): o is Json => o !== undefined && o !== observation);
}

function hasCode(part: Json, codes: ReadonlySet<string>): boolean {
  return codingsOf(part.code).some((c: Coding) => codes.has(c.code.trim()));
}
