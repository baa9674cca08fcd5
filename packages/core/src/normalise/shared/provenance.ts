import type { Provenance, SourceKind } from '../../model/common.js';

/**
 * The provenance both paths build for each entry: `source` and whichever of the other fields are
 * known, set one by one (shared/terms.ts, markTerm, says why not spread). `recorderOrganisation`
 * only when the entry's own references prove it: the private-entry rule reads nothing else.
 */
export function provenanceWith(
  source: SourceKind,
  organisation: string | undefined,
  recorderOrganisation: string | undefined,
  recorder: string | undefined,
  recorded: string | undefined,
): Provenance {
  const provenance: Provenance = { source };
  if (organisation) provenance.organisation = organisation;
  if (recorderOrganisation) provenance.recorderOrganisation = recorderOrganisation;
  if (recorder) provenance.recorder = recorder;
  if (recorded) provenance.recorded = recorded;
  return provenance;
}
