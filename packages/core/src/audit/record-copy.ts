/**
 * The copy of an AuditRecord the outbox stores: its declared fields only, so nothing a caller
 * attached to the object (a section value, a DOM node) can reach IndexedDB or the sink. It never
 * throws: a malformed record (checked separately, record-check.ts) is still copied field by field,
 * with anything that is not plain text turned into text, so it can be kept as a dead letter.
 */
import type { AuditRecord } from './audit-record.js';

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

export function copyAuditRecord(record: AuditRecord): AuditRecord {
  const viewer = (record.viewer ?? {}) as Partial<Record<keyof AuditRecord['viewer'], unknown>>;
  const copy = {
    id: String(record.id),
    action: text(record.action),
    outcome: text(record.outcome),
    recorded: String(record.recorded),
    viewer: {
      userId: text(viewer.userId),
      name: text(viewer.name),
      roles: Array.isArray(viewer.roles) ? viewer.roles.map(String) : [],
      organisation: text(viewer.organisation),
      setting: text(viewer.setting),
    },
  } as AuditRecord;
  const { patient } = record;
  if (patient) copy.patient = { nhsNumber: String(patient.nhsNumber) };
  if (Array.isArray(record.sections))
    copy.sections = record.sections.map(String) as typeof copy.sections;
  if (record.basis) copy.basis = text(record.basis) as AuditRecord['basis'];
  if (record.overrideReason)
    copy.overrideReason = text(record.overrideReason) as AuditRecord['overrideReason'];
  if (record.overrideNote !== undefined) copy.overrideNote = text(record.overrideNote);
  if (record.detail !== undefined) copy.detail = text(record.detail);
  if (record.alert !== undefined) copy.alert = record.alert === true;
  return copy;
}
