/**
 * Every code system and code the audit mapping uses, each with where it was checked. The shape
 * follows IHE Basic Audit Log Patterns (BALP) for FHIR R4 AuditEvent. Local code systems live
 * under `https://dcr-elements.example/` (the project's placeholder namespace, as the sandbox uses)
 * and carry only what no published code system says exactly.
 */
import type { OverrideReason } from './audit-record.js';
import type { FhirCoding as Coding } from './fhir-audit-event.js';

export const DICOM = 'http://dicom.nema.org/resources/ontology/DCM';
export const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const ROLE_CLASS = 'http://terminology.hl7.org/CodeSystem/v3-RoleClass';
export const AUDIT_ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
export const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
export const SECURITY_SOURCE_TYPE = 'http://terminology.hl7.org/CodeSystem/security-source-type';
/** verified: NHS EPS sources, PractitionerRole.code with R8000 "Clinical Practitioner Access Role" */
export const SDS_JOB_ROLE = 'https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode';
/** The library's own action codes (one per AuditRecord action). */
export const DCR_AUDIT_ACTION = 'https://dcr-elements.example/CodeSystem/audit-action';
/** The library's override reasons, exactly as the clinician chose them. */
export const DCR_OVERRIDE_REASON = 'https://dcr-elements.example/CodeSystem/override-reason';
/** Workflow flags on the AuditEvent (`meta.tag`); R4 AuditEvent has no severity element. */
export const DCR_AUDIT_FLAG = 'https://dcr-elements.example/CodeSystem/audit-flag';

const coding = (system: string, code: string, display: string): Coding => ({
  system,
  code,
  display,
});

// DICOM CID 400 Audit Event ID / CID 401 Audit Event Type Code. verified: DICOM PS3.16 CID 400/401
// as published in bvdh/dicom-terminology-in-fhir; 110127 and 110113 also in the FHIR R4
// auditevent-example-breakglass-start.
export const PATIENT_RECORD = coding(DICOM, '110110', 'Patient Record');
export const EMERGENCY_OVERRIDE_STARTED = coding(DICOM, '110127', 'Emergency Override Started');
export const AUTHORIZATION_DECISION = coding(DICOM, '110144', 'Authorization Decision');
export const SESSION_STOP = coding(DICOM, '110146', 'Session stop');
export const ACCESS_CONTROL_DECISION = coding(DICOM, '110147', 'Access Control Decision');

// v3-ActReason purposes of use. TREAT/ETREAT: FHIR R4 examples and the THO code list; the
// override reasons are the THO value set v3-ActConsentInformationAccessOverrideReason (OVRER's
// definition checked: "treating a condition which poses an immediate threat to the patient's
// health"; OVRPJ, OVRINCOMP: displays checked in the THO v3-ActReason code list, OVRINCOMP is in
// THO 2.1.0+ only, so older R4 terminology servers may not know it).
export const TREAT = coding(ACT_REASON, 'TREAT', 'treatment');
export const ETREAT = coding(ACT_REASON, 'ETREAT', 'Emergency Treatment');
const OVRER = coding(ACT_REASON, 'OVRER', 'emergency treatment override');
const OVRPJ = coding(ACT_REASON, 'OVRPJ', 'professional judgment override');
const OVRINCOMP = coding(ACT_REASON, 'OVRINCOMP', 'incompetency override');

/** The purpose of use, then the override code, for each duty-of-care override reason. */
export const OVERRIDE_PURPOSE: Record<
  OverrideReason,
  { purpose: Coding; override: Coding; display: string }
> = {
  emergency: { purpose: ETREAT, override: OVRER, display: 'Medical emergency' },
  safeguarding: { purpose: TREAT, override: OVRPJ, display: 'Safeguarding concern' },
  'unable-to-respond': {
    purpose: TREAT,
    override: OVRINCOMP,
    display: 'Patient unable to respond',
  },
};

// BALP agent slices. verified: IHE BALP ValueSet UserAgentTypesVS (IRCP "use for query/retrieve")
// and the BALP FSH for agent[userorg] (v3-RoleClass#PROV "healthcare provider", requestor false).
export const INFORMATION_RECIPIENT = coding(PARTICIPATION_TYPE, 'IRCP', 'information recipient');
export const HEALTHCARE_PROVIDER = coding(ROLE_CLASS, 'PROV', 'healthcare provider');

// Entities. verified: BALP examples (audit-entity-type 1 Person / 2 System Object; object-role
// 1 Patient, 4 Domain Resource, 24 Query).
export const PERSON = coding(AUDIT_ENTITY_TYPE, '1', 'Person');
export const SYSTEM_OBJECT = coding(AUDIT_ENTITY_TYPE, '2', 'System Object');
export const PATIENT_ROLE = coding(OBJECT_ROLE, '1', 'Patient');
export const DOMAIN_RESOURCE = coding(OBJECT_ROLE, '4', 'Domain Resource');
export const QUERY = coding(OBJECT_ROLE, '24', 'Query');

/** verified: security-source-type code list (1 User Device): the library runs on the user's device. */
export const USER_DEVICE = coding(SECURITY_SOURCE_TYPE, '1', 'User Device');

export const PRIVACY_ALERT = coding(DCR_AUDIT_FLAG, 'privacy-alert', 'Alert the privacy officer');
