import {
  ANOTHER_OR_NO_PATIENT,
  ODS_ORGANISATION_SYSTEM,
  countIn,
  type Coding,
  type Entry,
  type Provenance,
  type SectionDiagnostics,
} from '../../model/common.js';
import type { NormaliseOptions } from '../options.js';
import { codingsOf, firstCodeOf } from '../shared/coding.js';
import { countImpossibleDates } from '../shared/dates.js';
import { array, record, text, type Json } from '../shared/read.js';
import {
  CONTAINED_ONLY,
  refersToPatient,
  type PatientIdentity,
  type ReferenceIndex,
} from '../shared/references.js';
import { practitionerLabel } from '../shared/names.js';
import { provenanceWith } from '../shared/provenance.js';
import { termOf } from '../shared/terms.js';

/** What the R4 normalisers know about the request besides the resources. */
export interface R4Context {
  /** Logical id of the patient the resources must belong to. */
  patientId: string;
  /** The patient's NHS number: a reference that resolves (or is logical) may name it instead of the id. */
  nhsNumber?: string;
  /**
   * Every resource the source holds for this request, with the bundles' fullUrls (see
   * `shared/references.ts`): `urn:uuid:` references, `_include`d resources, Practitioners and
   * Organizations resolve through it. Without it only `Patient/<id>` and contained references do.
   */
  references?: ReferenceIndex;
  /** ODS code used for provenance when an entry names no organisation (the registered practice). */
  organisation?: string;
  /** The organisation (ODS) of each PractitionerRole that recorded an entry, by `PractitionerRole/<id>`. */
  recorderOrganisations?: ReadonlyMap<string, string>;
  options: NormaliseOptions;
}

/**
 * Checks shared by every resource: the right type, an id, the right patient, not entered in
 * error. Returns the resource as a record when it may be read on, and counts it when not.
 */
export function admit(
  resource: unknown,
  resourceType: string,
  context: R4Context,
  diagnostics: SectionDiagnostics,
  patientField: 'subject' | 'patient' = 'subject',
): Record<string, unknown> | undefined {
  const r = record(resource);
  if (!r || r.resourceType !== resourceType) {
    countIn(diagnostics.unparseable, `not a ${resourceType}`);
    return undefined;
  }
  if (!text(r.id)) {
    countIn(diagnostics.unparseable, `${resourceType} without id`);
    return undefined;
  }
  const check = (diagnostics.patientCheck ??= { checked: 0, failed: 0 });
  check.checked++;
  if (!refersToPatient(r[patientField], r, patientOf(context), context.references)) {
    check.failed++;
    countIn(diagnostics.dropped, ANOTHER_OR_NO_PATIENT);
    return undefined;
  }
  if (
    statusCode(r.status) === 'entered-in-error' ||
    statusCode(r.verificationStatus) === 'entered-in-error' ||
    statusCode(r.clinicalStatus) === 'entered-in-error'
  ) {
    countIn(diagnostics.dropped, 'entered in error');
    return undefined;
  }
  countImpossibleDates(r, diagnostics);
  return r;
}

const patients = new WeakMap<R4Context, PatientIdentity>();
/** The patient the context's resources must belong to: one object per context, not per resource. */
function patientOf(context: R4Context): PatientIdentity {
  let patient = patients.get(context);
  if (!patient)
    patients.set(context, (patient = { id: context.patientId, nhsNumber: context.nhsNumber }));
  return patient;
}

/** A status that is either a code string or a CodeableConcept (as clinicalStatus is). */
export function statusCode(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return firstCodeOf(value);
}

/**
 * The fields every entry carries; `undefined` (and counted) when nothing names the entry. The
 * name comes from `concept` (default `r.code`) by the term rule (shared/terms.ts): a degraded
 * entry by its original term, one known only by its term marked uncoded, never dropped; `codes`
 * from the caller are used when the concept has no coding of its own. `codes` undefined: the
 * concept's own codings (read once, by the term rule, not again by the caller).
 */
