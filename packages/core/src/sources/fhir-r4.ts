import { RecordError } from '../http/errors.js';
import { fetchJson, type FetchLike } from '../http/fetch-json.js';
import { NHS_NUMBER_SYSTEM, countIn, emptyDiagnostics } from '../model/common.js';
import type { DemographicsSection } from '../model/demographics.js';
import type { SectionName } from '../model/sections.js';
import { demographicsFromR4 } from '../normalise/r4/demographics.js';
import type { RecordSource, SectionPromises, SourceRequest } from './source.js';

export interface FhirR4SourceOptions {
  /** Base URL of the host's FHIR R4 proxy, e.g. `/fhir/r4`. */
  baseUrl: string;
  /** Injected for tests and for hosts that wrap fetch; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Extra headers on every request (e.g. the host's session token). */
  headers?: Record<string, string>;
}

/** A source that reads the record from a FHIR R4 (UK Core) server. */
export function fhirR4Source(options: FhirR4SourceOptions): RecordSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function demographics({ nhsNumber, signal }: SourceRequest): Promise<DemographicsSection> {
    // POST _search keeps the NHS number out of the URL (and so out of proxy and server logs).
    const bundle = (await fetchJson(fetchFn, {
      url: `${baseUrl}/Patient/_search`,
      form: { identifier: `${NHS_NUMBER_SYSTEM}|${nhsNumber}` },
      headers: options.headers,
      signal,
    })) as fhir4.Bundle;
    const diagnostics = emptyDiagnostics();
    const matches = [];
    for (const entry of Array.isArray(bundle?.entry) ? bundle.entry : []) {
      const patient = demographicsFromR4(entry?.resource as fhir4.Patient);
      if (!patient) countIn(diagnostics.unparseable, 'Patient without id or NHS number');
      else if (patient.nhsNumber !== nhsNumber) countIn(diagnostics.dropped, 'different patient');
      else matches.push(patient);
    }
    if (matches.length === 0) throw new RecordError('not-found');
    // Two records for one NHS number is a data-quality failure, not something to guess between.
    if (matches.length > 1) throw new RecordError('invalid');
    return { patient: matches[0]!, diagnostics };
  }

  return {
    kind: 'fhir-r4',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const section of sections) {
        promises[section] =
          section === 'demographics'
            ? demographics(request)
            : Promise.reject(new RecordError('invalid'));
      }
      return promises as SectionPromises<K>;
    },
  };
}
