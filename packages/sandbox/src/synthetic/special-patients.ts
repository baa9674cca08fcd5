/**
 * Patients that exist to prove a rule rather than to look like a record: sharing never set,
 * nothing recorded, and private and sensitive entries the access policy must withhold.
 */
import * as code from '../codes.js';
import { allergy, condition, medicationCourse, patientResource, PRACTICE_ID } from './builders.js';
import { organisation, practitionerRole, procedure, sharingConsent } from './builders-events.js';
import {
  SANDBOX_ORGANISATIONS,
  SANDBOX_PATIENTS,
  SANDBOX_PRACTICE,
  type RosterPatient,
} from './roster.js';

export const ORGANISATION_IDS = {
  viewingTrust: 'org-viewing-trust',
  sexualHealthService: 'org-sexual-health',
} as const;

/** PractitionerRoles an entry's recorder points at, so its recording organisation is known. */
export const RECORDER_ROLES = {
  practice: 'role-practice-gp',
  viewingTrust: 'role-viewing-trust',
  sexualHealthService: 'role-sexual-health',
} as const;

/** Organisations other than the practice, and the roles that record on their behalf. */
export function otherOrganisations(): fhir4.Resource[] {
  const { viewingTrust, sexualHealthService } = SANDBOX_ORGANISATIONS;
  return [
    organisation(ORGANISATION_IDS.viewingTrust, viewingTrust.ods, viewingTrust.name),
    organisation(
      ORGANISATION_IDS.sexualHealthService,
      sexualHealthService.ods,
      sexualHealthService.name,
    ),
    practitionerRole(RECORDER_ROLES.practice, PRACTICE_ID, SANDBOX_PRACTICE.ods),
    practitionerRole(RECORDER_ROLES.viewingTrust, ORGANISATION_IDS.viewingTrust, viewingTrust.ods),
    practitionerRole(
      RECORDER_ROLES.sexualHealthService,
      ORGANISATION_IDS.sexualHealthService,
      sexualHealthService.ods,
    ),
  ];
}

export function consentNotSetPatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.consentNotSet;
  // A real record exists; with sharing never set at the practice none of it may leave.
  return [
    patientResource(p),
    sharingConsent(p, '2020-01-06'),
    allergy(p, 'not-set-allergy-penicillin', {
      code: code.penicillinSubstance,
      recorded: '2001-05-14',
      category: 'medication',
      criticality: 'high',
    }),
    condition(p, 'not-set-diabetes', {
      code: code.type2DiabetesMellitus,
      onset: '2015-11-02',
      kind: 'problem',
      status: 'active',
    }),
  ];
}

/** Demographics only: no allergy entry and no "no known allergies" statement, no medicines. */
export function nothingRecordedPatient(): fhir4.Resource[] {
  return [patientResource(SANDBOX_PATIENTS.nothingRecorded)];
}

type Recorded =
  fhir4.Condition | fhir4.AllergyIntolerance | fhir4.MedicationRequest | fhir4.Procedure;

/** Marks who recorded an entry (by PractitionerRole) and, optionally, that it is confidential. */
function recordedBy<T extends Recorded>(resource: T, role: string, confidential = false): T {
  const ref: fhir4.Reference = { reference: `PractitionerRole/${role}` };
  const labelled = confidential
    ? { ...resource, meta: { ...resource.meta, security: [{ ...code.confidentialityRestricted }] } }
    : resource;
  if (labelled.resourceType === 'MedicationRequest') return { ...labelled, requester: ref };
  return { ...labelled, recorder: ref };
}

export function privateAndSensitivePatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.privateAndSensitive;
  const { practice, viewingTrust, sexualHealthService } = RECORDER_ROLES;
  const [omeprazolePlan, ...omeprazoleIssues] = medicationCourse(p, {
    id: 'private-omeprazole',
    medicine: code.omeprazole20mgGastroResistantCapsules,
    dose: 'One capsule once a day',
    quantity: { value: 28, unit: 'capsule' },
    kind: 'repeat',
    authorised: '2025-02-03',
    issues: ['2025-02-03', '2025-03-03', '2025-03-31'],
  });
  return [
    patientResource(p),
    sharingConsent(p, '2019-08-12'),
    // Shown to anyone permitted: ordinary entries recorded by the practice.
    recordedBy(
      allergy(p, 'private-allergy-peanut', {
        code: code.peanutDietary,
        recorded: '2010-04-01',
        reaction: code.urticaria,
        severity: 'moderate',
        criticality: 'high',
        category: 'food',
      }),
      practice,
    ),
    // A resolved allergy (shown on request), and one the practice marked confidential.
    recordedBy(
      allergy(p, 'private-allergy-amoxicillin-resolved', {
        code: code.amoxicillinSubstance,
        recorded: '2012-06-05',
        reaction: code.urticarialRash,
        severity: 'mild',
        criticality: 'low',
        category: 'medication',
        resolved: true,
      }),
      practice,
    ),
    recordedBy(
      allergy(p, 'private-confidential-allergy', {
        code: code.penicillinSubstance,
        recorded: '2018-09-14',
        reaction: code.urticaria,
        severity: 'moderate',
        category: 'medication',
      }),
      practice,
      true,
    ),
    recordedBy(
      condition(p, 'private-asthma', {
        code: code.asthma,
        onset: '2002-09-10',
        kind: 'problem',
        status: 'active',
      }),
      practice,
    ),
    // Confidential, recorded by the practice (Y12345): withheld from a viewer at RX1.
    recordedBy(
      condition(p, 'private-confidential-uti', {
        code: code.urinaryTractInfection,
        onset: '2025-01-20',
        kind: 'diagnosis',
        status: 'resolved',
        abated: '2025-02-01',
      }),
      practice,
      true,
    ),
    recordedBy(omeprazolePlan!, practice, true),
    ...omeprazoleIssues.map((issue) => recordedBy(issue, practice, true)),
    // Confidential, recorded by the viewing trust itself (RX1): may be shown to RX1.
    recordedBy(
      condition(p, 'private-confidential-own-org', {
        code: code.upperRespiratoryInfection,
        onset: '2026-02-14',
        kind: 'diagnosis',
        status: 'resolved',
        abated: '2026-02-24',
      }),
      viewingTrust,
      true,
    ),
    // Sensitive categories, unlabelled on purpose: only the policy's code sets can catch them.
    recordedBy(
      condition(p, 'sensitive-chlamydia', {
        code: code.chlamydialInfection,
        onset: '2014-03-03',
        kind: 'diagnosis',
        status: 'resolved',
        abated: '2014-03-20',
      }),
      sexualHealthService,
    ),
    recordedBy(
      procedure(p, 'sensitive-termination', {
        code: code.terminationOfPregnancy,
        performed: '2016-07-11',
      }),
      practice,
    ),
    recordedBy(
      procedure(p, 'sensitive-ivf', {
        code: code.testTubeOvumFertilization,
        performed: '2022-10-05',
      }),
      practice,
    ),
  ];
}
