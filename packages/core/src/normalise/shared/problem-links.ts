import type { Problem } from '../../model/clinical.js';
import { array, extensionsNamed, record, text } from './read.js';

/**
 * Problems linked to problems. GP Connect ProblemHeader (`Extension-CareConnect-RelatedProblemHeader-1`,
 * GitHub `nhsconnect/gpconnect`, `pages/accessrecord_structured/accessrecord_structured_problems.md`)
 * and UK Core (`Extension-UKCore-RelatedProblemHeader`, `NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN`,
 * `structuredefinitions/Extension-UKCore-RelatedProblemHeader.xml`) write the same complex
 * extension: `type` (parent, child or sibling) and `target` (a Reference to the other problem).
 */
const RELATED_PROBLEM_EXTENSIONS = [
  'Extension-CareConnect-RelatedProblemHeader-1',
  'Extension-UKCore-RelatedProblemHeader',
];

const NO_TARGETS: readonly unknown[] = Object.freeze([]);

/** The `target` References of a problem's related-problem extensions (either form). */
export function relatedProblemTargets(resource: unknown): readonly unknown[] {
  // Most problems have no extension at all: nothing to look through, nothing to make.
  if (record(resource)?.extension === undefined) return NO_TARGETS;
  return RELATED_PROBLEM_EXTENSIONS.flatMap((name) => extensionsNamed(resource, name)).flatMap(
    (extension) =>
      array(extension.extension)
        .map(record)
        .filter((part) => text(part?.url) === 'target')
        .map((part) => part?.valueReference)
        .filter((reference) => record(reference) !== undefined),
  );
}

/**
 * Sets `linkedProblems` from the ids each problem's links resolved to: in both directions (a
 * link is a relationship between two problems, and suppliers write it on one side or on both),
 * never to itself, and only to problems in `problems` (GP Connect: a related problem may be left
 * out of the response by the search criteria).
 */
export function linkProblems(
  problems: readonly Problem[],
  targets: ReadonlyMap<string, readonly string[]>,
): Problem[] {
  const linked = new Map<string, Set<string>>();
  const link = (a: string, b: string) => linked.set(a, (linked.get(a) ?? new Set()).add(b));
  for (const [from, ids] of targets) {
    for (const to of ids) {
      link(from, to);
      link(to, from);
    }
  }
  return keepLinksWithin(
    problems.map((p) => {
      const ids = linked.get(p.id);
      // Most problems link to none: kept as they are, not copied (a record holds thousands).
      if (!ids && !('linkedProblems' in p)) return p;
      const { linkedProblems: _, ...rest } = p;
      return ids ? { ...rest, linkedProblems: [...ids] } : rest;
    }),
  );
}

/**
 * Each problem's links restricted to other problems in `problems`, in their order (absent when
 * none is left): after linking, and after the access policy has withheld some, so no link ever
 * points at (or hints at) a problem that is not shown.
 */
export function keepLinksWithin<T extends Problem>(problems: readonly T[]): T[] {
  if (!problems.some((p) => p.linkedProblems)) return [...problems];
  const order = new Map(problems.map((p, index) => [p.id, index]));
  return problems.map((p) => {
    if (!p.linkedProblems) return p;
    const kept = [...new Set(p.linkedProblems)]
      .filter((id) => id !== p.id && order.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!);
    const { linkedProblems: _, ...rest } = p;
    return (kept.length > 0 ? { ...rest, linkedProblems: kept } : rest) as T;
  });
}
