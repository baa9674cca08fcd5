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
    // STU3 gives the reason a dose was not given in `explanation.reasonNotGiven`.
    explanation: i.statusReason ? { reasonNotGiven: [stu3Concept(i.statusReason)] } : undefined,
    site: stu3Concept(i.site),
    route: stu3Concept(i.route),
    doseQuantity: i.doseQuantity,
    ...(dose !== undefined && { vaccinationProtocol: [{ doseSequence: dose }] }),
  });
}
