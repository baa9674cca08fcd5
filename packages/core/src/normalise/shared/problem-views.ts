import type { Problem, ProblemsSection } from '../../model/clinical.js';
import { compareNewestFirst } from './compare-dates.js';

/**
 * The groups of the GP Connect HTML view's Problems and Issues section (GitHub
 * `nhsconnect/gpconnect`, `pages/accessrecord/accessrecord_view_problems.md`: "Active Problems
 * and Issues", "Inactive Problems and Issues", each with a Significance column), with the
 * inactive ones split by significance so a significant past problem is never read among minor
 * ones, computed from the model so every view groups problems the same way.
 */
export interface ProblemViews {
  /** Problems whose status is active, newest onset first. */
  active: Problem[];
  /**
   * Past (inactive or resolved) problems of major significance, newest onset first; with them,
   * past problems whose significance the source did not say, since calling one minor would
   * understate it (GP Connect requires major or minor; UK Core makes the extension optional).
   */
  significantPast: Problem[];
  /** Past problems of minor significance, newest onset first. */
  minorPast: Problem[];
}

/**
 * Newest onset first; problems without an onset last. The HTML view orders active problems by
 * start date and inactive ones by end date; onset is used for both, so one order runs through
 * the list and a problem keeps its place when it is resolved.
 */
const newestOnsetFirst = (a: Problem, b: Problem) => compareNewestFirst(a.onset, b.onset);

export function problemViews(section: ProblemsSection): ProblemViews {
  const views: ProblemViews = { active: [], significantPast: [], minorPast: [] };
  for (const problem of [...section.entries].sort(newestOnsetFirst)) {
    if (problem.status === 'active') views.active.push(problem);
    else if (problem.significance === 'minor') views.minorPast.push(problem);
    else views.significantPast.push(problem);
  }
  return views;
}
