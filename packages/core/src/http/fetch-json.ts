import { RecordError } from './errors.js';
import { responseError } from './spine-errors.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface JsonRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** Form fields, sent as `application/x-www-form-urlencoded` so they stay out of the URL. */
  form?: Record<string, string>;
  /** A FHIR resource body (e.g. a Parameters resource), sent as `application/fhir+json`. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** How hard to try. Every request is a read, so retrying is safe. */
export interface RetryPolicy {
  /** Per attempt, covering the body too. */
  timeoutMs: number;
  /**
   * The largest body read, in bytes (default 32 MiB): a larger one is refused before it is parsed
   * (`too-large`), as a misbehaving proxy's or server's would otherwise freeze the page parsing it.
   */
  maxBodyBytes: number;
  /** Further attempts after the first, for 429, 503 and network failures. */
  retries: number;
  /** First backoff; doubles each retry. `Retry-After` wins when the server sends it. */
  backoffMs: number;
  /** The longest wait accepted from `Retry-After` (a longer one ends the retries). */
  maxRetryAfterMs: number;
  /** Waits `ms` or rejects when `signal` aborts; injectable so tests need not wait. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  timeoutMs: 15_000,
  maxBodyBytes: 32 * 1024 * 1024,
  retries: 3,
  backoffMs: 300,
  maxRetryAfterMs: 10_000,
  sleep: abortableSleep,
};

const RETRYABLE_STATUSES = new Set([429, 503]);

/**
 * One JSON request to a FHIR server, with a timeout per attempt and retries with backoff on 429,
 * 503 and network failures (never on other 4xx: asking again will not change the answer).
 * Failures become a {@link RecordError} carrying the OperationOutcome code when the body has one;
 * the body text itself is never surfaced.
 */
export async function fetchJson(
  fetchFn: FetchLike,
  request: JsonRequest,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(fetchFn, request, policy);
    if (!(outcome instanceof RecordError)) return outcome;
    const wait = retryDelay(outcome, attempt, policy);
    if (wait === undefined) throw outcome;
    try {
      await policy.sleep(wait, request.signal);
    } catch {
      throw new RecordError('aborted');
    }
  }
}

/** The wait before the next attempt, or `undefined` when the failure is final. */
function retryDelay(
  error: RetryableError,
  attempt: number,
  policy: RetryPolicy,
): number | undefined {
  if (attempt >= policy.retries) return undefined;
  const retryable =
    error.kind === 'network' ||
    (error.status !== undefined && RETRYABLE_STATUSES.has(error.status));
  if (!retryable) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  return policy.backoffMs * 2 ** attempt;
}

type RetryableError = RecordError & { retryAfterMs?: number };

async function attemptOnce(
  fetchFn: FetchLike,
  request: JsonRequest,
  { timeoutMs, maxBodyBytes }: RetryPolicy,
): Promise<unknown | RetryableError> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort();
  request.signal?.addEventListener('abort', forwardAbort, { once: true });
  // Abort and timeout end the request for good; anything else is for retryDelay to judge.
  const finalError = () =>
    request.signal?.aborted
      ? new RecordError('aborted')
      : timedOut
        ? new RecordError('timeout')
        : undefined;
  try {
    if (request.signal?.aborted) throw new RecordError('aborted');
    let response: Response;
    try {
      response = await fetchFn(request.url, { ...init(request), signal: controller.signal });
    } catch {
      const final = finalError();
      if (final) throw final;
      return new RecordError('network');
    }
    let json: unknown;
    try {
      const text = await boundedText(response, maxBodyBytes);
      if (text === undefined) return new RecordError('too-large', response.status);
      json = JSON.parse(text);
    } catch {
      const final = finalError();
      if (final) throw final;
      if (!response.ok) return statusError(response, undefined);
      // A 2xx whose body is cut short or unreadable: a transport failure, worth another try.
      return new RecordError('network', response.status);
    }
    return response.ok ? json : statusError(response, json);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * The body as text, or `undefined` when it is larger than `maxBytes`: refused by its declared
 * length before any of it is read, else while it streams in (a chunked body declares none).
 */
async function boundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(read.value);
  }
  const decoder = new TextDecoder();
  return chunks
    .map((chunk, i) => decoder.decode(chunk, { stream: i < chunks.length - 1 }))
    .join('');
}

function init(request: JsonRequest): RequestInit {
  const headers: Record<string, string> = { accept: 'application/fhir+json', ...request.headers };
  let body: string | undefined;
  if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers['content-type'] = 'application/fhir+json';
    body = JSON.stringify(request.json);
  }
  return { method: request.method ?? (body ? 'POST' : 'GET'), headers, body };
}

function statusError(response: Response, json: unknown): RetryableError {
  const error: RetryableError = responseError(response.status, json);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (retryAfter !== undefined) error.retryAfterMs = retryAfter;
  return error;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
