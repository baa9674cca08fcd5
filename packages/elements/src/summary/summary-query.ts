import {
  compareNewestFirst,
  medicationViews,
  type Medication,
  type MedicationsSection,
  type Problem,
  type ProblemsSection,
  type RiskWarning,
  type RisksWarningsSection,
} from '@dcr-elements/core';

/**
 * What each part of the summary picks from its section, and in which order: presentation only.
 * What is current, high-risk or end-of-life is decided by the core and read here as given.
 */

const byName = (a: Medication, b: Medication) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base', numeric: true });

/**
 * Current repeats and acutes of the last 12 months (the GP Connect HTML view's groups, on the
 * day the record was fetched), high-risk first, then repeats before acutes, then by name.
 */
export function summaryMedications(section: MedicationsSection, fetchedAt: string): Medication[] {
  const views = medicationViews(section, fetchedAt);
  const shown = [...new Set([...views.currentRepeat, ...views.recentAcute])];
  const rank = (m: Medication) => (m.highRisk ? 0 : 2) + (m.kind === 'repeat' ? 0 : 1);
  return shown.sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

/** Active problems, major before minor, then newest onset first (the HTML view's own order). */
export function activeProblems(section: ProblemsSection): Problem[] {
  const rank = (p: Problem) => (p.significance === 'major' ? 0 : 1);
  return section.entries
    .filter((p) => p.status === 'active')
    .sort((a, b) => rank(a) - rank(b) || compareNewestFirst(a.onset ?? a.date, b.onset ?? b.date));
}

/**
 * Active risks and warnings in the section's own order: core orders them by kind, end of life
 * and resuscitation first (`normalise/shared/derived-warnings.ts`, `WARNING_PRIORITY`).
 */
export function activeWarnings(section: RisksWarningsSection): RiskWarning[] {
  return section.entries.filter((w) => w.status === 'active');
}
