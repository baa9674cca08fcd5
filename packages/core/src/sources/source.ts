import type { SectionName, SectionValues } from '../model/sections.js';

/** What a source is asked for: the host's identity of the patient, and a signal to stop. */
export interface SourceRequest {
  /** Ten-digit NHS number, already validated. */
  nhsNumber: string;
  signal?: AbortSignal;
}

/** One promise per requested section, so each can be published as soon as it arrives. */
export type SectionPromises<K extends SectionName> = { [S in K]: Promise<SectionValues[S]> };

/**
 * A place a record comes from. Sources fetch and normalise; they decide nothing about consent or
 * access (that is the session's job, which calls them only with a grant). A source may serve many
 * sections with one request (GP Connect) or with searches sent together as FHIR batches (R4).
 */
export interface RecordSource {
  readonly kind: 'fhir-r4' | 'gp-connect' | 'static';
  fetchSections<K extends SectionName>(
    sections: readonly K[],
    request: SourceRequest,
  ): SectionPromises<K>;
}
