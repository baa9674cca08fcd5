import type { AdministrativeGender, Demographics } from '../../model/demographics.js';
import { NHS_NUMBER_SYSTEM, ODS_ORGANISATION_SYSTEM } from '../../model/common.js';

const GENDERS: readonly AdministrativeGender[] = ['male', 'female', 'other', 'unknown'];

/**
 * UK Core Patient → {@link Demographics}. Returns `undefined` when the resource is not a Patient
 * or carries no NHS number: without one it cannot be tied to the host's patient.
 */
export function demographicsFromR4(patient: fhir4.Patient): Demographics | undefined {
  if (patient?.resourceType !== 'Patient' || typeof patient.id !== 'string') return undefined;
  const nhsNumber = patient.identifier?.find((id) => id?.system === NHS_NUMBER_SYSTEM)?.value;
  if (typeof nhsNumber !== 'string') return undefined;
  const name = officialName(patient.name);
  const gender = GENDERS.find((g) => g === patient.gender);
  const practice = patient.generalPractitioner?.find(
    (ref) => ref?.identifier?.system === ODS_ORGANISATION_SYSTEM,
  )?.identifier?.value;
  return {
    id: patient.id,
    nhsNumber: nhsNumber.replace(/ /g, ''),
    family: stringOrUndefined(name?.family),
    given: (name?.given ?? []).filter((g): g is string => typeof g === 'string'),
    title: stringOrUndefined(name?.prefix?.[0]),
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate ?? '') ? patient.birthDate : undefined,
    gender,
    registeredPractice: stringOrUndefined(practice),
    provenance: { source: 'fhir-r4', organisation: stringOrUndefined(practice) },
  };
}

function officialName(names: fhir4.HumanName[] | undefined): fhir4.HumanName | undefined {
  if (!Array.isArray(names)) return undefined;
  const current = names.filter((n) => n && !n.period?.end);
  return current.find((n) => n.use === 'official') ?? current.find((n) => n.use === 'usual') ?? current[0];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
