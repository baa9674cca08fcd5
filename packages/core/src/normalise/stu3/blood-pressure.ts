import { compareIsoDates } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics, type SectionDiagnostics } from '../../model/common.js';
import type { BloodPressureReading, BloodPressureSection } from '../../model/clinical.js';
import {
  groupBloodPressures,
  memberReferences,
  type BloodPressureUnit,
} from '../shared/blood-pressure.js';
import { markTerm, termOf } from '../shared/terms.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { quantityValue } from './observation-values.js';
import { array, codeValue, firstDate, record, text, type Json } from '../shared/read.js';
import { readEach } from './section-tools.js';
import { sortSteps, type Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';
import { ownValue } from '../../own-value.js';

const MMHG = new Set(['mmHg', 'mm[Hg]', 'mm Hg']);

const STATUSES: Record<string, BloodPressureReading['status']> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  preliminary: 'preliminary',
};

type BloodPressureGroups = { units: BloodPressureUnit[]; consumed: Set<Json> };
const groups = new WeakMap<Stu3Context, BloodPressureGroups>();

/** The bundle's blood pressures, found once per bundle (results use it to leave them out). */
export function* stu3BloodPressures(ctx: Stu3Context): Steps<BloodPressureGroups> {
  let found = groups.get(ctx);
  if (!found) {
    const observations = ctx.index.ofType('Observation').map((o) => o.resource);
    found = yield* groupBloodPressures(observations, (observation) =>
      memberReferences(observation)
        .map((ref) => ctx.index.resolve(ref, 'Observation'))
        .filter((o): o is Json => o !== undefined && o !== observation),
    );
    groups.set(ctx, found);
  }
  return found;
}

/**
 * Blood pressure readings from GP Connect Observations, wherever they sit (consultations or
 * uncategorised data) and whatever shape (see shared/blood-pressure.ts): panels with components,
 * panels or halves linked by `related`, and separate halves paired by time. A half without a
 * partner is shown `unpaired`; a reading with neither value (data absent) or not in mmHg is
 * counted, never silently left out.
 */
export function* bloodPressureFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<BloodPressureSection> {
  const diagnostics = emptyDiagnostics();
  const { units } = yield* stu3BloodPressures(ctx);
  const byHeader = new Map(units.map((u) => [u.header, u]));
  const entries = yield* readEach(
    ctx,
    units.map((u) => ({ type: 'Observation', resource: u.header })),
    diagnostics,
    (header) => readingOf(ctx, byHeader.get(header)!, diagnostics),
  );
  yield* sortSteps(entries, (a, b) => compareIsoDates(b.date, a.date));
  return { entries, warnings: warnings.for('bloodPressure'), diagnostics };
}

function readingOf(
  ctx: Stu3Context,
  unit: BloodPressureUnit,
  diagnostics: SectionDiagnostics,
): BloodPressureReading | undefined {
  const systolic = unit.systolic ? quantityValue(unit.systolic) : {};
  const diastolic = unit.diastolic ? quantityValue(unit.diastolic) : {};
  if (systolic.value === undefined && diastolic.value === undefined) {
    countIn(diagnostics.dropped, 'blood pressure with no values (data absent)');
    return undefined;
  }
  const units = [systolic, diastolic].filter((v) => v.value !== undefined).map((v) => v.unit);
  if (units.some((u) => !MMHG.has(u ?? ''))) {
    countIn(diagnostics.unparseable, 'blood pressure not in mmHg');
    return undefined;
  }
  const { header } = unit;
  const parts = [unit.systolic, unit.diastolic].filter((p): p is Json => p !== undefined);
  const term = termOf(header.code);
  const date = firstDate(
    header.effectiveDateTime,
    record(header.effectivePeriod)?.start,
    ...parts.flatMap((p) => [p.effectiveDateTime, record(p.effectivePeriod)?.start]),
    header.issued,
  );
  const security = securityOf(header) ?? parts.map(securityOf).find(Boolean);
  const paired = systolic.value !== undefined && diastolic.value !== undefined;
  // Built field by field, in the order the fields have always had (shared/terms.ts, markTerm).
  const reading = {
    id: text(header.id)!,
    codes: term?.codes ?? [],
    // The panel's own term only when it is a blood pressure code: suppliers' test data put
    // unrelated codes on the panel (e.g. "Prothrombin time"), so the label is fixed.
    display: 'Blood pressure',
  } as BloodPressureReading;
  markTerm(reading, term);
  reading.status = ownValue(STATUSES, codeValue(header.status)) ?? 'unknown';
  if (date) reading.date = date;
  reading.provenance = provenanceOf(
    ctx,
    [...array(header.performer), ...parts.flatMap((p) => array(p.performer))],
    firstDate(header.issued),
  );
  if (security) reading.security = security;
  if (systolic.value !== undefined) reading.systolic = systolic.value;
  if (diastolic.value !== undefined) reading.diastolic = diastolic.value;
  if (!paired) reading.unpaired = true;
  if (unit.method) reading.method = unit.method;
  reading.unit = 'mmHg';
  return reading;
}
