/**
 * Builders for the event-like sections (encounters, referrals, procedures) and for risks,
 * organisations and the GP-side sharing status, in the same style as builders.ts.
 */
import * as code from '../codes.js';
import { ODS_SYSTEM, PROFILE, type Code } from '../codes.js';
import { GP_ID, PRACTICE_ID, concept } from './builders.js';
import { SANDBOX_ORGANISATIONS, SANDBOX_PRACTICE, type RosterPatient } from './roster.js';

const subject = (patient: RosterPatient): fhir4.Reference => ({
  reference: `Patient/${patient.id}`,
});
// References carry their display, as UK Core examples do: the R4 reader names an event's
// clinician, organisation and place from it (GP Connect resolves the resources instead).
const gp: fhir4.Reference = { reference: `Practitioner/${GP_ID}`, display: 'BENNETT, Sarah (Dr)' };
const practiceRef: fhir4.Reference = {
  reference: `Organization/${PRACTICE_ID}`,
  display: SANDBOX_PRACTICE.name,
};
const classCoding = (c: Code): fhir4.Coding => ({
  system: c.system,
  code: c.code,
  display: c.display,
});

export type EncounterKind = 'gp-consultation' | 'gp-telephone' | 'admission' | 'emergency';

/** GP consultations are ambulatory (AMB); admissions inpatient (IMP) with a period; A&E attendances EMER. */
export function encounter(
  patient: RosterPatient,
  id: string,
  options: {
    kind: EncounterKind;
    start: string;
    end?: string;
    /** ODS code of another organisation that held it (default: the practice). */
    serviceProvider?: string;
    /** Where it happened (a Location reference's display). */
    location?: string;
    /** A hospital clinician's name (GP encounters name the practice GP). */
    clinician?: string;
  },
): fhir4.Encounter {
  const byKind: Record<EncounterKind, { cls: Code; type: Code }> = {
    'gp-consultation': { cls: code.encounterClassAmbulatory, type: code.consultation },
    'gp-telephone': { cls: code.encounterClassAmbulatory, type: code.telephoneEncounter },
    admission: { cls: code.encounterClassInpatient, type: code.hospitalAdmission },
    emergency: { cls: code.encounterClassEmergency, type: code.accidentAndEmergencyService },
  };
  const { cls, type } = byKind[options.kind];
  return {
    resourceType: 'Encounter',
    id,
    meta: { profile: [PROFILE.Encounter] },
    status: 'finished',
    class: classCoding(cls),
    type: [concept(type)],
    subject: subject(patient),
    ...(options.kind.startsWith('gp-') && { participant: [{ individual: gp }] }),
    ...(options.clinician && { participant: [{ individual: { display: options.clinician } }] }),
    period: { start: options.start, end: options.end ?? options.start },
    ...(options.location && { location: [{ location: { display: options.location } }] }),
    serviceProvider: options.serviceProvider
      ? {
          identifier: { system: ODS_SYSTEM, value: options.serviceProvider },
          ...(organisationName(options.serviceProvider) && {
            display: organisationName(options.serviceProvider),
          }),
        }
      : practiceRef,
  };
}

const organisationName = (ods: string): string | undefined =>
  Object.values(SANDBOX_ORGANISATIONS).find((o) => o.ods === ods)?.name;

/** A referral from the practice: ServiceRequest, intent order, category "Patient referral". */
export function referral(
  patient: RosterPatient,
  id: string,
  options: {
    code: Code;
    authored: string;
    status?: 'active' | 'completed';
    priority?: 'routine' | 'urgent';
    /** Who it was sent to (a performer reference's display). */
    recipient?: string;
  },
): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest'] },
    status: options.status ?? 'completed',
    intent: 'order',
    category: [concept(code.patientReferral)],
    code: concept(options.code),
    subject: subject(patient),
    authoredOn: options.authored,
    requester: gp,
    ...(options.priority && { priority: options.priority }),
    ...(options.recipient && { performer: [{ display: options.recipient }] }),
  };
}

export function procedure(
  patient: RosterPatient,
  id: string,
  options: { code: Code; performed: string },
): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id,
    meta: { profile: [PROFILE.Procedure] },
    status: 'completed',
    code: concept(options.code),
    subject: subject(patient),
    performedDateTime: options.performed,
    recorder: gp,
  };
}

/** A risk or warning shown to every clinician who opens the record. */
export function riskFlag(
  patient: RosterPatient,
  id: string,
  options: { code: Code; start: string },
): fhir4.Flag {
  return {
    resourceType: 'Flag',
    id,
    meta: { profile: [PROFILE.Flag] },
    status: 'active',
    category: [concept(code.flagCategoryClinical)],
    code: concept(options.code),
    subject: subject(patient),
    period: { start: options.start },
    author: practiceRef,
  };
}

export function organisation(id: string, ods: string, name: string): fhir4.Organization {
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [PROFILE.Organization] },
    identifier: [{ system: ODS_SYSTEM, value: ods }],
    name,
  };
}

/** Who recorded an entry on behalf of which organisation (the entry's recorder points here). */
export function practitionerRole(
  id: string,
  organisationId: string,
  organisationOds: string,
): fhir4.PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id,
    meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole'] },
    practitioner: gp,
    organization: {
      reference: `Organization/${organisationId}`,
      identifier: { system: ODS_SYSTEM, value: organisationOds },
    },
  };
}

/**
 * The GP-side sharing status as a Consent (see docs/sandbox.md): active + permit = share,
 * active + deny = dissent, proposed without a provision = not set at the practice.
 */
export function sharingConsent(patient: RosterPatient, date: string): fhir4.Consent {
  const base = {
    resourceType: 'Consent' as const,
    scope: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/consentscope',
          code: 'patient-privacy',
          display: 'Privacy Consent',
        },
      ],
    },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
    ],
    patient: subject(patient),
    dateTime: date,
    organization: [practiceRef],
    policy: [{ uri: SHARING_POLICY_URI }],
  };
  if (patient.sharing === 'dissent') {
    // Same id as the original opted-out record, kept stable.
    return {
      ...base,
      id: `${patient.id}-sharing-dissent`,
      status: 'active',
      provision: { type: 'deny' },
    };
  }
  if (patient.sharing === 'not-set')
    return { ...base, id: `${patient.id}-sharing-not-set`, status: 'proposed' };
  return {
    ...base,
    id: `${patient.id}-sharing-permit`,
    status: 'active',
    provision: { type: 'permit' },
  };
}

export const SHARING_POLICY_URI = 'https://dcr-elements.example/policy/gp-record-sharing';
