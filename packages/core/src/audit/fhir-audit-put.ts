/**
 * One `PUT [base]/AuditEvent/[id]` for `fhirAuditSink` (fhir-audit-sink.ts says why PUT), with
 * what it needs: the AuditEvent mapping and its code sets, and the `Retry-After` reader. A chunk of
 * its own, asked for as the sink is made, so it is here before the first record (and before a
 * last-chance send as the page goes away, which cannot wait for a download).
 */
import { parseRetryAfter, type FetchLike } from '../http/fetch-json.js';
import type { AuditRecord } from './audit-record.js';
import type { AuditDelivery, AuditSendOptions } from './audit-sink.js';
import { toAuditEvent, type AuditEventOptions } from './to-audit-event.js';

export interface AuditPut {
  base: string;
  fetchFn: FetchLike;
  timeoutMs: number;
  headers: Record<string, string> | undefined;
  event: AuditEventOptions;
}

/** Statuses worth another try; any other 4xx is a permanent rejection of the record. */
const RETRYABLE_4XX = new Set([408, 409, 429]);

export async function putAuditEvent(
  record: AuditRecord,
  { signal, keepalive }: AuditSendOptions,
  put: AuditPut,
): Promise<AuditDelivery> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, put.timeoutMs);
  try {
    const response = await put.fetchFn(`${put.base}/AuditEvent/${encodeURIComponent(record.id)}`, {
      method: 'PUT',
      headers: {
        accept: 'application/fhir+json',
        'content-type': 'application/fhir+json',
        ...put.headers,
      },
      body: JSON.stringify(toAuditEvent(record, put.event)),
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
    // Offline, refused, timed out or aborted: the record stays queued.
    return { ok: false, retry: true };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
