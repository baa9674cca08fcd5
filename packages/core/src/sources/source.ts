import type { DemographicsSection } from '../model/demographics.js';

/** What a source is asked for: the host's identity of the patient, and a signal to stop. */
export interface SourceRequest {
  /** Ten-digit NHS number, already validated. */
  nhsNumber: string;
  signal?: AbortSignal;
}

/**
 * A place a record comes from. Sources fetch and normalise; they decide nothing about consent or
 * access (that is the session's job, which calls them only with a grant).
 */
export interface RecordSource {
  readonly kind: 'fhir-r4' | 'gp-connect' | 'static';
  demographics(request: SourceRequest): Promise<DemographicsSection>;
}
