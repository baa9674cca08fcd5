import { RecordError } from '../http/errors.js';
import {
  DEFAULT_RETRY_POLICY,
  fetchJson,
  type FetchLike,
  type RetryPolicy,
} from '../http/fetch-json.js';
import {
  NHS_NUMBER_SYSTEM,
  ODS_ORGANISATION_SYSTEM,
  SNOMED_CT,
  countIn,
  emptyDiagnostics,
} from '../model/common.js';
import type { DemographicsSection } from '../model/demographics.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import type { NormaliseOptions } from '../normalise/options.js';
import type { R4Context } from '../normalise/r4/context.js';
import { demographicsFromR4 } from '../normalise/r4/demographics.js';
import { REFERRAL_CATEGORY } from '../normalise/shared/encounters.js';
import { array, record, text } from '../normalise/shared/read.js';
import {
  bundleEntries,
  referenceIndex,
  type ReferenceEntry,
} from '../normalise/shared/references.js';
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
}

type ClinicalSection = Exclude<SectionName, 'demographics'>;

interface Search {
  resourceType: string;
  params?: Record<string, string>;
}

/** The UK Core searches that answer each section. Sections sharing a search share its request. */
const SEARCHES: Record<ClinicalSection, Search[]> = {
  allergies: [{ resourceType: 'AllergyIntolerance' }],
  medications: [
    { resourceType: 'MedicationRequest', params: { _include: 'MedicationRequest:medication' } },
    { resourceType: 'MedicationStatement', params: { _include: 'MedicationStatement:medication' } },
  ],
  problems: [{ resourceType: 'Condition' }],
  diagnoses: [{ resourceType: 'Condition' }],
  // Flags, and the searches warnings are derived from: shared with problems, investigations and
  // procedures when they are asked for together.
  risksWarnings: [
    { resourceType: 'Flag' },
    { resourceType: 'Condition' },
    { resourceType: 'Observation' },
    { resourceType: 'Procedure' },
  ],
  procedures: [{ resourceType: 'Procedure' }],
  // Every category: observations outside laboratory and vital signs (social history, exam, none)
  // are shown too, never left unfetched.
  investigations: [{ resourceType: 'Observation' }],
  bloodPressure: [{ resourceType: 'Observation' }],
  immunisations: [{ resourceType: 'Immunization' }],
  events: [
    { resourceType: 'Encounter' },
    { resourceType: 'ServiceRequest', params: { category: `${SNOMED_CT}|${REFERRAL_CATEGORY}` } },
  ],
};

/**
 * The R4 normalisers (and the code sets they carry) are a separate chunk, loaded when the first
 * clinical section is read, in parallel with its searches: a host pays for them once it reads a
 * record, not on page load. One chunk for every section, so any page makes the same requests.
 */
const normalisers = () => import('../normalise/r4/index.js');

const searchKey = (search: Search) =>
  `${search.resourceType}?${new URLSearchParams(search.params)}`;

