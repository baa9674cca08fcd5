/**
 * One reference resolver for every FHIR reference the R4 path follows: the patient check, and the
 * Medication, Practitioner, PractitionerRole, Organization and Encounter an entry points at.
 *
 * Rules (FHIR R4 https://hl7.org/fhir/R4/bundle.html#references and
 * https://hl7.org/fhir/R4/references.html), in order:
 * 1. `#id` is a contained resource of the resource holding the reference (`#` alone: the holder).
 * 2. A version-specific reference (`.../_history/n`) is read as its version-independent URL.
 * 3. An absolute reference (`urn:uuid:`, `urn:oid:`, `https://.../Type/id`) matches an entry's
 *    `fullUrl`.
 * 4. A relative `Type/id` is made absolute against the base of the holder's own RESTful
 *    `fullUrl` and matched to a `fullUrl`; failing that, it matches the resource of that type and
 *    id in the set (a search result or a bundle without fullUrls).
 * 5. An absolute RESTful URL that matches no fullUrl also falls back to its `Type/id` (departure
 *    from the spec, which would leave it external: a host's proxy rewrites server bases, as it
 *    does `next` links, so the base is not evidence of another server).
 * 6. A logical reference (`Reference.identifier`, no literal one resolved) matches the one
 *    resource carrying that identifier: NHS number for a Patient, ODS code for an Organization
 *    (https://hl7.org/fhir/R4/references.html#logical).
 */
import { NHS_NUMBER_SYSTEM, ODS_ORGANISATION_SYSTEM } from '../../model/common.js';
import { array, record, text, type Json } from './read.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';
import { ownValue } from '../../own-value.js';

/** One `Bundle.entry`: the resource and, where the bundle gives it, its `fullUrl`. */
export interface ReferenceEntry {
  fullUrl?: string;
  resource: unknown;
}

/** Finds the resource a FHIR Reference points at among a set of resources. */
export interface ReferenceIndex {
  /**
   * The resource `reference` (a FHIR Reference object) points at, read from the resource `from`
   * that holds it (needed for `#id` contained references and for relative references against
   * the holder's fullUrl); `undefined` when it is not in the set.
   */
  resolve(reference: unknown, from?: unknown): Json | undefined;
}

