import { emptyDiagnostics } from '../../model/common.js';
import type {
  Diagnosis,
  DiagnosesSection,
  Problem,
  ProblemsSection,
} from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import { linkProblems, relatedProblemTargets } from '../shared/problem-links.js';
import {
  array,
  firstConceptCode,
  firstDate,
  hasConceptCode,
  isoDate,
  record,
  text,
} from '../shared/read.js';
import { bundleEntries, referenceIndexSteps, type ReferenceIndex } from '../shared/references.js';
import { admit, entryBase, statusCode, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';

/** Extension UK Core/GP systems use for a problem's significance (major/minor). */
const PROBLEM_SIGNIFICANCE = /ProblemSignificance/i;

/**
 * UK Core Condition → problems and diagnoses, by category: `problem-list-item` is the curated
 * problem list; `encounter-diagnosis` is a diagnosis recorded in an encounter. A Condition with
 * no category (UK Core makes it optional) goes to problems: the problem list is where a
 * clinician looks for what the patient has, and a condition must not be hidden for lacking a
 * category. Any other category (e.g. a health concern) stays in diagnoses.
 */
export function* conditionsSteps(
  resources: readonly unknown[],
  context: R4Context,
  linkIndex?: ReferenceIndex,
): Steps<{ problems: ProblemsSection; diagnoses: DiagnosesSection }> {
  // Related problems are other Conditions of the same search: resolved through the source's
  // index when there is one, else among these resources.
  const references =
    linkIndex ?? context.references ?? (yield* referenceIndexSteps(bundleEntries([...resources])));
  const problemsDiagnostics = emptyDiagnostics();
  const diagnosesDiagnostics = emptyDiagnostics();
  const problems: Problem[] = [];
  const diagnoses: Diagnosis[] = [];
  const links = new Map<string, string[]>();
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const category = record(resource)?.category;
    const isProblem =
      hasConceptCode(category, 'problem-list-item') || firstConceptCode(category) === undefined;
    const diagnostics = isProblem ? problemsDiagnostics : diagnosesDiagnostics;
    const r = admit(resource, 'Condition', context, diagnostics);
    if (!r) continue;
    const clinical = statusCode(r.clinicalStatus);
    const status =
      clinical === 'resolved' || clinical === 'remission'
        ? 'resolved'
        : clinical === 'inactive'
          ? 'inactive'
          : 'active';
    const onset = firstDate(r.onsetDateTime, record(r.onsetPeriod)?.start);
    const abated = firstDate(r.abatementDateTime, record(r.abatementPeriod)?.end);
    const base = entryBase(
      r,
      undefined,
      status,
      onset ?? isoDate(r.recordedDate),
      context,
      diagnostics,
    );
    if (!base) continue;
    // The base entry is this condition's own: completed in place, fields in the order they have
    // always had, rather than copied into one more object per condition.
    const entry = base as Problem;
    entry.status = status;
    if (onset) entry.onset = onset;
    if (abated) entry.abated = abated;
    if (isProblem) {
      const significance = significanceOf(r);
      if (significance) entry.significance = significance;
      problems.push(entry);
      const targets = relatedProblemTargets(r).flatMap((target) => {
        const found = references.resolve(target, r);
        const id = found?.resourceType === 'Condition' ? text(found.id) : undefined;
        return id ? [id] : [];
      });
      // No links and none to replace (a repeated id's later entry replaces the earlier's): the
      // map stays small on a record of thousands of unlinked problems.
      if (targets.length > 0 || links.has(base.id)) links.set(base.id, targets);
    } else {
      diagnoses.push(entry);
    }
  }
  return {
    problems: {
      entries: linkProblems(problems, links),
      warnings: [],
      diagnostics: problemsDiagnostics,
    },
    diagnoses: { entries: diagnoses, warnings: [], diagnostics: diagnosesDiagnostics },
  };
}

/** {@link conditionsSteps} run at once. */
export function conditionsFromR4(
  resources: readonly unknown[],
  context: R4Context,
  references?: ReferenceIndex,
): { problems: ProblemsSection; diagnoses: DiagnosesSection } {
  return runNow(conditionsSteps(resources, context, references));
}

function significanceOf(r: Record<string, unknown>): Problem['significance'] {
  for (const extension of array(r.extension)) {
    const e = record(extension);
    if (!PROBLEM_SIGNIFICANCE.test(text(e?.url) ?? '')) continue;
    const value = text(e?.valueCode) ?? codingsOf(e?.valueCodeableConcept)[0]?.code;
    if (value === 'major' || value === 'minor') return value;
  }
  return undefined;
}
