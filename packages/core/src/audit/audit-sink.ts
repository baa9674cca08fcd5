/**
 * Where the audit trail delivers: one call per record, resolved when the far end has it. A sink
 * never decides to drop a record: it answers "delivered", "try again" (with an optional wait) or
 * "rejected for good", and the trail keeps rejected records in its dead-letter store.
 */
import type { AuditRecord } from './audit-record.js';
import type { FhirAuditEvent } from './fhir-audit-event.js';
import { toAuditEvent } from './to-audit-event.js';

export type AuditDelivery =
  | { ok: true; status?: number }
  | { ok: false; retry: true; status?: number; retryAfterMs?: number }
  | { ok: false; retry: false; status: number };

export interface AuditSendOptions {
  /** Aborts the attempt when the trail closes. */
  signal: AbortSignal;
  /** Set for the last-chance send as the page goes away (`fetch` `keepalive`). */
  keepalive?: boolean;
}

export interface AuditSink {
  /** Delivers one record. Must be idempotent on `record.id`: the same record may come twice. */
  send(record: AuditRecord, options: AuditSendOptions): Promise<AuditDelivery>;
}

/**
 * A sink that hands each record, as a FHIR AuditEvent and as the record itself, to `deliver`.
 * Resolving means delivered; rejecting means "try again later" (the record stays queued).
 */
export function callbackAuditSink(
  deliver: (event: FhirAuditEvent, record: AuditRecord) => Promise<unknown>,
): AuditSink {
  return {
    async send(record) {
      try {
        await deliver(toAuditEvent(record), record);
        return { ok: true };
      } catch {
        return { ok: false, retry: true };
      }
    },
  };
}
