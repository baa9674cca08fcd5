import type { Entry, EntrySection, WithheldCounts } from '../model/common.js';
import type { InvestigationsSection, ProblemsSection, RiskWarning } from '../model/clinical.js';
import { applyEndings } from '../normalise/shared/derived-warnings.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import { seriesOf } from '../normalise/shared/investigation-series.js';
import { keepLinksWithin } from '../normalise/shared/problem-links.js';
import { hasSensitiveLabel, isPrivate, type AccessPolicy } from './policy.js';

export { resolvePolicy } from './policy.js';
import {
  codingsIn,
  matcherFor,
  namesSensitiveMedicine,
  namesSensitiveTerm,
} from './sensitive-match.js';
import type { ViewerContext } from './viewer.js';

type Reason = 'private' | 'sensitive' | 'sensitive-by-hook';

/**
 * Private entries are shown only to the organisation the source proves recorded them
 * (`provenance.recorderOrganisation`): an unresolvable recorder counts as elsewhere, even when the
 * viewer is the registered practice the provenance fell back to. Sensitive entries are withheld
 * from everyone: by label, by a code in any coded field, by the medicine they name (medications
 * only), by the words of their coded terms (not allergies), then by the host's hook.
 */
async function classify(
  entry: Entry,
  viewer: ViewerContext,
  policy: AccessPolicy,
  section: SectionName | undefined,
): Promise<Reason | undefined> {
  if (isPrivate(entry.security) && entry.provenance.recorderOrganisation !== viewer.organisation)
    return 'private';
  if (hasSensitiveLabel(entry.security, policy.sensitiveLabels)) return 'sensitive';
  const matcher = matcherFor(policy.sensitiveCodes);
  if (codingsIn(entry).some((coding) => matcher.matches(coding))) return 'sensitive';
  if (section === 'medications' && namesSensitiveMedicine(entry, policy.sensitiveMedicines))
    return 'sensitive';
  // Allergies are not read by term: hiding an allergy is the greater hazard (their codes and
  // labels still apply).
  if (section !== 'allergies' && namesSensitiveTerm(entry, policy.sensitiveTerms))
    return 'sensitive';
  if (policy.sensitiveHook && (await policy.sensitiveHook(entry))) return 'sensitive-by-hook';
  return undefined;
}

/**
 * Why an entry must not be shown to this viewer, or `undefined` when it may be. Give the section
 * the entry belongs to so medicines are also matched by name.
 */
export async function withholdingReason(
  entry: Entry,
  viewer: ViewerContext,
  policy: AccessPolicy,
  section?: SectionName,
): Promise<'private' | 'sensitive' | undefined> {
  const reason = await classify(entry, viewer, policy, section);
  return reason === 'sensitive-by-hook' ? 'sensitive' : reason;
}

/**
 * The section as this viewer may see it, with `withheld` counting what was left out (for the
 * notice, which reveals how many, never what). `withheld.sensitiveByHook` (present when the
 * policy has a hook) says how many of the sensitive ones the host's hook withheld, for the
 * session to audit as a count. Demographics pass unchanged.
 */
export async function applyEntryPolicy<K extends SectionName>(
  section: K,
  value: SectionValues[K],
  viewer: ViewerContext,
  policy: AccessPolicy,
): Promise<SectionValues[K]> {
  if (section === 'demographics') return value;
  const withheld: WithheldCounts = {
    private: 0,
    sensitive: 0,
    ...(policy.sensitiveHook && { sensitiveByHook: 0 }),
  };
  const entries = (value as EntrySection<Entry>).entries;
  const kept: Entry[] = [];
  /** Source entries already counted, so an entry that is a warning and ends one counts once. */
  const counted = new Set<string>();
  const count = (reason: Awaited<ReturnType<typeof classify>>, sourceId?: string) => {
    if (!reason || (sourceId !== undefined && counted.has(sourceId))) return;
    if (sourceId !== undefined) counted.add(sourceId);
    if (reason === 'sensitive-by-hook') {
      withheld.sensitive++;
      withheld.sensitiveByHook = (withheld.sensitiveByHook ?? 0) + 1;
    } else withheld[reason]++;
  };
  for (const entry of entries) {
    const reason = await classify(entry, viewer, policy, section);
    count(reason, section === 'risksWarnings' ? sourceIdOf(entry) : undefined);
    if (!reason) kept.push(entry);
  }
  const filtered = {
    ...(value as EntrySection<Entry>),
    entries: kept,
    withheld,
  } as SectionValues[K];
  if (section === 'investigations' && kept.length !== entries.length) {
    // Trends must not point at withheld results.
    const investigations = filtered as InvestigationsSection;
    investigations.series = seriesOf(investigations.entries);
  }
  if (section === 'risksWarnings') {
    // An entry this viewer may not see never ends a warning they do (nor shows by its effect):
    // it is counted as withheld, and the warning is judged by the entries left.
    for (const [index, warning] of (kept as RiskWarning[]).entries()) {
      if (!warning.endedBy) continue;
      const visible: Entry[] = [];
      for (const ending of warning.endedBy) {
        const reason = await classify(ending, viewer, policy, undefined);
        count(reason, ending.id);
        if (!reason) visible.push(ending);
      }
      if (visible.length !== warning.endedBy.length)
        kept[index] = applyEndings({ ...warning, endedBy: visible });
    }
  }
  if (section === 'problems' && kept.length !== entries.length) {
    // A link must not point at, or hint at, a withheld problem.
    const problems = filtered as ProblemsSection;
    problems.entries = keepLinksWithin(problems.entries);
  }
  return filtered;
}

/** The source entry a derived warning was found in (a Flag is its own source). */
function sourceIdOf(entry: Entry): string {
  return (entry as RiskWarning).derivedFrom?.id ?? entry.id;
}
