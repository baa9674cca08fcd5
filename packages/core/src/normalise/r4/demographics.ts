import { deceasedOf } from '../shared/deceased.js';
import type { AdministrativeGender, Demographics } from '../../model/demographics.js';
import { NHS_NUMBER_SYSTEM, ODS_ORGANISATION_SYSTEM } from '../../model/common.js';
import { array, isoDate, record, text } from '../shared/read.js';
import type { ReferenceIndex } from '../shared/references.js';

const GENDERS: readonly AdministrativeGender[] = ['male', 'female', 'other', 'unknown'];

/**
 * UK Core Patient → {@link Demographics}. Returns `undefined` when the resource is not a Patient
 * or carries no NHS number: without one it cannot be tied to the host's patient.
 */
export function demographicsFromR4(
  resource: unknown,
  references?: ReferenceIndex,
): Demographics | undefined {
  const patient = record(resource);
  const id = text(patient?.id);
  if (patient?.resourceType !== 'Patient' || !id) return undefined;
  const nhsNumber = text(
    array(patient.identifier)
      .map(record)
      .find((identifier) => identifier?.system === NHS_NUMBER_SYSTEM)?.value,
  )?.replace(/ /g, '');
  if (!nhsNumber || !/^\d{10}$/.test(nhsNumber)) return undefined;
  const name = officialName(patient.name);
  const gender = GENDERS.find((g) => g === patient.gender);
  // The registered practice: an ODS identifier on the reference, else the Organization it
  // resolves to (a bundle entry, e.g. by urn:uuid).
  const practice = array(patient.generalPractitioner)
    .map((ref) => {
      const target = references?.resolve(ref, patient);
      return [record(record(ref)?.identifier), ...array(target?.identifier).map(record)]
        .filter(() => !target || target.resourceType === 'Organization')
        .map((identifier) =>
          identifier?.system === ODS_ORGANISATION_SYSTEM ? text(identifier.value) : undefined,
        )
        .find((ods) => ods !== undefined);
    })
    .find((ods) => ods !== undefined);
  const family = text(name?.family);
  const title = text(array(name?.prefix)[0]);
  // A whole date that exists: never a 31-Feb shown as a date of birth (shared/dates.ts).
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(text(patient.birthDate) ?? '')
    ? isoDate(patient.birthDate)
    : undefined;
  const deceased = deceasedOf(patient);
  return {
    id,
    nhsNumber,
    given: array(name?.given).filter((g): g is string => text(g) !== undefined),
    ...(family && { family }),
    ...(title && { title }),
    ...(birthDate && { birthDate }),
    ...(gender && { gender }),
    ...(deceased !== undefined && { deceased }),
    ...(practice && { registeredPractice: practice }),
    provenance: { source: 'fhir-r4', ...(practice && { organisation: practice }) },
  };
}

/** The current official name, else the usual one, else the first current one. */
function officialName(value: unknown): Record<string, unknown> | undefined {
  const current = array(value)
    .map(record)
    .filter((n): n is Record<string, unknown> => n !== undefined && !record(n.period)?.end);
  return (
    current.find((n) => n.use === 'official') ??
    current.find((n) => n.use === 'usual') ??
    current[0]
  );
}
