export { isValidNhsNumber, nhsNumberCheckDigit } from './nhs-number.js';
export { RecordError, type RecordErrorKind, type SourceRefusal } from './http/errors.js';
export type { FetchLike } from './http/fetch-json.js';
export {
  SNOMED_CT,
  DMD,
  READ_V2,
  CTV3,
  LOINC,
  NHS_NUMBER_SYSTEM,
  ODS_ORGANISATION_SYSTEM,
  type Coding,
  type Entry,
  type EntrySection,
  type PatientCheckCounts,
  type Provenance,
  type SectionDiagnostics,
  type SectionWarning,
  type SourceKind,
} from './model/common.js';
export type {
  AdministrativeGender,
  Demographics,
  DemographicsSection,
} from './model/demographics.js';
export type * from './model/clinical.js';
export { SECTION_NAMES, type SectionName, type SectionValues } from './model/sections.js';
export {
  DEFAULT_HIGH_RISK_CLASSES,
  highRiskClassOf,
  type HighRiskClass,
} from './normalise/shared/high-risk.js';
export { latestEvents, type LatestEvents } from './normalise/shared/event-views.js';
export { lookalikeOf, type Lookalike, type LookalikeReason } from './normalise/shared/lookalike.js';
export { drugMonitoring, type MonitoredMedicine } from './normalise/shared/drug-monitoring.js';
export {
  isRecentAcute,
  medicationGroupOf,
  medicationViews,
  type MedicationGroup,
  type MedicationViews,
} from './normalise/shared/medication-views.js';
export { problemViews, type ProblemViews } from './normalise/shared/problem-views.js';
export {
  isTetanusContaining,
  lastTetanusVaccination,
} from './normalise/shared/tetanus-vaccines.js';
export {
  DEFAULT_STALE_REPEAT,
  type NormaliseOptions,
  type StaleRepeatRule,
} from './normalise/options.js';
export type { RecordSource, SectionPromises, SourceRequest } from './sources/source.js';
export { fhirR4Source, type FhirR4SourceOptions } from './sources/fhir-r4.js';
export { gpConnectSource, type GpConnectSourceOptions } from './sources/gp-connect.js';
export type { GpConnectViewer } from './sources/gp-connect-jwt.js';
export { staticSource } from './sources/static.js';
export {
  createCareRecordSession,
  CareRecordSession,
  type CareRecordSessionOptions,
  type SectionResult,
} from './session/care-record-session.js';
export type { EndDetail } from './session/transitions.js';
export type { SessionState } from './session/session-state.js';
export type { SectionSnapshot, PatientKey } from './session/section-store.js';
export type { AuditRecord, AuditTrail, OverrideReason } from './audit/audit-record.js';
export type { ConsentDecision, Grant } from './consent/consent.js';
export { OVERRIDE_REASONS } from './consent/consent.js';
export {
  DEFAULT_PERMITTED_ROLES,
  DEFAULT_SENSITIVE_CODES,
  DEFAULT_SENSITIVE_LABELS,
  DEFAULT_SENSITIVE_MEDICINES,
  DEFAULT_SENSITIVE_TERMS,
  type AccessPolicy,
  type SensitiveCodeInput,
  type SensitiveHook,
  type SensitiveMedicineName,
  type SensitiveTerm,
} from './policy/policy.js';
export {
  CARE_SETTINGS,
  type CareSetting,
  type HostPatient,
  type ViewerContext,
} from './policy/viewer.js';
export { toAuditEvent, type AuditEventOptions } from './audit/to-audit-event.js';
export type {
  FhirAuditEvent,
  FhirAuditEventEntity,
  FhirCodeableConcept,
  FhirCoding,
} from './audit/fhir-audit-event.js';
export {
  callbackAuditSink,
  type AuditDelivery,
  type AuditSendOptions,
  type AuditSink,
} from './audit/audit-sink.js';
export { fhirAuditSink, type FhirAuditSinkOptions } from './audit/fhir-audit-sink.js';
export type { BackoffPolicy } from './audit/backoff.js';
export {
  createAuditTrail,
  type AuditTrailEvent,
  type AuditTrailOptions,
  type DurableAuditTrail,
} from './audit/audit-trail.js';
export { sharedAuditTrail } from './audit/shared-audit-trail.js';
export { UnmappableAuditRecordError, type MappingProblem } from './audit/record-check.js';
export { compareIsoDates, compareNewestFirst } from './normalise/shared/compare-dates.js';
export {
  notShownSummary,
  notShownText,
  type NotShownReason,
  type NotShownSummary,
} from './normalise/shared/not-shown.js';