const HISTORY = /\/_history\/[^/]*$/;
/** `[base/]Type/id`: a RESTful reference (id per the FHIR id datatype, 1-64 characters). */
const RESTFUL = /^(?:(.*)\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
/** The system a logical reference implies when `Reference.type` is not given. */
const TYPE_OF_SYSTEM: Record<string, string> = {
  [NHS_NUMBER_SYSTEM]: 'Patient',
  [ODS_ORGANISATION_SYSTEM]: 'Organization',
};

const identifierKey = (type: string, system: string, value: string) =>
  `${type}|${system}|${value.replace(/ /g, '')}`;

/**
 * Resources by type, then id, the first of a repeated id kept: looked up as
 * `index.get(type)?.get(id)`, with no `type/id` string built per entry.
 */
export type ByTypeAndId = Map<string, Map<string, Json>>;

/** Adds `resource` to `index` unless its type already holds its id. */
export function addFirst(index: ByTypeAndId, type: string, id: string, resource: Json): void {
  let ids = index.get(type);
  if (!ids) index.set(type, (ids = new Map()));
  if (!ids.has(id)) ids.set(id, resource);
}

/** An index over the given entries. Never throws on malformed input. */
export function referenceIndex(entries: readonly ReferenceEntry[]): ReferenceIndex {
  return runNow(referenceIndexSteps(entries));
}

/** {@link referenceIndex} as steps (../turns.ts): a large record's index is itself long to build. */
export function* referenceIndexSteps(entries: readonly ReferenceEntry[]): Steps<ReferenceIndex> {
  const byFullUrl = new Map<string, Json>();
  const byLogicalId: ByTypeAndId = new Map();
  const byIdentifier = new Map<string, Json | null>(); // null: more than one resource, ambiguous
  const fullUrls = new WeakMap<object, string>();
  for (let i = 0; i < entries.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const entry = entries[i]!;
    const resource = record(entry.resource);
    const type = text(resource?.resourceType);
    if (!resource || !type) continue;
    const fullUrl = text(entry.fullUrl)?.replace(HISTORY, '');
    if (fullUrl) {
      if (!byFullUrl.has(fullUrl)) byFullUrl.set(fullUrl, resource);
      fullUrls.set(resource, fullUrl);
    }
    const id = text(resource.id);
    // The same resource may come twice (included by two searches): the first is kept.
    if (id) addFirst(byLogicalId, type, id, resource);
    for (const identifier of array(resource.identifier)) {
      const system = text(record(identifier)?.system);
      const value = text(record(identifier)?.value);
      if (!system || !value) continue;
      const key = identifierKey(type, system, value);
      const known = byIdentifier.get(key);
      const sameResource = known && id && text(known.id) === id;
      byIdentifier.set(key, known === undefined || sameResource ? resource : null);
    }
  }

  function resolveLiteral(literal: string, from: Json | undefined): Json | undefined {
    if (literal.startsWith('#')) {
      if (literal === '#') return from;
      const id = literal.slice(1);
      return array(from?.contained)
        .map(record)
        .find((c) => text(c?.id) === id);
    }
    if (byFullUrl.size === 0 && byLogicalId.size === 0) return undefined;
    // Without the holder's fullUrl the answer depends on the literal alone: every entry of a
    // search names its patient the same way, so it is read once (rules 2 to 5 above).
    const holderUrl = from && fullUrls.get(from);
    if (holderUrl) return fromLiteral(literal, holderUrl);
    let found = byHolderlessLiteral.get(literal);
    if (found === undefined) {
      found = fromLiteral(literal, undefined) ?? null;
      if (byHolderlessLiteral.size < 10_000) byHolderlessLiteral.set(literal, found);
    }
    return found ?? undefined;
  }
  const byHolderlessLiteral = new Map<string, Json | null>();

  function fromLiteral(literal: string, holderUrl: string | undefined): Json | undefined {
    const url = literal.replace(HISTORY, '');
    const exact = byFullUrl.get(url);
    if (exact) return exact;
    const restful = RESTFUL.exec(url);
    if (!restful) return undefined; // an unmatched urn:uuid / urn:oid is not in this set
    const [, base, type, id] = restful;
    if (base === undefined && holderUrl) {
      const holderBase = RESTFUL.exec(holderUrl)?.[1];
      const absolute = holderBase && byFullUrl.get(`${holderBase}/${type}/${id}`);
      if (absolute) return absolute;
    }
    return byLogicalId.get(type!)?.get(id!);
  }

  return {
    resolve(reference, from) {
      const ref = record(reference);
      if (!ref) return undefined;
      const literal = text(ref.reference);
      const found = literal ? resolveLiteral(literal, record(from)) : undefined;
      if (found) return found;
      const identifier = record(ref.identifier);
      const system = text(identifier?.system);
      const value = text(identifier?.value);
      const type = text(ref.type) ?? ownValue(TYPE_OF_SYSTEM, system);
      if (!system || !value || !type) return undefined;
      return byIdentifier.get(identifierKey(type, system, value)) ?? undefined;
    },
  };
}

/** Resolves only contained (`#id`) references: for callers that hold no set of resources. */
export const CONTAINED_ONLY: ReferenceIndex = /* @__PURE__ */ referenceIndex([]);

/**
 * The entries of a Bundle (or an array of resources, as entries without fullUrls). A resource
 * sent without an id under a `urn:uuid:` fullUrl (as transaction bundles do) takes the uuid as
 * its id, so it can be shown and referred to like any other.
 */
export function bundleEntries(bundleOrResources: unknown): ReferenceEntry[] {
  if (Array.isArray(bundleOrResources)) return bundleOrResources.map((resource) => ({ resource }));
  const entries: ReferenceEntry[] = [];
  for (const item of array(record(bundleOrResources)?.entry)) {
    const entry = record(item);
    const resource = record(entry?.resource);
    const fullUrl = text(entry?.fullUrl);
    const uuid = fullUrl?.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : undefined;
    entries.push({
      resource: resource && !text(resource.id) && uuid ? { ...resource, id: uuid } : resource,
      ...(fullUrl && { fullUrl }),
    });
  }
  return entries;
}

/** The patient whose record is read: its id at the source, and its NHS number when known. */
export interface PatientIdentity {
  id: string;
  nhsNumber?: string;
}

/**
 * True when `reference` (held by `from`) points at the patient. A reference that resolves must
 * resolve to a Patient with the patient's id or NHS number; one that does not resolve must say
 * `Patient/<id>` (relative or absolute, any version) or carry the patient's NHS number as its
 * identifier. An unresolved `urn:uuid:` or anything else is not the patient.
 */
export function refersToPatient(
  reference: unknown,
  from: unknown,
  patient: PatientIdentity,
  index: ReferenceIndex = CONTAINED_ONLY,
): boolean {
  const ref = record(reference);
  if (!ref) return false;
  const target = index.resolve(ref, from);
  if (target) {
    if (target.resourceType !== 'Patient') return false;
    if (text(target.id) === patient.id) return true;
    return patient.nhsNumber !== undefined && nhsNumberOf(target) === patient.nhsNumber;
  }
  const literal = text(ref.reference);
  if (literal) return namesPatient(literal, patient);
  const identifier = record(ref.identifier);
  return (
    patient.nhsNumber !== undefined &&
    text(identifier?.system) === NHS_NUMBER_SYSTEM &&
    text(identifier?.value)?.replace(/ /g, '') === patient.nhsNumber
  );
}

/** Each literal's verdict per patient: every entry of a search names its patient the same way. */
const literalVerdicts = new WeakMap<PatientIdentity, Map<string, boolean>>();
/** Whether an unresolved literal reference says `Patient/<id>` (relative or absolute, any version). */
function namesPatient(literal: string, patient: PatientIdentity): boolean {
  let verdicts = literalVerdicts.get(patient);
  if (!verdicts) literalVerdicts.set(patient, (verdicts = new Map()));
  let verdict = verdicts.get(literal);
  if (verdict === undefined) {
    const restful = RESTFUL.exec(literal.replace(HISTORY, ''));
    verdict = restful?.[2] === 'Patient' && restful[3] === patient.id;
    if (verdicts.size < 1000) verdicts.set(literal, verdict);
  }
  return verdict;
}

function nhsNumberOf(patient: Json): string | undefined {
  return text(
    array(patient.identifier)
      .map(record)
      .find((i) => i?.system === NHS_NUMBER_SYSTEM)?.value,
  )?.replace(/ /g, '');
}
