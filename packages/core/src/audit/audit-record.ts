import type { SectionName } from '../model/sections.js';
import type { ViewerContext } from '../policy/viewer.js';

/**
 * Why the record may be viewed without the patient's consent (duty of care): the one list, which
 * the consent check, the audit record check and the consent gate's choices all read.
 */
export const OVERRIDE_REASONS = ['emergency', 'safeguarding', 'unable-to-respond'] as const;

export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

/**
 * What the session reports for the audit trail: one record per attempt, decision, refusal,
 * override, section fetched, section shown, error and end. Records hold identities and
 * decisions only, never clinical content. `id` is stable, so delivery can be idempotent.
 */
export interface AuditRecord {
  id: string;
  action:
    | 'attempt'
    | 'access-decision'
    | 'consent-recorded'
    | 'override'
    | 'refusal'
    | 'section-fetched'
    | 'section-shown'
    | 'identity-mismatch'
    | 'error'
    | 'end';
  outcome: 'success' | 'refused' | 'failure';
  /** ISO date-time the event happened. */
  recorded: string;
  viewer: ViewerContext;
  /** The host's NHS number for the patient (absent only when the input itself was invalid). */
  patient?: { nhsNumber: string };
  sections?: SectionName[];
  /** The legal basis of the view, once decided. */
  basis?: 'consent' | 'override';
  overrideReason?: OverrideReason;
  /** The clinician's optional note on an override. */
  overrideNote?: string;
  /** The session state or error kind the event led to, e.g. `source-dissent`, `timeout`. */
  detail?: string;
  /** True when the privacy officer should be alerted (overrides, identity mismatches). */
  alert?: boolean;
}

/** Where the session hands audit records; the durable outbox implements it. */
export interface AuditTrail {
  record(record: AuditRecord): void;
}