/** A source that reads the record from a FHIR R4 (UK Core) server, one search per section. */
export function fhirR4Source(options: FhirR4SourceOptions): RecordSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 500;
  const get = (url: string, signal?: AbortSignal) =>
    fetchJson(fetchFn, { url, headers: options.headers, signal }, retry);

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
    const result = findPatient(nhsNumber, signal);
    if (signal) lookups.set(signal, { nhsNumber, result });
    return result;
  }

  async function findPatient(
    nhsNumber: string,
    signal?: AbortSignal,
  ): Promise<DemographicsSection> {
    // POST _search keeps the NHS number out of the URL (and so out of proxy and server logs).
    const bundle = await fetchJson(
      fetchFn,
      {
        url: `${baseUrl}/Patient/_search`,
        form: { identifier: `${NHS_NUMBER_SYSTEM}|${nhsNumber}` },
        headers: options.headers,
        signal,
      },
      retry,
    );
    const diagnostics = emptyDiagnostics();
    const matches = [];
    for (const entry of array(record(bundle)?.entry)) {
      const patient = demographicsFromR4(record(entry)?.resource);
      if (!patient) countIn(diagnostics.unparseable, 'Patient without id or NHS number');
      else if (patient.nhsNumber !== nhsNumber) countIn(diagnostics.dropped, 'another patient');
      else matches.push(patient);
    }
    if (matches.length === 0) throw new RecordError('not-found');
    // Two records for one NHS number is a data-quality failure, not something to guess between,
    // and not something asking again will mend: the session says so (`ambiguous`).
    if (matches.length > 1) throw new RecordError('ambiguous');
    return { patient: matches[0]!, diagnostics };
  }

  /**
   * Every entry of a search (matches and `_include`d resources, each with its fullUrl, so
   * references between them resolve), following `Bundle.link[next]` page by page.
   */
  async function searchAll(
    search: Search,
    patientId: string,
    signal?: AbortSignal,
  ): Promise<ReferenceEntry[]> {
    const query = new URLSearchParams({
      patient: patientId,
      ...search.params,
      _count: String(pageSize),
    });
    let url: string | undefined = `${baseUrl}/${search.resourceType}?${query}`;
    const entries: ReferenceEntry[] = [];
    for (let page = 0; url; page++) {
      if (page >= maxPages) throw new RecordError('server');
      const bundle = record(await get(url, signal));
      if (bundle?.resourceType !== 'Bundle') throw new RecordError('server');
      entries.push(...bundleEntries(bundle));
      const next = array(bundle.link)
        .map(record)
        .find((link) => link?.relation === 'next')?.url;
      url = typeof next === 'string' ? rebase(next, search.resourceType) : undefined;
    }
    return entries;
  }

  /**
   * The organisation of each PractitionerRole that recorded an entry: needed for the private-entry
   * rule (shown only to the organisation that recorded it). One request for all of a section's
   * roles; roles whose organisation cannot be read stay unknown, which the rule treats as "elsewhere".
   */
  async function recorderOrganisations(
    references: string[],
    signal?: AbortSignal,
  ): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (references.length === 0) return result;
    const ids = references.map((r) => r.slice('PractitionerRole/'.length));
    const query = new URLSearchParams({
      _id: ids.join(','),
      _include: 'PractitionerRole:organization',
      _count: String(pageSize),
    });
    const bundle = record(await get(`${baseUrl}/PractitionerRole?${query}`, signal));
    const resources = array(bundle?.entry).map((entry) => record(record(entry)?.resource));
    const odsOf = (identifier: unknown) =>
      array(identifier)
        .map(record)
        .find((i) => i?.system === ODS_ORGANISATION_SYSTEM)?.value;
    const organisations = new Map<string, string>();
    for (const r of resources) {
      const ods = text(odsOf(r?.identifier));
      if (r?.resourceType === 'Organization' && ods)
        organisations.set(`Organization/${String(r.id)}`, ods);
    }
    for (const r of resources) {
      if (r?.resourceType !== 'PractitionerRole') continue;
      const organization = record(r.organization);
      const ods =
        text(odsOf(organization?.identifier)) ??
        organisations.get(text(organization?.reference) ?? '');
      if (ods) result.set(`PractitionerRole/${String(r.id)}`, ods);
    }
    return result;
  }

  /**
   * A server behind the host's proxy may write `next` links with its own base; keep the path
   * from the resource type on and put it under our base, so paging goes through the proxy too.
   */
  function rebase(next: string, resourceType: string): string {
    const at = next.indexOf(`/${resourceType}?`);
    return at >= 0 ? `${baseUrl}${next.slice(at)}` : next;
  }

  return {
    kind: 'fhir-r4',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      const patient = demographics(request);
      let normaliseWith: NormaliseOptions | undefined;
      const searches = new Map<string, Promise<ReferenceEntry[]>>();
      const run = (search: Search) => {
        const key = searchKey(search);
        let pending = searches.get(key);
        if (!pending) {
          pending = patient.then(({ patient: p }) => searchAll(search, p.id, request.signal));
          searches.set(key, pending);
        }
        return pending;
      };
      // Sections with the same searches share one array and one context, so what they have in
      // common (recorder look-ups, a shared normaliser pass) happens once.
      type R4 = Awaited<ReturnType<typeof normalisers>>;
      const groups = new Map<
        string,
        Promise<{ resources: unknown[]; context: R4Context; r4: R4 }>
      >();
      const read = (group: Search[], section: ClinicalSection) => {
        const key = group.map(searchKey).join('&');
        let pending = groups.get(key);
        if (!pending) {
          pending = Promise.all([patient, normalisers(), ...group.map(run)]).then(
            async ([found, r4, ...results]) => {
              const entries = results.flat();
              // The section reads its own types; `_include`d and other resources serve references.
              const types = r4.R4_SECTION_TYPES[section];
              const resources = entries
                .map((entry) => entry.resource)
                .filter((r) => types.includes(String(record(r)?.resourceType)));
              const context: R4Context = {
                patientId: found.patient.id,
                nhsNumber: found.patient.nhsNumber,
                references: referenceIndex(entries),
                options: (normaliseWith ??= r4.normaliseOptions(options.normalise)),
                recorderOrganisations: await recorderOrganisations(
                  r4.practitionerRoleReferences(resources),
                  request.signal,
                ),
                ...(found.patient.registeredPractice && {
                  organisation: found.patient.registeredPractice,
                }),
              };
              return { resources, context, r4 };
            },
          );
          groups.set(key, pending);
        }
        return pending;
      };
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const section of sections) {
        if (section === 'demographics') {
          promises.demographics = patient;
          continue;
        }
        const clinical = section as ClinicalSection;
        promises[section] = read(SEARCHES[clinical], clinical).then(
          ({ resources, context, r4 }) =>
            r4.R4_NORMALISERS[clinical](resources, context) as SectionValues[typeof clinical],
        );
      }
      // Each section's failure is reported through its own promise; none may go unhandled here.
      for (const promise of Object.values(promises)) promise?.catch(() => undefined);
      return promises as SectionPromises<K>;
    },
  };
}
