import type { FetchLike, RetryPolicy } from '../http/fetch-json.js';
import { NHS_NUMBER_SYSTEM } from '../model/common.js';
import type { DemographicsSection } from '../model/demographics.js';
import type { SectionName } from '../model/sections.js';
import type { NormaliseOptions } from '../normalise/options.js';
import { loadOnce } from '../load-once.js';
import type { R4Config } from './fhir-r4-read.js';
import type { RecordSource, SectionPromises, SourceRequest } from './source.js';

export interface FhirR4SourceOptions {
  /** Base URL of the host's FHIR R4 proxy, e.g. `/fhir/r4`. */
  baseUrl: string;
  /** Injected for tests and for hosts that wrap fetch; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Extra headers on every request (e.g. the host's session token). */
  headers?: Record<string, string>;
  /** Entries per page requested with `_count` (the server may send fewer). Default 100. */
  pageSize?: number;
  /** At most this many pages per search, against a server whose `next` links never end. */
  maxPages?: number;
  retry?: Partial<RetryPolicy>;
  normalise?: Partial<NormaliseOptions>;
  /**
   * Send the searches a page asks for together as one FHIR `batch` (a Bundle POSTed to
   * `baseUrl`), falling back to a GET each where the server has no batch (docs/connecting.md).
   * Default: `true`, or `false` when you pass your own `fetch` (it then sees each search as a GET
   * of its own, as it always has); set it to `true` to batch through your `fetch` too.
   */
  batch?: boolean;
}

/**
 * A source that reads the record from a FHIR R4 (UK Core) server: the patient by NHS number, then
 * the searches that answer each section, sent together as FHIR batches (two at most: the allergy
 * banner's and the medicines' searches in one, the rest in another).
 *
 * Nothing here runs before the session has a grant: the code that reads the record (searches,
 * batches, paging, normalisers) loads with the first section asked for, beside the patient lookup,
 * so a host pays for it once it reads a record, not on page load. The request code itself
 * (timeouts, retries, bounded bodies) is a small chunk asked for as the source is made: it is here
 * long before consent lets the patient lookup go.
 */
export function fhirR4Source(options: FhirR4SourceOptions): RecordSource {
  const given = { ...options }; // as they are now, not when the request code arrives
  const baseUrl = given.baseUrl.replace(/\/+$/, '');
  // A failed load (of either chunk) is asked again with the next section.
  const configured = loadOnce(() =>
    import('../http/fetch-json.js').then((http) => {
      const config: R4Config = {
        baseUrl,
        fetchFn: given.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        retry: { ...http.DEFAULT_RETRY_POLICY, ...given.retry },
        pageSize: given.pageSize ?? 100,
        maxPages: given.maxPages ?? 500,
        batch: given.batch ?? !given.fetch,
        ...(given.headers && { headers: given.headers }),
        ...(given.normalise && { normalise: given.normalise }),
      };
      return { fetchJson: http.fetchJson, config };
    }),
  );
  configured().catch(() => undefined);
  const load = loadOnce(() =>
    Promise.all([configured(), import('./fhir-r4-read.js')]).then(([{ config }, m]) =>
      m.r4Reader(config),
    ),
  );

  /**
   * The patient lookup, shared by every call made with the same abort signal (the store uses one
   * signal per patient), so sections asked for at different moments cost one lookup.
   */
  const lookups = new WeakMap<
    AbortSignal,
    { nhsNumber: string; result: Promise<DemographicsSection> }
  >();

  function demographics({ nhsNumber, signal }: SourceRequest): Promise<DemographicsSection> {
    const cached = signal && lookups.get(signal);
    if (cached && cached.nhsNumber === nhsNumber) return cached.result;
    // POST _search keeps the NHS number out of the URL (and so out of proxy and server logs). It
    // is sent at once; the reader that checks its answer loads meanwhile.
    const answer = configured().then(({ fetchJson, config }) =>
      fetchJson(
        config.fetchFn,
        {
          url: `${config.baseUrl}/Patient/_search`,
          form: { identifier: `${NHS_NUMBER_SYSTEM}|${nhsNumber}` },
          headers: config.headers,
          signal,
        },
        config.retry,
      ),
    );
    const result = Promise.all([answer, load()]).then(([bundle, r]) =>
      r.patientFrom(bundle, nhsNumber),
    );
    if (signal) lookups.set(signal, { nhsNumber, result });
    return result;
  }

  return {
    kind: 'fhir-r4',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      const patient = demographics(request);
      const clinical = sections.filter(
        (s): s is Exclude<K, 'demographics'> => s !== 'demographics',
      );
      const read = load().then((r) => r.fetchSections(clinical, request, patient));
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const section of sections)
        promises[section] =
          section === 'demographics'
            ? patient
            : read.then((p) => p[section as Exclude<K, 'demographics'>]);
      // Each section's failure is reported through its own promise; none may go unhandled here.
      for (const promise of Object.values(promises)) promise?.catch(() => undefined);
      return promises as SectionPromises<K>;
    },
  };
}
