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
import { parseRetryAfter } from '../http/fetch-json.js';
import { loadOnce } from '../load-once.js';
import type { AuditDelivery, AuditSink } from './audit-sink.js';
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

/** Statuses worth another try; any other 4xx is a permanent rejection of the record. */
const RETRYABLE_4XX = new Set([408, 409, 429]);

/** The AuditEvent mapping and its code sets: a chunk of its own, asked for as a sink is made. */
const mapping = loadOnce(() => import('./to-audit-event.js'));

export function fhirAuditSink(options: FhirAuditSinkOptions): AuditSink {
  const base = options.url.replace(/\/+$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  // Here long before the first record is sent, so a last-chance send as the page goes away (which
  // cannot wait for a download) finds it; a failed load is asked for again by the next send.
  mapping().catch(() => undefined);
  return {
    async send(record, { signal, keepalive }): Promise<AuditDelivery> {
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal.addEventListener('abort', abort, { once: true });
      const timer = setTimeout(abort, timeoutMs);
      try {
        const { toAuditEvent } = await mapping();
        const response = await fetchFn(`${base}/AuditEvent/${encodeURIComponent(record.id)}`, {
          method: 'PUT',
          headers: {
            accept: 'application/fhir+json',
            'content-type': 'application/fhir+json',
            ...options.headers,
          },
          body: JSON.stringify(toAuditEvent(record, options)),
          signal: controller.signal,
          ...(keepalive && { keepalive: true }),
        });
        // The body is not needed; reading it frees the connection.
        await response.text().catch(() => undefined);
        const { status } = response;
        if (status >= 200 && status < 300) return { ok: true, status };
        if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status))
          return { ok: false, retry: false, status };
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        return {
          ok: false,
          retry: true,
          status,
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        };
      } catch {
        // Offline, refused, timed out or aborted, or the mapping did not load: the record stays queued.
        return { ok: false, retry: true };
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', abort);
      }
    },
  };
}
