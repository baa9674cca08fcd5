/**
 * Small synthetic GP Connect (STU3) bundles for unit tests: written for these tests, not copied
 * from any published example. Patient NHS number 9434765919 (valid check digit, test range).
 */

export const NHS_NUMBER = '9434765919';
export const SNOMED = 'http://snomed.info/sct';
export const DMD_SYSTEM = 'https://dmd.nhs.uk';

type Resource = Record<string, unknown>;

export function bundleOf(...resources: Resource[]): Resource {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: patient() },
      {
        resource: {
          resourceType: 'Organization',
          id: 'practice',
          identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A12345' }],
        },
      },
      ...resources.map((resource) => ({ resource })),
    ],
  };
}

export function patient(overrides: Resource = {}): Resource {
  return {
    resourceType: 'Patient',
    id: 'pat',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
    name: [{ use: 'official', family: 'Testpatient', given: ['Ada'], prefix: ['Ms'] }],
    birthDate: '1950-01-02',
    gender: 'female',
    managingOrganization: { reference: 'Organization/practice' },
    ...overrides,
  };
}

export const subject = { reference: 'Patient/pat' };

export function list(code: string, items: string[], extra: Resource = {}): Resource {
  return {
    resourceType: 'List',
    status: 'current',
    mode: 'snapshot',
    code: { coding: [{ system: SNOMED, code }] },
    subject,
    entry: items.map((reference) => ({ item: { reference } })),
    ...extra,
  };
}

export function allergy(id: string, code: string, display: string, extra: Resource = {}): Resource {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    code: { coding: [{ system: SNOMED, code, display }] },
    patient: subject,
    assertedDate: '2020-01-01',
    ...extra,
  };
}

export function medicine(id: string, system: string, code: string, display: string): Resource {
  return { resourceType: 'Medication', id, code: { coding: [{ system, code, display }] } };
}

export function plan(
  id: string,
  medicationId: string,
  type: 'acute' | 'repeat',
  extra: Resource = {},
): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    intent: 'plan',
    status: 'active',
    subject,
    medicationReference: { reference: `Medication/${medicationId}` },
    authoredOn: '2026-01-10',
    dispenseRequest: {
      quantity: { value: 28, unit: 'tablet' },
      validityPeriod: { start: '2026-01-10' },
    },
    extension: [
      {
        url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1',
        valueCodeableConcept: {
          coding: [
            {
              system: 'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1',
              code: type,
            },
          ],
        },
      },
    ],
    ...extra,
  };
}

export function issue(id: string, planId: string, date: string): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    intent: 'order',
    status: 'completed',
    subject,
    basedOn: [{ reference: `MedicationRequest/${planId}` }],
    authoredOn: date,
    dispenseRequest: { quantity: { value: '56', unit: 'tablet' } },
  };
}

export function statement(
  id: string,
  planId: string,
  medicationId: string,
  extra: Resource = {},
): Resource {
  return {
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject,
    basedOn: [{ reference: `MedicationRequest/${planId}` }],
    medicationReference: { reference: `Medication/${medicationId}` },
    effectivePeriod: { start: '2026-01-10' },
    dosage: [{ text: 'One daily', patientInstruction: 'FREE TEXT PATIENT INSTRUCTION' }],
    note: [{ text: 'FREE TEXT NOTE' }],
    ...extra,
  };
}