export function entryBase(
  r: Record<string, unknown>,
  codes: Coding[] | undefined,
  status: string,
  date: string | undefined,
  context: R4Context,
  diagnostics: SectionDiagnostics,
  concept: unknown = r.code,
): Entry | undefined {
  const term = termOf(concept) ?? (codes && termOf({ coding: codes }));
  // Codes with neither a display nor a text would show as a bare number: counted, as before.
  if (
    !term ||
    (!term.degraded &&
      !term.uncoded &&
      term.display === term.codes[0]?.code &&
      /^\d+$/.test(term.display))
  ) {
    countIn(diagnostics.unparseable, `${String(r.resourceType)} without a coded display`);
    return undefined;
  }
  const security = record(r.meta)?.security;
  const labels =
    security === undefined ? undefined : array(security).flatMap((s) => codingsOf({ coding: [s] }));
  // Built field by field, in the order the fields have always had: one object per entry (the
  // spreads it replaces made one more per optional field, on records of 100,000 entries).
  const entry: Entry = {
    id: String(r.id),
    codes: codes && codes.length > 0 ? codes : term.codes,
    display: term.display,
  } as Entry;
  if (term.degraded) entry.degraded = true;
  if (term.uncoded) entry.uncoded = true;
  if (term.originalCode) entry.originalCode = term.originalCode;
  entry.status = status;
  if (date) entry.date = date;
  entry.provenance = provenanceOf(r, context);
  if (labels && labels.length > 0) entry.security = labels;
  return entry;
}

function provenanceOf(r: Record<string, unknown>, context: R4Context): Provenance {
  // A request's performer is who is asked to act (a referral's recipient), never its recorder:
  // taking it would let the recipient see a private referral as its own.
  const recorder =
    r.resourceType === 'ServiceRequest'
      ? record(r.requester)
      : (record(r.recorder) ?? record(r.asserter) ?? record(array(r.performer)[0]));
  const references = context.references ?? CONTAINED_ONLY;
  const who = references.resolve(recorder, r);
  // The recorder's organisation: its own ODS identifier, the Organization it is (resolved), the
  // organisation of the PractitionerRole it is (resolved, or looked up by the source).
  const recorderOrganisation =
    odsOf(recorder?.identifier) ??
    (who?.resourceType === 'Organization' ? odsOf(who.identifier) : undefined) ??
    (who?.resourceType === 'PractitionerRole'
      ? organisationOf(who.organization, who, references)
      : undefined) ??
    context.recorderOrganisations?.get(text(recorder?.reference) ?? '');
  const organisation = recorderOrganisation ?? context.organisation;
  const recorded =
    text(r.recordedDate) ?? text(r.authoredOn) ?? text(r.issued) ?? text(r.dateAsserted);
  // A reference's display, else the resolved Practitioner's name as the GP Connect path labels
  // it (`FAMILY, Given (Title)`): a name, never a note.
  const practitioner =
    who?.resourceType === 'PractitionerRole' ? references.resolve(who.practitioner, who) : who;
  const recorderName =
    text(recorder?.display) ??
    (practitioner?.resourceType === 'Practitioner' ? practitionerLabel(practitioner) : undefined);
  // Only a resolved recorder proves whose entry it is (the private-entry rule reads this).
  return provenanceWith('fhir-r4', organisation, recorderOrganisation, recorderName, recorded);
}

function odsOf(identifier: unknown): string | undefined {
  return text(
    array(identifier)
      .map(record)
      .find((i) => i?.system === ODS_ORGANISATION_SYSTEM)?.value,
  );
}

/** The ODS code of an Organization reference: its identifier, or the Organization it resolves to. */
function organisationOf(
  reference: unknown,
  from: Json,
  references: ReferenceIndex,
): string | undefined {
  const organisation = references.resolve(reference, from);
  return (
    odsOf(record(reference)?.identifier) ??
    (organisation?.resourceType === 'Organization' ? odsOf(organisation.identifier) : undefined)
  );
}

/** Fields that name who recorded an entry, in the order provenance reads them. */
export const RECORDER_FIELDS = ['recorder', 'asserter', 'performer', 'requester'] as const;

/** `PractitionerRole/<id>` references among the entries' recorders, to resolve to organisations. */
export function practitionerRoleReferences(resources: readonly unknown[]): string[] {
  const references = new Set<string>();
  for (const resource of resources) {
    const r = record(resource);
    for (const field of RECORDER_FIELDS) {
      for (const who of array(r?.[field])) {
        const reference = text(record(who)?.reference);
        if (reference?.startsWith('PractitionerRole/')) references.add(reference);
      }
    }
  }
  return [...references];
}
