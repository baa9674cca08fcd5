/**
 * Whether an AuditRecord can become an AuditEvent at all. A record that cannot (an action, outcome,
 * basis or override reason outside the coded sets; a missing id or viewer) will never be accepted
 * however often it is sent, so the trail moves it to the dead-letter store at once instead of
 * retrying it in front of every later record. `toAuditEvent` runs the same check, so the rule has
 * one home. Problems are field names only: never a value, which may be patient data.
 */
import { OVERRIDE_REASONS, type AuditRecord, type OverrideReason } from './audit-record.js';

type Action = AuditRecord['action'];

// Records, not arrays, so adding an action or reason to the types fails to compile here first.
const ACTIONS: Record<Action, true> = {
  attempt: true,
  'access-decision': true,
  'consent-recorded': true,
  override: true,
  refusal: true,
  'section-fetched': true,
  'section-shown': true,
  'identity-mismatch': true,
  error: true,
  end: true,
};
const OUTCOMES: Record<AuditRecord['outcome'], true> = {
  success: true,
  refused: true,
  failure: true,
};
const BASES: Record<NonNullable<AuditRecord['basis']>, true> = { consent: true, override: true };

/** Why a record cannot be mapped (a field name), or undefined when it can. */
export type MappingProblem =
  | 'record'
  | 'id'
  | 'action'
  | 'outcome'
  | 'recorded'
  | 'viewer'
  | 'patient'
  | 'sections'
  | 'basis'
  | 'override-reason'
  | 'override-note'
  | 'detail';

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isIn = (set: object, value: unknown) =>
  typeof value === 'string' && Object.hasOwn(set, value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

export function mappingProblem(record: unknown): MappingProblem | undefined {
  if (typeof record !== 'object' || record === null) return 'record';
  const r = record as Partial<Record<keyof AuditRecord, unknown>>;
  if (!isText(r.id)) return 'id';
  if (!isIn(ACTIONS, r.action)) return 'action';
  if (!isIn(OUTCOMES, r.outcome)) return 'outcome';
  if (!isText(r.recorded)) return 'recorded';
  // Lenient on the viewer: a session audits an invalid viewer with whatever identity was given,
  // so only what the mapping cannot do without (a user id, role codes as a list) is required.
  const viewer = r.viewer as Partial<Record<keyof AuditRecord['viewer'], unknown>> | undefined;
  if (
    typeof viewer !== 'object' ||
    viewer === null ||
    !isText(viewer.userId) ||
    !optionalString(viewer.organisation) ||
    !optionalString(viewer.name) ||
    !optionalString(viewer.setting) ||
    !(
      viewer.roles === undefined ||
      (Array.isArray(viewer.roles) && viewer.roles.every((role) => typeof role === 'string'))
    )
  )
    return 'viewer';
  const patient = r.patient as { nhsNumber?: unknown } | undefined;
  if (patient !== undefined && (typeof patient !== 'object' || !isText(patient?.nhsNumber)))
    return 'patient';
  if (
    r.sections !== undefined &&
    (!Array.isArray(r.sections) || !r.sections.every((s) => typeof s === 'string'))
  )
    return 'sections';
  if (r.basis !== undefined && !isIn(BASES, r.basis)) return 'basis';
  if (
    r.overrideReason !== undefined &&
    !OVERRIDE_REASONS.includes(r.overrideReason as OverrideReason)
  )
    return 'override-reason';
  if (!optionalString(r.overrideNote)) return 'override-note';
  if (!optionalString(r.detail)) return 'detail';
  return undefined;
}

/** Thrown by `toAuditEvent` for a record it cannot map; `problem` names the field. */
export class UnmappableAuditRecordError extends Error {
  override readonly name = 'UnmappableAuditRecordError';
  constructor(readonly problem: MappingProblem) {
    super(`The audit record cannot be mapped to an AuditEvent (${problem}).`);
  }
}

export function assertMappable(record: unknown): asserts record is AuditRecord {
  const problem = mappingProblem(record);
  if (problem) throw new UnmappableAuditRecordError(problem);
}
