/**
 * One AuditRecord as a FHIR R4 AuditEvent, shaped after IHE BALP: who (user with role codes, and
 * the user's organisation), what (the patient by NHS number, the sections), why (consent basis or
 * override reason), outcome and when. Only identities, codes and decisions are copied: the record
 * holds no clinical content and neither does the event. Codes and where they were checked:
 * audit-codes.ts. A record outside the coded sets is refused with `UnmappableAuditRecordError`
 * (record-check.ts) rather than mapped to an event a server would reject.
 */
import { NHS_NUMBER_SYSTEM, ODS_ORGANISATION_SYSTEM, SDS_USER_ID_SYSTEM } from '../model/common.js';
import {
  ACCESS_CONTROL_DECISION,
  AUTHORIZATION_DECISION,
  DCR_AUDIT_ACTION,
  DCR_OVERRIDE_REASON,
  DOMAIN_RESOURCE,
  EMERGENCY_OVERRIDE_STARTED,
  HEALTHCARE_PROVIDER,
  INFORMATION_RECIPIENT,
  OVERRIDE_PURPOSE,
  PATIENT_RECORD,
  PATIENT_ROLE,
  PERSON,
  PRIVACY_ALERT,
  QUERY,
  SDS_JOB_ROLE,
  SESSION_STOP,
  SYSTEM_OBJECT,
  TREAT,
  USER_DEVICE,
} from './audit-codes.js';
import type { AuditRecord } from './audit-record.js';
import type {
  FhirAuditEvent,
  FhirAuditEventEntity,
  FhirCodeableConcept,
  FhirCoding,
} from './fhir-audit-event.js';
import { assertMappable } from './record-check.js';

type Action = AuditRecord['action'];

const ACTION_DISPLAY: Record<Action, string> = {
  attempt: 'Attempt to view the record',
  'access-decision': 'Access policy decision',
  'consent-recorded': 'Consent to view recorded',
  override: 'Duty-of-care override',
  refusal: 'Access refused',
  'section-fetched': 'Record section fetched',
  'section-shown': 'Record section shown',
  'identity-mismatch': 'Patient identity mismatch',
  error: 'Error',
  end: 'Viewing session ended',
};

/** The DICOM event type code that says the same as the action, where one exists. */
const DICOM_SUBTYPE: Partial<Record<Action, FhirCoding>> = {
  'access-decision': ACCESS_CONTROL_DECISION,
  refusal: ACCESS_CONTROL_DECISION,
  'consent-recorded': AUTHORIZATION_DECISION,
  override: EMERGENCY_OVERRIDE_STARTED,
  end: SESSION_STOP,
};

/** Reads of the record; every other action is a decision or a step the library executes. */
const READ_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'attempt',
  'section-fetched',
  'section-shown',
]);

const OUTCOME: Record<AuditRecord['outcome'], '0' | '4' | '8'> = {
  success: '0', // Success
  refused: '4', // Minor failure: the request was refused, nothing was shown
  failure: '8', // Serious failure
};

export interface AuditEventOptions {
  /** Names the system that observed the event (`source.observer.display`). Default `dcr-elements`. */
  observer?: string;
}

export function toAuditEvent(record: AuditRecord, options: AuditEventOptions = {}): FhirAuditEvent {
  assertMappable(record);
  const subtype = [
    { system: DCR_AUDIT_ACTION, code: record.action, display: ACTION_DISPLAY[record.action] },
    ...[DICOM_SUBTYPE[record.action]].filter((c): c is FhirCoding => c !== undefined),
  ];
  const purposeOfEvent = purposeOf(record);
  const entity = entitiesOf(record);
  return {
    resourceType: 'AuditEvent',
    id: record.id,
    ...(record.alert && { meta: { tag: [PRIVACY_ALERT] } }),
    type: PATIENT_RECORD,
    subtype,
    action: READ_ACTIONS.has(record.action) ? 'R' : 'E',
    recorded: record.recorded,
    outcome: OUTCOME[record.outcome],
    ...(record.detail && { outcomeDesc: record.detail }),
    ...(purposeOfEvent.length > 0 && { purposeOfEvent }),
    agent: [
      {
        type: { coding: [INFORMATION_RECIPIENT] },
        who: {
          identifier: { system: SDS_USER_ID_SYSTEM, value: record.viewer.userId },
          display: record.viewer.name,
        },
        requestor: true,
        role: (record.viewer.roles ?? []).map((code) => ({
          coding: [{ system: SDS_JOB_ROLE, code }],
        })),
      },
      {
        type: { coding: [HEALTHCARE_PROVIDER] },
        who: { identifier: { system: ODS_ORGANISATION_SYSTEM, value: record.viewer.organisation } },
        requestor: false,
      },
    ],
    source: {
      site: record.viewer.setting,
      observer: { display: options.observer ?? 'dcr-elements' },
      type: [USER_DEVICE],
    },
    ...(entity.length > 0 && { entity }),
  };
}

/** Why: the consent basis, or the override's purpose and coded reason (with the clinician's note). */
function purposeOf(record: AuditRecord): FhirCodeableConcept[] {
  const reason = record.overrideReason;
  if ((record.basis === 'override' || record.action === 'override') && reason) {
    const { purpose, override, display } = OVERRIDE_PURPOSE[reason];
    return [
      { coding: [purpose] },
      {
        coding: [override, { system: DCR_OVERRIDE_REASON, code: reason, display }],
        // The clinician's justification, where the FHIR break-glass examples carry it.
        text: record.overrideNote ?? display,
      },
    ];
  }
  return record.basis === 'consent' ? [{ coding: [TREAT] }] : [];
}

/** What: the patient by NHS number, and the sections as one entity with a detail each. */
function entitiesOf(record: AuditRecord): FhirAuditEventEntity[] {
  const entities: FhirAuditEventEntity[] = [];
  if (record.patient) {
    entities.push({
      what: { identifier: { system: NHS_NUMBER_SYSTEM, value: record.patient.nhsNumber } },
      type: PERSON,
      role: PATIENT_ROLE,
    });
  }
  if (record.sections && record.sections.length > 0) {
    entities.push({
      type: SYSTEM_OBJECT,
      // A fetch is a query of the source; every other action concerns the sections themselves.
      role: record.action === 'section-fetched' ? QUERY : DOMAIN_RESOURCE,
      name: 'dcr-sections',
      detail: record.sections.map((section) => ({ type: 'section', valueString: section })),
    });
  }
  return entities;
}
