import { RecordError, kindForStatus } from './errors.js';

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

/**
 * One JSON request to a FHIR server. Non-2xx answers become a {@link RecordError} carrying the
 * OperationOutcome issue code when the body has one; the body text itself is never surfaced.
 */
export async function fetchJson(fetchFn: FetchLike, request: JsonRequest): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/fhir+json', ...request.headers };
  let body: string | undefined;
  if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers['content-type'] = 'application/fhir+json';
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetchFn(request.url, {
      method: request.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal?.aborted) throw new RecordError('aborted');
    throw new RecordError('network');
  }
  const json = await readJson(response, request.signal);
  if (!response.ok) {
    throw new RecordError(kindForStatus(response.status), response.status, firstIssueCode(json));
  }
  if (json === undefined) throw new RecordError('server', response.status);
  return json;
}

async function readJson(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    if (signal?.aborted) throw new RecordError('aborted');
    return undefined;
  }
}

function firstIssueCode(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const outcome = json as { resourceType?: unknown; issue?: { code?: unknown }[] };
  if (outcome.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return undefined;
  const code = outcome.issue[0]?.code;
  return typeof code === 'string' ? code : undefined;
}
