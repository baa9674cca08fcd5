/**
 * R4 → STU3 conversions for everything but medicines. Codes, dates and quantities are copied
 * exactly (the same model must come out of either path); only the resource shape changes.
 */
import {
  GPC_NHS_NUMBER_VERIFICATION_EXTENSION,
  GPC_NHS_NUMBER_VERIFICATION_SYSTEM,
  GPC_PROBLEM_SIGNIFICANCE_EXTENSION,
  GPC_RELATED_PROBLEM_EXTENSION,
  PROBLEM_SIGNIFICANCE_EXTENSION,
  RELATED_PROBLEM_EXTENSION,
  diagnosticStudiesReport,
} from '../codes.js';
import { compact, gpcProfile, statusCode, stu3Concept, type Stu3Resource } from './stu3.js';

export function patientToStu3(p: fhir4.Patient): Stu3Resource {
  return compact({
    resourceType: 'Patient',
    id: p.id!,
    meta: gpcProfile('Patient'),
    identifier: p.identifier?.map((i) => ({
      extension: [
        {
          url: GPC_NHS_NUMBER_VERIFICATION_EXTENSION,
          valueCodeableConcept: {
            coding: [
              {
                system: GPC_NHS_NUMBER_VERIFICATION_SYSTEM,
                code: '01',
                display: 'Number present and verified',
              },
            ],
          },
        },
      ],
      system: i.system,
      value: i.value,
    })),
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    generalPractitioner: p.generalPractitioner?.map((g) => ({ reference: g.reference })),
    // GP Connect names the registered practice as the managing organisation.
    managingOrganization: p.generalPractitioner?.find((g) =>
      g.reference?.startsWith('Organization/'),
    ),
  });
}

export function organisationToStu3(o: fhir4.Organization): Stu3Resource {
  return compact({
    resourceType: 'Organization',
    id: o.id!,
    meta: gpcProfile('Organization'),
    identifier: o.identifier,
    name: o.name,
  });
}

export function practitionerToStu3(p: fhir4.Practitioner): Stu3Resource {
  return compact({
    resourceType: 'Practitioner',
    id: p.id!,
    meta: gpcProfile('Practitioner'),
    identifier: p.identifier,
    name: p.name,
  });
}

export function allergyToStu3(a: fhir4.AllergyIntolerance): Stu3Resource {
  return compact({
    resourceType: 'AllergyIntolerance',
    id: a.id!,
    meta: compact({ ...gpcProfile('AllergyIntolerance'), security: a.meta?.security }),
    clinicalStatus: statusCode(a.clinicalStatus),
    verificationStatus: statusCode(a.verificationStatus),
    type: a.type,
    category: a.category,
    criticality: a.criticality,
    code: stu3Concept(a.code),
    patient: a.patient,
    onsetDateTime: a.onsetDateTime,
    assertedDate: a.recordedDate,
    recorder: a.recorder,
    reaction: a.reaction?.map((r) =>
      compact({ manifestation: r.manifestation.map((m) => stu3Concept(m)), severity: r.severity }),
    ),
  });
}

/** The UK Core problem extensions under their GP Connect names; the values are the same. */
const GPC_PROBLEM_EXTENSIONS: Record<string, string> = {
  [PROBLEM_SIGNIFICANCE_EXTENSION]: GPC_PROBLEM_SIGNIFICANCE_EXTENSION,
  [RELATED_PROBLEM_EXTENSION]: GPC_RELATED_PROBLEM_EXTENSION,
};

export function conditionToStu3(c: fhir4.Condition): Stu3Resource {
  const extension = (c.extension ?? [])
    .filter((e) => GPC_PROBLEM_EXTENSIONS[e.url])
    .map((e) => ({ ...e, url: GPC_PROBLEM_EXTENSIONS[e.url]! }));
  return compact({
    resourceType: 'Condition',
    id: c.id!,
    meta: compact({ ...gpcProfile('ProblemHeader-Condition'), security: c.meta?.security }),
    extension: extension.length > 0 ? extension : undefined,
    clinicalStatus: statusCode(c.clinicalStatus),
    verificationStatus: statusCode(c.verificationStatus),
    // Category codings copied as recorded: they say problem-list item vs encounter diagnosis.
    category: c.category,
    code: stu3Concept(c.code),
    subject: c.subject,
    onsetDateTime: c.onsetDateTime,
    abatementDateTime: c.abatementDateTime,
    assertedDate: c.recordedDate,
    asserter: c.recorder,
  });
}

export function observationToStu3(o: fhir4.Observation): Stu3Resource {
  return compact({
    resourceType: 'Observation',
    id: o.id!,
    meta: compact({ ...gpcProfile('Observation'), security: o.meta?.security }),
    status: o.status,
    category: o.category,
    code: stu3Concept(o.code),
    subject: o.subject,
    effectiveDateTime: o.effectiveDateTime,
    issued: o.issued,
    performer: o.performer,
    valueQuantity: o.valueQuantity,
    valueString: o.valueString,
    // Kept exactly as recorded (STU3 has one interpretation; the sandbox records at most one).
    interpretation: o.interpretation?.[0],
    referenceRange: o.referenceRange,
    component: o.component?.map((comp) => ({
      code: stu3Concept(comp.code),
      valueQuantity: comp.valueQuantity,
    })),
  });
}

/** One report per result date, as GP Connect groups pathology results. */
export function diagnosticReportsFor(
  results: readonly fhir4.Observation[],
  patientRef: fhir4.Reference,
): Stu3Resource[] {
  const byDate = new Map<string, fhir4.Observation[]>();
  for (const r of results) {
    const day = (r.effectiveDateTime ?? '').slice(0, 10);
    byDate.set(day, [...(byDate.get(day) ?? []), r]);
  }
  return [...byDate].map(([day, group]) => ({
    resourceType: 'DiagnosticReport',
    id: `report-${patientRef.reference?.split('/')[1]}-${day}`,
    meta: gpcProfile('DiagnosticReport'),
    status: 'final',
    code: { coding: [{ ...diagnosticStudiesReport }] },
    subject: patientRef,
    issued: group[0]!.issued,
    result: group.map((r) => ({ reference: `Observation/${r.id}` })),
  }));
}

export function encounterToStu3(e: fhir4.Encounter): Stu3Resource {
  return compact({
    resourceType: 'Encounter',
    id: e.id!,
    meta: gpcProfile('Encounter'),
    status: e.status,
    class: e.class,
    type: e.type?.map((t) => stu3Concept(t)),
    subject: e.subject,
    participant: e.participant,
    period: e.period,
    serviceProvider: e.serviceProvider,
  });
}

/** GP Connect carries the referral's SNOMED code in reasonCode (see its referral examples). */
export function referralToStu3(s: fhir4.ServiceRequest): Stu3Resource {
  return compact({
    resourceType: 'ReferralRequest',
    id: s.id!,
    meta: gpcProfile('ReferralRequest'),
    status: s.status,
    intent: s.intent,
    type: s.category?.[0] && stu3Concept(s.category[0]),
    subject: s.subject,
    authoredOn: s.authoredOn,
    requester: s.requester && { agent: s.requester },
    priority: s.priority,
    recipient: s.performer,
    reasonCode: s.code && [stu3Concept(s.code)],
  });
}
