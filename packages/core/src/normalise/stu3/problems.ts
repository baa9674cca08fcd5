import {
  countIn,
  emptyDiagnostics,
  type SectionDiagnostics,
  type SectionWarning,
} from '../../model/common.js';
import type {
  Diagnosis,
  DiagnosesSection,
  Problem,
  ProblemsSection,
} from '../../model/clinical.js';
import { linkProblems, relatedProblemTargets } from '../shared/problem-links.js';
import { markTerm, termOf } from '../shared/terms.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import {
  codeValue,
  hasConceptCode,
  extensionNamed,
  firstDate,
  record,
  text,
  type Json,
} from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import type { Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';
import { ownValue } from '../../own-value.js';

const CLINICAL_STATUSES: Record<string, Problem['status']> = {
  active: 'active',
  recurrence: 'active',
  inactive: 'inactive',
  remission: 'inactive',
  resolved: 'resolved',
};

/**
 * How GP Connect separates problems from diagnoses: it does not. Every Condition it returns is a
 * problem header (CareConnect-GPC-ProblemHeader-Condition-1, category `problem-list-item`), and
 * what a clinician coded in a consultation is either linked to such a problem or sent as an
 * uncategorised Observation. So `problems` takes every Condition except one explicitly
 * categorised `encounter-diagnosis`, which goes to `diagnoses`; when there is none (the normal
 * case) `diagnoses` is empty and carries a `source-warning` saying the source has no separate
 * diagnosis list, so an empty list is not read as "no diagnoses".
 */
export function* problemsFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<{ problems: ProblemsSection; diagnoses: DiagnosesSection }> {
  const problemDiagnostics = emptyDiagnostics();
  const diagnosisDiagnostics = emptyDiagnostics();
  yield* countMissingListEntries(ctx, 'problems', problemDiagnostics);
  const conditions = ctx.index.ofType('Condition');
  const isDiagnosis = (resource: Json) => hasConceptCode(resource.category, 'encounter-diagnosis');
  const links = new Map<string, string[]>();
  // Each problem's significance and links read with it, so the steps pause between problems.
  const problems = yield* readEach(
    ctx,
    conditions.filter((c) => !isDiagnosis(c.resource)),
    problemDiagnostics,
    (resource): Problem | undefined => {
      const entry = conditionEntry(ctx, resource, problemDiagnostics);
      if (!entry) return undefined;
      const significance = significanceOf(entry.resource);
      links.set(
        entry.value.id,
        relatedProblemTargets(entry.resource).flatMap((target) => {
          const id = text(ctx.index.resolve(target, 'Condition')?.id);
          return id ? [id] : [];
        }),
      );
      const problem: Problem = entry.value;
      if (significance) problem.significance = significance;
      return problem;
    },
  );
  const diagnoses = (yield* readEach(
    ctx,
    conditions.filter((c) => isDiagnosis(c.resource)),
    diagnosisDiagnostics,
    (resource) => conditionEntry(ctx, resource, diagnosisDiagnostics),
  )).map((entry): Diagnosis => entry.value);
  const diagnosisWarnings = warnings.for('diagnoses');
  if (diagnoses.length === 0) diagnosisWarnings.push(NO_SEPARATE_DIAGNOSES);
  return {
    problems: {
      entries: linkProblems(problems, links),
      warnings: warnings.for('problems'),
      diagnostics: problemDiagnostics,
    },
    diagnoses: {
      entries: diagnoses,
      warnings: diagnosisWarnings,
      diagnostics: diagnosisDiagnostics,
    },
  };
}

/** Why a GP Connect diagnoses section is empty: diagnoses are recorded as problems there. */
export const NO_SEPARATE_DIAGNOSES: SectionWarning = {
  code: 'source-warning',
  coding: {
    system: 'https://dcr-elements.dev/CodeSystem/source-warning',
    code: 'recorded-as-problems',
    display: 'GP Connect has no separate diagnosis list: diagnoses appear as problems',
  },
};

function conditionEntry(
  ctx: Stu3Context,
  resource: Json,
  diagnostics: SectionDiagnostics,
): { resource: Json; value: Diagnosis } | undefined {
  const term = termOf(resource.code);
  if (!term) {
    countIn(diagnostics.unparseable, 'Condition without a code or term');
    return undefined;
  }
  const codes = term.codes;
  const status = ownValue(CLINICAL_STATUSES, codeValue(resource.clinicalStatus)) ?? 'active';
  const onset = firstDate(resource.onsetDateTime, record(resource.onsetPeriod)?.start);
  const abated = firstDate(resource.abatementDateTime, record(resource.abatementPeriod)?.end);
  const recorded = firstDate(
    extensionNamed(resource, 'Extension-CareConnect-GPC-DateRecorded-1')?.valueDateTime,
    resource.assertedDate,
  );
  const date = onset ?? recorded;
  const security = securityOf(resource);
  // Built field by field, in the order the fields have always had (shared/terms.ts, markTerm).
  const value = { id: text(resource.id)!, codes, display: term.display } as Diagnosis;
  markTerm(value, term);
  value.status = status;
  if (date) value.date = date;
  value.provenance = provenanceOf(ctx, [resource.asserter], recorded);
  if (security) value.security = security;
  if (onset) value.onset = onset;
  if (abated) value.abated = abated;
  return { resource, value };
}

/** `major` / `minor` from the ProblemSignificance extension (some suppliers send the code as a Coding array). */
function significanceOf(resource: Json): Problem['significance'] {
  const code = codeValue(
    extensionNamed(resource, 'Extension-CareConnect-ProblemSignificance-1')?.valueCode,
  );
  return code === 'major' || code === 'minor' ? code : undefined;
}
