import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { RecordError } from './errors.js';
import {
  DEFAULT_RETRY_POLICY,
  fetchJson,
  parseRetryAfter,
  type RetryPolicy,
} from './fetch-json.js';

const ok = () => new Response(JSON.stringify({ resourceType: 'Bundle' }), { status: 200 });
const status = (code: number, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'transient' }] }),
    {
      status: code,
      headers,
    },
  );

/** A fetch answering from a script, one answer per call, and a policy whose sleeps are recorded. */
function scripted(answers: (() => Response | Promise<Response>)[]) {
  let calls = 0;
  const sleeps: number[] = [];
  const fetchFn = async () => {
    const answer = answers[calls++];
    if (!answer) throw new Error('unexpected extra request');
    return answer();
  };
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { fetchFn, policy, sleeps, calls: () => calls };
}

async function failure(promise: Promise<unknown>): Promise<RecordError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RecordError);
    return error as RecordError;
  }
  throw new Error('expected a RecordError');
}

describe('fetchJson retries and timeouts', () => {
  it('retries 429 honouring Retry-After, then 503 with backoff, then succeeds', async () => {
    const net = scripted([() => status(429, { 'retry-after': '2' }), () => status(503), ok]);
    const body = await fetchJson(net.fetchFn, { url: '/x' }, net.policy);
    expect(body).to.deep.equal({ resourceType: 'Bundle' });
    expect(net.calls()).to.equal(3);
    expect(net.sleeps).to.deep.equal([2000, DEFAULT_RETRY_POLICY.backoffMs * 2]);
  });

  it('gives up after the configured retries with the last failure', async () => {
    const net = scripted([
      () => status(503),
      () => status(503),
      () => status(503),
      () => status(503),
    ]);
    const error = await failure(fetchJson(net.fetchFn, { url: '/x' }, net.policy));
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(503);
    expect(net.calls()).to.equal(DEFAULT_RETRY_POLICY.retries + 1);
    expect(net.sleeps).to.deep.equal([300, 600, 1200]);
  });

  it('never retries other 4xx or 500', async () => {
    for (const code of [400, 401, 403, 404, 422, 500]) {
      const net = scripted([() => status(code), ok]);
      const error = await failure(fetchJson(net.fetchFn, { url: '/x' }, net.policy));
      expect(error.status, String(code)).to.equal(code);
      expect(net.calls(), String(code)).to.equal(1);
    }
  });

  it('does not wait for a Retry-After longer than the policy accepts', async () => {
    const net = scripted([() => status(429, { 'retry-after': '3600' }), ok]);
    const error = await failure(fetchJson(net.fetchFn, { url: '/x' }, net.policy));
    expect(error.status).to.equal(429);
    expect(net.calls()).to.equal(1);
  });

  it('retries network failures and truncated bodies', async () => {
    const net = scripted([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('{"resourceType":"Bun', { status: 200 }),
      ok,
    ]);
    expect(await fetchJson(net.fetchFn, { url: '/x' }, net.policy)).to.deep.equal({
      resourceType: 'Bundle',
    });
    expect(net.calls()).to.equal(3);
  });

  it('times out a request that does not answer, without retrying it', async () => {
    let calls = 0;
    const hanging = (_: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        calls++;
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const started = performance.now();
    const error = await failure(
      fetchJson(hanging, { url: '/x' }, { ...DEFAULT_RETRY_POLICY, timeoutMs: 50 }),
    );
    expect(error.kind).to.equal('timeout');
    expect(calls).to.equal(1);
    expect(performance.now() - started).to.be.below(1000);
  });

  it('stops at once when the caller aborts, even while waiting to retry', async () => {
    const controller = new AbortController();
    const net = scripted([() => status(503), ok]);
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, backoffMs: 10_000 };
    const pending = fetchJson(net.fetchFn, { url: '/x', signal: controller.signal }, policy);
    setTimeout(() => controller.abort(), 20);
    const error = await failure(pending);
    expect(error.kind).to.equal('aborted');
    expect(net.calls()).to.equal(1);
  });

  it('keeps server text out of the error message', async () => {
    const net = scripted([
      () =>
        new Response(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ code: 'not-found', diagnostics: 'Patient 9434765919 unknown' }],
          }),
          { status: 404 },
        ),
    ]);
    const error = await failure(fetchJson(net.fetchFn, { url: '/x' }, net.policy));
    expect(error.kind).to.equal('not-found');
    expect(error.issueCode).to.equal('not-found');
    expect(error.message).not.to.contain('9434765919');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('5')).to.equal(5000);
    expect(
      parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1)),
    ).to.equal(10_000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
