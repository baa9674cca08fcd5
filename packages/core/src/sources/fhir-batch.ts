import { RecordError } from '../http/errors.js';
import { fetchJson, type FetchLike, type RetryPolicy } from '../http/fetch-json.js';
import { responseError } from '../http/spine-errors.js';
import { array, record, text } from '../normalise/shared/read.js';

/**
 * Which batch a search goes in. `first`: what the first clinically useful paint needs (the allergy
 * banner and the current medicines, DESIGN §9), never held back by the record's larger searches
 * (results, encounters), which go in `rest`.
 */
export type Lane = 'first' | 'rest';

export interface BatchConfig {
  baseUrl: string;
  fetchFn: FetchLike;
  headers?: Record<string, string>;
  retry: RetryPolicy;
  /** False: every search is a GET of its own. */
  enabled: boolean;
}

interface Waiting {
  url: string;
  lane: Lane;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Answers that mean "this server has no batch": remembered, and never asked again. */
const NO_BATCH = new Set([404, 405, 501]);
/** Failures another attempt may mend (as fetchJson retries them). */
const transient = (error: RecordError) =>
  error.kind === 'network' || error.status === 429 || error.status === 503;

/**
 * GETs under `baseUrl` asked for in the same task (the searches of every section a page asks for,
 * their next pages, the recorders' look-ups) go as one FHIR R4 `batch` per lane and abort signal:
 * a Bundle POSTed to the base, each entry the GET it stands for. Each entry's answer is handled as
 * that GET's would be: a success is its Bundle, an error status its own RecordError (the others'
 * are unaffected), a 429 or 503 asked again on its own. A lone GET is sent as it is.
 *
 * A batch is never a new way to fail: when the batch itself fails (no answer, a timeout, a body
 * cut short, any error status), each of its searches is asked on its own, as without batching,
 * the batch counting as their first attempt when the failure was one worth retrying. A server that
 * answers 404, 405 or 501, or not with a `batch-response`, has no batch: the source remembers
 * that and sends GETs from then on.
 */
export function batchedGet(config: BatchConfig) {
  const { baseUrl, fetchFn, headers, retry } = config;
  let supported = config.enabled;
  let queued: Waiting[] = [];

  const alone = (url: string, signal?: AbortSignal, policy = retry) =>
    fetchJson(fetchFn, { url, ...(headers && { headers }), signal }, policy);

  /** After a transient failure of the batch or of its entry: the remaining attempts, alone. */
  async function again(waiting: Waiting, error: RecordError): Promise<unknown> {
    const after = (error as RecordError & { retryAfterMs?: number }).retryAfterMs;
    if (retry.retries === 0 || (after ?? 0) > retry.maxRetryAfterMs) throw error;
    try {
      await retry.sleep(after ?? retry.backoffMs, waiting.signal);
    } catch {
      throw new RecordError('aborted');
    }
    return alone(waiting.url, waiting.signal, {
      ...retry,
      retries: retry.retries - 1,
      backoffMs: retry.backoffMs * 2,
    });
  }

  const settle = (waiting: Waiting, answer: Promise<unknown>): void => {
    answer.then(waiting.resolve, waiting.reject);
  };

  function askAlone(group: Waiting[], error?: RecordError): void {
    for (const waiting of group)
      settle(
        waiting,
        error && transient(error) ? again(waiting, error) : alone(waiting.url, waiting.signal),
      );
  }

  function answerEntry(waiting: Waiting, entry: Record<string, unknown> | undefined): void {
    const response = record(entry?.response);
    const status = Number.parseInt(text(response?.status) ?? '', 10);
    const resource = record(entry?.resource);
    if (status >= 200 && status < 300 && resource) return waiting.resolve(resource);
    const error = Number.isInteger(status)
      ? responseError(status, response?.outcome ?? resource)
      : new RecordError('server');
    if (transient(error)) settle(waiting, again(waiting, error));
    else waiting.reject(error);
  }

  function send(group: Waiting[]): void {
    if (!supported || group.length === 1) return askAlone(group);
    const signal = group[0]!.signal;
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: group.map(({ url }) => ({
        request: { method: 'GET', url: url.slice(baseUrl.length + 1) },
      })),
    };
    fetchJson(
      fetchFn,
      { url: baseUrl, json: batch, ...(headers && { headers }), signal },
      { ...retry, retries: 0 },
    ).then(
      (answer) => {
        const bundle = record(answer);
        const entries = array(bundle?.entry);
        if (bundle?.type !== 'batch-response' || entries.length !== group.length) {
          supported = false;
          return askAlone(group);
        }
        group.forEach((waiting, i) => answerEntry(waiting, record(entries[i])));
      },
      (error: unknown) => {
        const failure = error instanceof RecordError ? error : new RecordError('server');
        if (failure.kind === 'aborted') return group.forEach((w) => w.reject(failure));
        if (failure.status !== undefined && NO_BATCH.has(failure.status)) supported = false;
        askAlone(group, failure);
      },
    );
  }

  function flush(): void {
    const groups = new Map<AbortSignal | undefined, Map<Lane, Waiting[]>>();
    for (const waiting of queued) {
      const lanes = groups.get(waiting.signal) ?? new Map<Lane, Waiting[]>();
      groups.set(waiting.signal, lanes);
      lanes.set(waiting.lane, [...(lanes.get(waiting.lane) ?? []), waiting]);
    }
    queued = [];
    for (const lanes of groups.values()) for (const group of lanes.values()) send(group);
  }

  /** One GET of the record, batched with the others asked for in the same task. */
  return function get(url: string, lane: Lane, signal?: AbortSignal): Promise<unknown> {
    if (!supported || !url.startsWith(`${baseUrl}/`)) return alone(url, signal);
    return new Promise((resolve, reject) => {
      // A task, not a microtask: searches started by promise reactions a few steps apart still
      // go together.
      if (queued.length === 0) setTimeout(flush, 0);
      queued.push({ url, lane, ...(signal && { signal }), resolve, reject });
    });
  };
}
