/** R4 Immunization → GP Connect CareConnect-GPC-Immunization-1 (STU3), for the sandbox. */
import { compact, gpcProfile, stu3Concept, type Stu3Resource } from './stu3.js';

export function immunisationToStu3(i: fhir4.Immunization): Stu3Resource {
  const dose = i.protocolApplied?.[0]?.doseNumberPositiveInt;
  return compact({
    resourceType: 'Immunization',
    id: i.id!,
    meta: compact({ ...gpcProfile('Immunization'), security: i.meta?.security }),
    // STU3 says "not given" with `notGiven`, not a status.
    status: 'completed',
    notGiven: i.status === 'not-done',
    // GP Connect names the vaccination in this extension; vaccineCode is kept as it is.
    extension: [
      {
        url: 'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-VaccinationProcedure-1',
        valueCodeableConcept: stu3Concept(i.vaccineCode),
      },
    ],
    vaccineCode: stu3Concept(i.vaccineCode),
    patient: i.patient,
    date: i.occurrenceDateTime,
    primarySource: i.primarySource ?? true,
    ...(dose !== undefined && { vaccinationProtocol: [{ doseSequence: dose }] }),
  });
}
