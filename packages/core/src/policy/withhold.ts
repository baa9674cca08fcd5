import type { Entry, EntrySection, WithheldCounts } from '../model/common.js';
import type { InvestigationsSection } from '../model/clinical.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import { seriesOf } from '../normalise/shared/investigation-series.js';
import { isPrivate, type AccessPolicy } from './policy.js';
import type { ViewerContext } from './viewer.js';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/**
 * Why an entry must not be shown to this viewer, or `undefined` when it may be. Private entries
 * are shown only to the organisation that recorded them; an entry whose recorder is unknown is
 * treated as recorded elsewhere.
 */
export async function withholdingReason(
  entry: Entry,
  viewer: ViewerContext,
  policy: AccessPolicy,
): Promise<keyof WithheldCounts | undefined> {
  if (isPrivate(entry.security) && entry.provenance.organisation !== viewer.organisation)
    return 'private';
  const labelled = (entry.security ?? []).some(
    (s) => s.system === ACT_CODE && policy.sensitiveLabels.includes(s.code),
  );
  if (labelled || entry.codes.some((c) => policy.sensitiveCodes.includes(c.code)))
    return 'sensitive';
  if (policy.sensitiveHook && (await policy.sensitiveHook(entry))) return 'sensitive';
  return undefined;
}

/**
 * The section as this viewer may see it, with `withheld` counting what was left out (for the
 * notice, which reveals how many, never what). Demographics pass unchanged.
 */
export async function applyEntryPolicy<K extends SectionName>(
  section: K,
  value: SectionValues[K],
  viewer: ViewerContext,
  policy: AccessPolicy,
): Promise<SectionValues[K]> {
  if (section === 'demographics') return value;
  const withheld: WithheldCounts = { private: 0, sensitive: 0 };
  const entries = (value as EntrySection<Entry>).entries;
  const kept: Entry[] = [];
  for (const entry of entries) {
    const reason = await withholdingReason(entry, viewer, policy);
    if (reason) withheld[reason]++;
    else kept.push(entry);
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
  return filtered;
}
