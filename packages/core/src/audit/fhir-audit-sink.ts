/**
 * Delivers AuditEvents to a FHIR R4 server as `PUT [base]/AuditEvent/[id]` (update as create).
 *
 * Why PUT and not conditional create: PUT with the record's stable id is idempotent by HTTP and
 * FHIR semantics, so a resend after a lost acknowledgement, a reload or a second tab rewrites the
 * same resource instead of adding one, and it needs no search support on the server. Conditional
 * create (`POST` + `If-None-Exist: _id=…`) depends on the server's search index and is racy when
 * two creates overlap. The server must allow client-assigned ids for AuditEvent.
 */
import type { FetchLike } from '../http/fetch-json.js';
import { loadOnce } from '../load-once.js';
import type { AuditDelivery, AuditSink } from './audit-sink.js';
import type { AuditPut } from './fhir-audit-put.js';
import type { AuditEventOptions } from './to-audit-event.js';

export interface FhirAuditSinkOptions extends AuditEventOptions {
  /** FHIR R4 base URL, e.g. `/fhir/r4` (the host's own proxy). */
  url: string;
  fetch?: FetchLike;
  /** Extra request headers (authorisation, tracing). */
  headers?: Record<string, string>;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
}

/** The PUT itself, with the AuditEvent mapping: a chunk of its own (fhir-audit-put.ts). */
const putting = loadOnce(() => import('./fhir-audit-put.js'));

export function fhirAuditSink(options: FhirAuditSinkOptions): AuditSink {
  const { url, fetch: fetchOption, headers, timeoutMs, ...event } = options;
  const put: AuditPut = {
    base: url.replace(/\/+$/, ''),
    fetchFn: fetchOption ?? ((input, init) => fetch(input, init)),
    timeoutMs: timeoutMs ?? 15_000,
    headers,
    event,
  };
  // Here long before the first record is sent, so a last-chance send as the page goes away (which
  // cannot wait for a download) finds it; a failed load is asked for again by the next send.
  putting().catch(() => undefined);
  return {
    async send(record, sendOptions): Promise<AuditDelivery> {
      try {
        const { putAuditEvent } = await putting();
        return await putAuditEvent(record, sendOptions, put);
      } catch {
        // The PUT's code did not load: the record stays queued.
        return { ok: false, retry: true };
      }
    },
  };
}
