// What fhirR4Source needs once a record is read (after consent), loaded then as one chunk: the
// searches of each section and their batches, paging, the recorders' look-ups and the normalisers.
import { RecordError } from '../http/errors.js';
import type { FetchLike, RetryPolicy } from '../http/fetch-json.js';
import { ODS_ORGANISATION_SYSTEM, SNOMED_CT, countIn, emptyDiagnostics } from '../model/common.js';
import type { DemographicsSection } from '../model/demographics.js';
import type { SectionName } from '../model/sections.js';
import type { NormaliseOptions } from '../normalise/options.js';
import {
  R4_SECTION_TYPES,
  demographicsFromR4,
  normaliseOptions,
  practitionerRoleReferences,
  r4InTurns,
  type R4Context,
} from '../normalise/r4/index.js';
import { REFERRAL_CATEGORY } from '../normalise/shared/encounters.js';
import { array, record, text } from '../normalise/shared/read.js';
import {
  bundleEntries,
  referenceIndexSteps,
  type ReferenceEntry,
} from '../normalise/shared/references.js';
import { inTurns } from '../normalise/turns.js';
import { batchedGet, type Lane } from './fhir-batch.js';
import type { SectionPromises, SourceRequest } from './source.js';

/** fhirR4Source's options, resolved. */
export interface R4Config {
  baseUrl: string;
  fetchFn: FetchLike;
  headers?: Record<string, string>;
  retry: RetryPolicy;
  pageSize: number;
  maxPages: number;
  batch: boolean;
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

/** The sections of the first clinically useful paint: their searches go in a batch of their own. */
const FIRST_LANE: readonly ClinicalSection[] = ['allergies', 'medications'];
const laneOf = (section: ClinicalSection): Lane =>
  FIRST_LANE.includes(section) ? 'first' : 'rest';

const searchKey = (search: Search) =>
  `${search.resourceType}?${new URLSearchParams(search.params)}`;

/** The reading half of one fhirR4Source: made once, when its first section is read. */
export function r4Reader(config: R4Config) {
  const { baseUrl, pageSize, maxPages } = config;
  const get = batchedGet({ ...config, enabled: config.batch });

  /**
   * Every entry of a search (matches and `_include`d resources, each with its fullUrl, so
   * references between them resolve), following `Bundle.link[next]` page by page.
   */
  async function searchAll(
    search: Search,
    patientId: string,
    lane: Lane,
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
      const bundle = record(await get(url, lane, signal));
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
    lane: Lane,
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
    const bundle = record(await get(`${baseUrl}/PractitionerRole?${query}`, lane, signal));
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
    /** The patient the lookup (`Patient/_search` by NHS number) found: exactly one, or an error. */
    patientFrom(bundle: unknown, nhsNumber: string): DemographicsSection {
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
    },

    /** The clinical sections, read once `patient` is found. */
    fetchSections<K extends ClinicalSection>(
      sections: readonly K[],
      request: SourceRequest,
      patient: Promise<DemographicsSection>,
    ): SectionPromises<K> {
      let normaliseWith: NormaliseOptions | undefined;
      const searches = new Map<string, Promise<ReferenceEntry[]>>();
      const run = (search: Search, lane: Lane) => {
        const key = searchKey(search);
        let pending = searches.get(key);
        if (!pending) {
          pending = patient.then(({ patient: p }) => searchAll(search, p.id, lane, request.signal));
          searches.set(key, pending);
        }
        return pending;
      };
      // Sections with the same searches share one array and one context, so what they have in
      // common (recorder look-ups, a shared normaliser pass) happens once.
      const groups = new Map<string, Promise<{ resources: unknown[]; context: R4Context }>>();
      const read = (section: ClinicalSection) => {
        const group = SEARCHES[section];
        const lane = laneOf(section);
        const key = group.map(searchKey).join('&');
        let pending = groups.get(key);
        if (!pending) {
          pending = Promise.all([patient, ...group.map((s) => run(s, lane))]).then(
            async ([found, ...results]) => {
              const entries = results.flat();
              // The section reads its own types; `_include`d and other resources serve references.
              const types = R4_SECTION_TYPES[section];
              const resources = entries
                .map((entry) => entry.resource)
                .filter((r) => types.includes(String(record(r)?.resourceType)));
              const context: R4Context = {
                patientId: found.patient.id,
                nhsNumber: found.patient.nhsNumber,
                // In turns: a large record's index is itself long to build (normalise/turns.ts).
                references: await inTurns(referenceIndexSteps(entries), request.signal),
                options: (normaliseWith ??= normaliseOptions(config.normalise)),
                recorderOrganisations: await recorderOrganisations(
                  practitionerRoleReferences(resources),
                  lane,
                  request.signal,
                ),
                ...(found.patient.registeredPractice && {
                  organisation: found.patient.registeredPractice,
                }),
              };
              return { resources, context };
            },
          );
          groups.set(key, pending);
        }
        return pending;
      };
      const promises: Partial<Record<ClinicalSection, Promise<unknown>>> = {};
      for (const section of sections)
        // In turns: a large record must not hold the page (normalise/turns.ts).
        promises[section] = read(section).then(({ resources, context }) =>
          r4InTurns(section, resources, context, request.signal),
        );
      return promises as SectionPromises<K>;
    },
  };
}

export type R4Reader = ReturnType<typeof r4Reader>;
