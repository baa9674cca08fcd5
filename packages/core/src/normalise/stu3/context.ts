import { ODS_ORGANISATION_SYSTEM, type Coding, type Provenance } from '../../model/common.js';
import type { NormaliseOptions } from '../options.js';
import { codingsOf } from '../shared/coding.js';
import { BundleIndex, PatientMatcher } from './bundle-index.js';
import { runNow, type Steps } from '../turns.js';
import { array, record, text, type Json } from '../shared/read.js';
import { practitionerLabel } from '../shared/names.js';
import { provenanceWith } from '../shared/provenance.js';

/** What every STU3 section reader shares: the indexed bundle, the patient check and the options. */
export interface Stu3Context {
  index: BundleIndex;
  patient: PatientMatcher;
  options: NormaliseOptions;
  /** ODS code of the practice that answered (the patient's managing organisation), if known. */
  practiceOds?: string;
}

export function createContext(
  bundle: unknown,
  nhsNumber: string,
  options: NormaliseOptions,
): Stu3Context {
  return runNow(contextSteps(bundle, nhsNumber, options));
}

/** {@link createContext} as steps: indexing a large bundle is itself long (../turns.ts). */
export function* contextSteps(
  bundle: unknown,
  nhsNumber: string,
  options: NormaliseOptions,
): Steps<Stu3Context> {
  const index = new BundleIndex();
  yield* index.addEntries(bundle);
  const patient = new PatientMatcher(index, nhsNumber);
  const patientResource = index
    .ofType('Patient')
    .find((p) => p.id !== undefined && patient.matchedIds.has(p.id))?.resource;
  const practiceOds = odsCodeOf(
    index.resolve(patientResource?.managingOrganization, 'Organization'),
  );
  return { index, patient, options, ...(practiceOds && { practiceOds }) };
}

/** The ODS code of an Organization resource. */
export function odsCodeOf(organization: Json | undefined): string | undefined {
  const identifiers = array(organization?.identifier);
  for (let i = 0; i < identifiers.length; i++) {
    const identifier = record(identifiers[i]);
    if (isOds(identifier)) return text(identifier?.value);
  }
  return undefined;
}

const isOds = (identifier: Json | undefined) =>
  text(identifier?.system) === ODS_ORGANISATION_SYSTEM;

/**
 * Provenance from the first readable recorder/asserter reference. A PractitionerRole gives both
 * the practitioner and their organisation; a bare Practitioner gives the person, and the
 * organisation falls back to the practice that answered (GP Connect only returns data it holds).
 */
export function provenanceOf(
  ctx: Stu3Context,
  who: readonly unknown[],
  recorded: string | undefined,
): Provenance {
  let recorder: string | undefined;
  let organisation: string | undefined;
  for (let i = 0; i < who.length; i++) {
    const reference = who[i];
    const practitionerRole = ctx.index.resolve(reference, 'PractitionerRole');
    const practitioner =
      ctx.index.resolve(reference, 'Practitioner') ??
      ctx.index.resolve(practitionerRole?.practitioner, 'Practitioner');
    organisation ??=
      odsCodeOf(ctx.index.resolve(reference, 'Organization')) ??
      // A logical reference by ODS code (as an Encounter's serviceProvider may be) proves it too.
      odsCodeOfLogical(reference) ??
      odsCodeOf(ctx.index.resolve(practitionerRole?.organization, 'Organization'));
    recorder ??= practitionerLabel(practitioner);
  }
  // Resolved from the entry's own references: the proof the private-entry rule needs.
  const recorderOrganisation = organisation;
  organisation ??= ctx.practiceOds;
  return provenanceWith('gp-connect', organisation, recorderOrganisation, recorder, recorded);
}

/** The ODS code a logical reference names by its identifier, if that is an ODS one. */
function odsCodeOfLogical(reference: unknown): string | undefined {
  const identifier = record(record(reference)?.identifier);
  return isOds(identifier) ? text(identifier?.value) : undefined;
}

/** The resource's `meta.security` labels, for the access policy. */
export function securityOf(resource: Json): Coding[] | undefined {
  if (record(resource.meta)?.security === undefined) return undefined;
  const labels = codingsOf({ coding: array(record(resource.meta)?.security) });
  return labels.length > 0 ? labels : undefined;
}
