import { compareIsoDates } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import type {
  InvestigationResult,
  InvestigationSeries,
  InvestigationsSection,
} from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import { addValue, observationValue } from '../shared/result-values.js';
import { markTerm, termOf } from '../shared/terms.js';
import { stu3BloodPressures } from './blood-pressure.js';
import type { IndexedResource } from './bundle-index.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { abnormalOf, interpretationOf } from '../shared/interpretation.js';
import { referenceRangeOf } from './observation-values.js';
import { array, codeValue, firstDate, record, text, type Json } from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import { sortSteps, type Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';
import { ownValue } from '../../own-value.js';

const STATUSES: Record<string, InvestigationResult['status']> = {
  final: 'final',
  amended: 'amended',
  corrected: 'amended',
  preliminary: 'preliminary',
};

/** How deep test groups may nest (report → group → result); deeper links are not followed. */
const MAX_GROUP_DEPTH = 3;

/**
 * GP Connect investigations → results, and uncategorised data → observations in the same section.
 *
 * - Test results (`kind: 'test-result'`): a DiagnosticReport's `result` names test group
 *   Observations (`related` has-member) or test results directly; every leaf with a value
 *   (quantity, short text, coded, see shared/result-values.ts) becomes one result, dated by its
 *   own effective time or else the report's. Filing comments and long free text have no such
 *   value and are counted as dropped.
 * - Observations (`kind: 'observation'`): every other Observation in the bundle that is not a
 *   blood pressure (GP Connect uncategorised data: weight, cholesterol, a drug level, smoking
 *   status), with or without a value: a coded finding is itself the information.
 */
export function* investigationsFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<InvestigationsSection> {
  const diagnostics = emptyDiagnostics();
  yield* countMissingListEntries(ctx, 'investigations', diagnostics);
  const reportOf = new Map<Json, Json>();
  const leaves: IndexedResource[] = [];
  yield* readEach(ctx, ctx.index.ofType('DiagnosticReport'), diagnostics, (report) => {
    const before = leaves.length;
    for (const ref of array(report.result))
      collectLeaves(ctx, ctx.index.resolve(ref, 'Observation'), report, 0);
    // A report none of whose results the record holds (or that names none: only a conclusion or
    // a coded diagnosis) must not vanish: it is counted, so the section says it could not show it.
    if (leaves.length === before) countIn(diagnostics.dropped, 'report without its results');
    return undefined;
  });

  function collectLeaves(
    ctx: Stu3Context,
    observation: Json | undefined,
    report: Json,
    depth: number,
  ): void {
    if (!observation || reportOf.has(observation) || depth > MAX_GROUP_DEPTH) return;
    reportOf.set(observation, report);
    const members = array(observation.related)
      .map(record)
      .filter((r) => r && (r.type === undefined || codeValue(r.type) === 'has-member'))
      .map((r) => ctx.index.resolve(r?.target, 'Observation'));
    for (const m of members) collectLeaves(ctx, m, report, depth + 1);
    // A test group is a leaf too when it has a value of its own: a result that links its filing
    // comment by has-member is still a result (its value must never be lost).
    const ownValue = Object.keys(observation).some((key) => key.startsWith('value'));
    if (members.length === 0 || ownValue)
      leaves.push({ type: 'Observation', resource: observation });
  }

  const results = yield* readEach(ctx, leaves, diagnostics, (observation) => {
    const result = resultOf(ctx, observation, reportOf.get(observation)!, diagnostics);
    if (result && result.value === undefined && !result.codedValue && !result.textValue) {
      countIn(diagnostics.dropped, 'result without a value');
      return undefined;
    }
    return result;
  });
  const { consumed } = yield* stu3BloodPressures(ctx);
  const others = ctx.index
    .ofType('Observation')
    .filter(({ resource }) => !reportOf.has(resource) && !consumed.has(resource));
  const observations = yield* readEach(ctx, others, diagnostics, (observation) =>
    resultOf(ctx, observation, undefined, diagnostics),
  );
  const entries = yield* sortSteps([...results, ...observations], (a, b) =>
    compareIsoDates(b.date, a.date),
  );
  return {
    entries,
    series: yield* seriesOf(entries),
    warnings: warnings.for('investigations'),
    diagnostics,
  };
}

function resultOf(
  ctx: Stu3Context,
  observation: Json,
  report: Json | undefined,
  diagnostics: InvestigationsSection['diagnostics'],
): InvestigationResult | undefined {
  const term = termOf(observation.code);
  if (!term) {
    countIn(diagnostics.unparseable, 'Observation without a code or term');
    return undefined;
  }
  if (codeValue(observation.status) === 'cancelled') {
    // Never made (a haemolysed sample, a test not done): not a result, never the "latest" one.
    countIn(diagnostics.dropped, 'cancelled');
    return undefined;
  }
  const value = observationValue(observation);
  const codedValue = codingsOf(observation.valueCodeableConcept);
  // A coded value with no coding but a term ("Positive" as text) is its term.
  const codedText =
    codedValue.length === 0 ? termOf(observation.valueCodeableConcept)?.display : undefined;
  if (codedText && !value.textValue) value.textValue = codedText.slice(0, 100);
  const referenceRange = referenceRangeOf(observation);
  const abnormal = abnormalOf(interpretationOf(observation), value, referenceRange);
  const date = firstDate(
    observation.effectiveDateTime,
    record(observation.effectivePeriod)?.start,
    report?.effectiveDateTime,
    record(report?.effectivePeriod)?.start,
    observation.issued,
    report?.issued,
  );
  const performers = [
    ...array(observation.performer),
    ...array(report?.performer).map((p) => record(p)?.actor ?? p),
  ];
  const security = securityOf(observation) ?? (report && securityOf(report));
  // Built field by field, in the order the fields have always had (shared/terms.ts, markTerm).
  const result = {
    id: text(observation.id)!,
    codes: term.codes,
    display: term.display,
  } as InvestigationResult;
  markTerm(result, term);
  result.kind = report ? 'test-result' : 'observation';
  result.status = ownValue(STATUSES, codeValue(observation.status)) ?? 'unknown';
  if (date) result.date = date;
  result.provenance = provenanceOf(ctx, performers, firstDate(observation.issued, report?.issued));
  if (security) result.security = security;
  addValue(result, value);
  if (codedValue.length > 0) result.codedValue = codedValue;
  if (referenceRange) result.referenceRange = referenceRange;
  if (abnormal) result.abnormal = abnormal;
  return result;
}

/** One series per test code, results oldest first, for trend views (INR, eGFR, HbA1c...). */
function* seriesOf(entries: readonly InvestigationResult[]): Steps<InvestigationSeries[]> {
  const byKey = new Map<string, InvestigationResult[]>();
  for (const entry of entries) {
    const first = entry.codes[0];
    if (!first) continue; // an uncoded entry has no test identity to trend
    const key = `${first.system}|${first.code}`;
    const results = byKey.get(key);
    if (results) results.push(entry);
    else byKey.set(key, [entry]);
  }
  const series: InvestigationSeries[] = [];
  for (const [key, results] of byKey) {
    const oldestFirst = yield* sortSteps(results, (a, b) => compareIsoDates(a.date, b.date));
    const unit = oldestFirst.findLast((r) => r.unit)?.unit;
    series.push({
      key,
      display: oldestFirst[0]!.display,
      codes: oldestFirst[0]!.codes,
      ...(unit && { unit }),
      resultIds: oldestFirst.map((r) => r.id),
    });
  }
  return series;
}
