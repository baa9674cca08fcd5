/**
 * Risks and warnings from the record's coded entries. GP Connect Access Record Structured has no
 * warnings (Flag) area, yet a GP record says "on the palliative care register", "not for
 * cardiopulmonary resuscitation" or "subject to child protection plan" as ordinary coded
 * problems and observations. An A&E clinician must see these first, so every coded entry whose
 * code is in a shipped warning set (warning-codes.ts) becomes a warning that names its source
 * entry. Both sources call this one rule: GP Connect for its problems and uncategorised data,
 * FHIR R4 beside its Flags for its Conditions, Observations and Procedures.
 *
 * The hazard, said wherever the section is shown: a warning recorded with a code outside the
 * sets (or as free text) is not derived.
 */
import {
  emptyDiagnostics,
  type Entry,
  type SectionDiagnostics,
  type SectionWarning,
} from '../../model/common.js';
import type {
  RiskWarning,
  RisksWarningsSection,
  WarningSourceSection,
} from '../../model/clinical.js';
import { compareIsoDates, compareNewestFirst } from './compare-dates.js';
import { SUPERSEDING, WARNING_PRIORITY, warningKindOf } from './warning-codes.js';
import { LIGHT_PASS_ITEMS, runNow, type Steps } from '../turns.js';

/** Entries of one section to search for warnings. */
export interface WarningSource {
  section: WarningSourceSection;
  entries: readonly Entry[];
  warnings?: readonly SectionWarning[];
}

/** Statuses (of problems, diagnoses) that mean the entry no longer holds. */
const ENDED = new Set(['inactive', 'resolved']);
/** Statuses that mean it never happened: a procedure not done is no warning. */
const NOT_DONE = new Set(['not-done', 'cancelled']);

/** Source warnings that say entries may be missing: they concern derived warnings too. */
const CARRIED_WARNINGS = new Set<SectionWarning['code']>([
  'confidential-items',
  'data-awaiting-filing',
  'data-in-transit',
]);

/** Every warning the sources' entries carry, with the entries that end them applied. */
export function deriveWarnings(sources: readonly WarningSource[]): RiskWarning[] {
  return runNow(deriveWarningsSteps(sources));
}

/**
 * {@link deriveWarnings} as steps (../turns.ts): the sources together hold every problem,
 * diagnosis and result of the record, tens of thousands in a large one.
 */
function* deriveWarningsSteps(sources: readonly WarningSource[]): Steps<RiskWarning[]> {
  const warnings: RiskWarning[] = [];
  const endings = new Map<string, Ending[]>();
  let order = 0;
  for (const { section, entries } of sources) {
    for (let i = 0; i < entries.length; i++) {
      if (i % LIGHT_PASS_ITEMS === 0) yield;
      const entry = entries[i]!;
      // Something not done ends nothing and warns of nothing.
      if (NOT_DONE.has(entry.status)) continue;
      if (entry.date) {
        const ending: Ending = { order: order++, entry };
        for (const c of entry.codes)
          for (const ended of SUPERSEDING.get(c.code) ?? []) {
            const list = endings.get(ended);
            if (!list) endings.set(ended, [ending]);
            else if (list.at(-1) !== ending) list.push(ending);
          }
      }
      const kind = warningKindOf(entry.codes);
      if (!kind) continue;
      const ended = ENDED.has(entry.status);
      warnings.push({
        ...entry,
        id: `${section}/${entry.id}`,
        status: ended ? 'inactive' : 'active',
        category: [],
        kind,
        origin: 'derived',
        derivedFrom: { section, id: entry.id },
        ...(entry.date && { start: entry.date }),
        ...(ended &&
          (entry as { abated?: string }).abated && {
            end: (entry as { abated?: string }).abated,
          }),
      });
    }
  }
  for (let i = 0; i < warnings.length; i++) {
    if (i % LIGHT_PASS_ITEMS === 0) yield;
    const warning = warnings[i]!;
    if (warning.status !== 'active') continue;
    const later = laterEndings(warning, endings);
    if (later.length > 0) applyEndings(Object.assign(warning, { endedBy: later }));
  }
  return warnings;
}

/** A dated entry whose code ends warnings; `order` is its place among the sources' entries. */
interface Ending {
  order: number;
  entry: Entry;
}

/**
 * The entries that end `warning`, earliest first: those whose code ends the warning's code,
 * dated on a later day (or at a later time, when both have one). The same decision recorded
 * twice on one day ends neither; undated entries end nothing: their order is unknown. Endings
 * are found by the warning's codes, not by reading every ending for every warning: a record
 * with thousands of both would otherwise take their product.
 */
function laterEndings(warning: RiskWarning, endings: ReadonlyMap<string, Ending[]>): Entry[] {
  const start = warning.date;
  if (!start) return [];
  const found = new Set<Ending>();
  for (const c of warning.codes) for (const ending of endings.get(c.code) ?? []) found.add(ending);
  return [...found]
    .filter(({ entry }) => isLater(entry.date!, start))
    .sort((a, b) => a.order - b.order)
    .map(({ entry }) => entry)
    .sort((a, b) => compareIsoDates(a.date, b.date));
}

/** `a` after `b`: by instant when both carry a time, else by day at the coarser precision. */
function isLater(a: string, b: string): boolean {
  if (a.includes('T') && b.includes('T')) {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x > y;
  }
  const n = Math.min(a.length, b.length, 10);
  return a.slice(0, n) > b.slice(0, n);
}

/**
 * A derived warning's status from its `endedBy`: ended at the earliest of them, or active again
 * when none is left (the policy removed those the viewer may not see).
 */
export function applyEndings(warning: RiskWarning): RiskWarning {
  const first = warning.endedBy?.[0];
  if (!first) {
    delete warning.endedBy;
    delete warning.end;
    warning.status = 'active';
    return warning;
  }
  warning.status = 'inactive';
  if (first.date) warning.end = first.date;
  return warning;
}

/**
 * Warnings in the order they are shown: by kind (end of life and resuscitation first, see
 * `WARNING_PRIORITY`), active before ended, newest first.
 */
export function orderWarnings(warnings: RiskWarning[]): RiskWarning[] {
  const rank = (w: RiskWarning) => WARNING_PRIORITY.indexOf(w.kind);
  return warnings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.status !== 'active') - Number(b.status !== 'active') ||
      compareNewestFirst(a.date, b.date),
  );
}

/**
 * The section, as steps: `flags` (R4 only) and the warnings derived from `sources`, ordered. Its
 * diagnostics are the flags' own: an entry of another section that could not be read is counted
 * (and said) in that section, not twice. Its warnings carry the sources' notices that entries
 * may be missing (confidential items, data awaiting filing or in transit).
 */
export function* risksWarningsSectionSteps(
  sources: readonly WarningSource[],
  flags?: { entries: RiskWarning[]; diagnostics: SectionDiagnostics },
): Steps<RisksWarningsSection> {
  const diagnostics = flags?.diagnostics ?? emptyDiagnostics();
  const warnings: SectionWarning[] = [];
  for (const source of sources) {
    for (const w of source.warnings ?? []) {
      if (CARRIED_WARNINGS.has(w.code) && !warnings.some((x) => x.code === w.code))
        warnings.push(w);
    }
  }
  const derived = yield* deriveWarningsSteps(sources);
  return {
    entries: orderWarnings([...(flags?.entries ?? []), ...derived]),
    warnings,
    diagnostics,
    basis: flags ? 'flags-and-coded-entries' : 'coded-entries',
  };
}
