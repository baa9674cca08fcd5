/**
 * Consent to view: the one place a {@link Grant} is made. Fetching any section requires a live
 * grant; only `decideConsent` here mints one, for a "yes" or a duty-of-care override with a coded
 * reason. "No" mints nothing, so nothing can be fetched.
 */
import { OVERRIDE_REASONS, type OverrideReason } from '../audit/audit-record.js';
import type { Validated } from '../policy/viewer.js';

export { OVERRIDE_REASONS, type OverrideReason };

export type ConsentDecision =
  | { decision: 'granted' }
  | { decision: 'declined' }
  | { decision: 'override'; reason: OverrideReason; note?: string };

declare const grantBrand: unique symbol;

/** Permission to fetch one patient's record, until it expires or is ended. Only consent.ts makes one. */
export interface Grant {
  readonly [grantBrand]: true;
  readonly nhsNumber: string;
  readonly basis: 'consent' | 'override';
  readonly reason?: OverrideReason;
  readonly grantedAt: string;
  readonly expiresAt: string;
}

const minted = new WeakSet<object>();
const revoked = new WeakSet<object>();

const MAX_NOTE = 500;

export function validateConsentDecision(input: unknown): Validated<ConsentDecision> {
  const d = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (d.decision === 'granted' || d.decision === 'declined')
    return { ok: true, value: { decision: d.decision } };
  if (d.decision !== 'override')
    return {
      ok: false,
      reason: 'The consent decision is not one of granted, declined or override.',
    };
  if (!OVERRIDE_REASONS.includes(d.reason as OverrideReason)) {
    return {
      ok: false,
      reason:
        'A duty-of-care override needs a reason: emergency, safeguarding or unable-to-respond.',
    };
  }
  if (d.note !== undefined && (typeof d.note !== 'string' || d.note.length > MAX_NOTE)) {
    return {
      ok: false,
      reason: `The override note must be text of at most ${MAX_NOTE} characters.`,
    };
  }
  const note = typeof d.note === 'string' && d.note.trim() ? d.note.trim() : undefined;
  return {
    ok: true,
    value: { decision: 'override', reason: d.reason as OverrideReason, ...(note && { note }) },
  };
}

/** The grant a decision earns for this patient, or `undefined` for a "no". */
export function decideConsent(
  decision: ConsentDecision,
  nhsNumber: string,
  now: Date,
  minutes: number,
): Grant | undefined {
  if (decision.decision === 'declined') return undefined;
  const grant = Object.freeze({
    nhsNumber,
    basis: decision.decision === 'override' ? 'override' : 'consent',
    ...(decision.decision === 'override' && { reason: decision.reason }),
    grantedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
  }) as unknown as Grant;
  minted.add(grant);
  return grant;
}

/** Ends a grant for good (patient switch, end of viewing). */
export function revokeGrant(grant: Grant | undefined): void {
  if (grant) revoked.add(grant);
}

/** True only for a grant made here, not revoked, for this patient, and not expired. */
export function isLiveGrant(grant: unknown, nhsNumber: string, now: Date): grant is Grant {
  if (typeof grant !== 'object' || grant === null || !minted.has(grant) || revoked.has(grant))
    return false;
  const g = grant as Grant;
  return g.nhsNumber === nhsNumber && now.getTime() < Date.parse(g.expiresAt);
}
