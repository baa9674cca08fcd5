/**
 * The FHIR R4 AuditEvent as core writes it: only the elements `toAuditEvent` fills, named after
 * the R4 resource (https://hl7.org/fhir/R4/auditevent.html). Core's public types use these rather
 * than `@types/fhir`'s global `fhir4` namespace, so a host compiles against core without that
 * dev-only package. Each is assignable to its `fhir4.*` namesake.
 */

export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}

export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

export interface FhirIdentifier {
  system?: string;
  value?: string;
}

export interface FhirReference {
  identifier?: FhirIdentifier;
  display?: string;
}

export interface FhirAuditEventAgent {
  type?: FhirCodeableConcept;
  role?: FhirCodeableConcept[];
  who?: FhirReference;
  requestor: boolean;
}

export interface FhirAuditEventEntity {
  what?: FhirReference;
  type?: FhirCoding;
  role?: FhirCoding;
  name?: string;
  detail?: { type: string; valueString: string }[];
}

export interface FhirAuditEvent {
  resourceType: 'AuditEvent';
  id?: string;
  meta?: { tag?: FhirCoding[] };
  type: FhirCoding;
  subtype?: FhirCoding[];
  action?: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  outcome?: '0' | '4' | '8' | '12';
  outcomeDesc?: string;
  purposeOfEvent?: FhirCodeableConcept[];
  agent: FhirAuditEventAgent[];
  source: { site?: string; observer: FhirReference; type?: FhirCoding[] };
  entity?: FhirAuditEventEntity[];
}
