import { emptyDiagnostics, type SectionDiagnostics } from '../../model/common.js';
import type { RiskWarning, RisksWarningsSection } from '../../model/clinical.js';
import { codingsOfEach } from '../shared/coding.js';
import { risksWarningsSectionSteps } from '../shared/derived-warnings.js';
import { panelOf, partOf } from '../shared/blood-pressure.js';
import { relatedProblemTargets } from '../shared/problem-links.js';
import { array, firstDate, record, text } from '../shared/read.js';
import { bundleEntries, referenceIndexSteps, type ReferenceIndex } from '../shared/references.js';
import { mayBeWarning, warningKindOf } from '../shared/warning-codes.js';
import { conditionsSteps } from './conditions.js';
import { admit, entryBase, type R4Context } from './context.js';
import { LIGHT_PASS_ITEMS, RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';
import { observationsSteps } from './observations.js';
import { proceduresSteps } from './procedures.js';

/**
 * Risks and warnings from FHIR R4: the source's Flags, and warnings derived by code from its
 * Conditions, Observations and Procedures (shared/derived-warnings.ts), in one ordered list.
 *
 * Only the entries that can make or end a warning are normalised here ({@link mayBeWarning}),
 * with whatever else their entry depends on: a record's thousands of other results and problems
 * would be read again for nothing (problems and investigations read them for their own sections).
 */
export function* risksWarningsSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<RisksWarningsSection> {
  const ofType = new Map<unknown, unknown[]>();
  for (let i = 0; i < resources.length; i++) {
    if (i % LIGHT_PASS_ITEMS === 0) yield;
    const resource = resources[i];
    const type = record(resource)?.resourceType;
    const list = ofType.get(type);
    if (list) list.push(resource);
    else ofType.set(type, [resource]);
  }
  const allConditions = ofType.get('Condition') ?? [];
  // Without the source's index, related problems resolve among all the Conditions, as in problems.
  const links =
    context.references ?? (yield* referenceIndexSteps(bundleEntries([...allConditions])));
  const conditions = yield* conditionsSteps(
    yield* warningConditions(allConditions, links),
    context,
    links,
  );
  const observations = yield* observationsSteps(
    yield* warningObservations(ofType.get('Observation') ?? []),
    context,
  );
  const procedures = yield* proceduresSteps(
    (ofType.get('Procedure') ?? []).filter((r) => mayBeWarning(record(r)?.code)),
    context,
  );
  return yield* risksWarningsSectionSteps(
    [
      { section: 'problems', ...conditions.problems },
      { section: 'diagnoses', ...conditions.diagnoses },
      { section: 'investigations', ...observations.investigations },
      { section: 'procedures', ...procedures },
    ],
    yield* flagSteps(ofType.get('Flag') ?? [], context),
  );
}

/** {@link risksWarningsSteps} run at once. */
export function risksWarningsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): RisksWarningsSection {
  return runNow(risksWarningsSteps(resources, context));
}

/** UK Core Flag → warnings recorded by the source, classified by the same code sets. */
function* flagSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<{ entries: RiskWarning[]; diagnostics: SectionDiagnostics }> {
  const diagnostics = emptyDiagnostics();
  const entries: RiskWarning[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const r = admit(resource, 'Flag', context, diagnostics);
    if (!r) continue;
    const status = r.status === 'active' ? 'active' : 'inactive';
    const start = firstDate(record(r.period)?.start);
    const end = firstDate(record(r.period)?.end);
    const base = entryBase(r, undefined, status, start, context, diagnostics);
    if (!base) continue;
    // The base entry is this flag's own: completed in place, not copied.
    const warning = base as RiskWarning;
    warning.status = status;
    warning.category = codingsOfEach(r.category);
    warning.kind = warningKindOf(base.codes) ?? 'other';
    warning.origin = 'flag';
    if (start) warning.start = start;
    if (end) warning.end = end;
    entries.push(warning);
  }
  return { entries, diagnostics };
}

/**
 * The Conditions a warning may come from, and those their problem entry depends on: a derived
 * warning carries its problem's `linkedProblems`, which come from related-problem links written
 * on either problem and are kept only to problems in the list. So with the candidates go every
 * Condition that writes a link, every Condition a link names, and every Condition sharing an id
 * with any of these (a repeated id decides which links an id keeps); the rest are never linked
 * to a candidate and change nothing. Order is kept.
 */
function* warningConditions(
  conditions: readonly unknown[],
  links: ReferenceIndex,
): Steps<unknown[]> {
  const ids = new Set<string>();
  const chosen = new Set<unknown>();
  const addId = (r: Record<string, unknown>) => {
    ids.add(String(r.id));
    const id = text(r.id);
    if (id) ids.add(id);
  };
  for (let i = 0; i < conditions.length; i++) {
    if (i % LIGHT_PASS_ITEMS === 0) yield;
    const resource = conditions[i];
    const r = record(resource);
    if (!r) continue;
    const targets = r.extension === undefined ? [] : relatedProblemTargets(r);
    if (!mayBeWarning(r.code) && targets.length === 0) continue;
    chosen.add(resource);
    addId(r);
    for (const target of targets) {
      const found = links.resolve(target, r);
      if (found?.resourceType === 'Condition') addId(found);
    }
  }
  if (ids.size === 0) return [];
  const kept: unknown[] = [];
  for (let i = 0; i < conditions.length; i++) {
    if (i % LIGHT_PASS_ITEMS === 0) yield;
    const resource = conditions[i];
    const r = record(resource);
    if (
      chosen.has(resource) ||
      (r !== undefined && (ids.has(String(r.id)) || ids.has(text(r.id) ?? '')))
    )
      kept.push(resource);
  }
  return kept;
}

/**
 * The Observations a warning may come from. A blood pressure part is never a result, but
 * whether it is one depends on the other Observations (panels, members, pairs): should a
 * candidate look like one, every Observation is read, as investigations does.
 */
function* warningObservations(observations: readonly unknown[]): Steps<readonly unknown[]> {
  const candidates: unknown[] = [];
  for (let i = 0; i < observations.length; i++) {
    if (i % LIGHT_PASS_ITEMS === 0) yield;
    const resource = observations[i];
    if (mayBeWarning(record(resource)?.code)) candidates.push(resource);
  }
  const bloodPressureLike = candidates.some((resource) => {
    const r = record(resource)!;
    return (
      panelOf(r.code) !== undefined ||
      partOf(r.code) !== undefined ||
      array(r.component).some((c) => partOf(record(c)?.code) !== undefined)
    );
  });
  return bloodPressureLike ? observations : candidates;
}
