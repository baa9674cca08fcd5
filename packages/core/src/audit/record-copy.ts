/**
 * The copy of an AuditRecord the outbox stores: its declared fields only, so nothing a caller
 * attached to the object (a section value, a DOM node) can reach IndexedDB or the sink.
 */
import type { AuditRecord } from './audit-record.js';

export function copyAuditRecord(record: AuditRecord): AuditRecord {
  const { viewer, patient } = record;
  const copy: AuditRecord = {
    id: String(record.id),
    action: record.action,
    outcome: record.outcome,
    recorded: String(record.recorded),
    viewer: {
      userId: viewer.userId,
      name: viewer.name,
      roles: [...viewer.roles],
      organisation: viewer.organisation,
      setting: viewer.setting,
    },
  };
  if (patient) copy.patient = { nhsNumber: patient.nhsNumber };
  if (record.sections) copy.sections = [...record.sections];
  if (record.basis) copy.basis = record.basis;
  if (record.overrideReason) copy.overrideReason = record.overrideReason;
  if (record.overrideNote !== undefined) copy.overrideNote = record.overrideNote;
  if (record.detail !== undefined) copy.detail = record.detail;
  if (record.alert !== undefined) copy.alert = record.alert;
  return copy;
}
