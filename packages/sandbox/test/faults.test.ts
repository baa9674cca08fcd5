// Fault profiles, selected per request by header and configured over HTTP.
import '@dcr-elements/test-support';
import {
  SANDBOX_FAULTS,
  SANDBOX_FHIR_R4,
  clearFaults,
  configureFaults,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../src/synthetic/roster.js';

const url = `${SANDBOX_FHIR_R4}/Patient/${SANDBOX_PATIENTS.typical.id}`;
const withProfile = (name: string, init: RequestInit = {}) => ({
  ...init,
  headers: { 'x-dcr-sandbox-profile': name },
});

describe('sandbox fault injection', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('injects nothing by default, nor for a request without the header', async () => {
    await configureFaults('always-503', { queue: [{ status: 503 }] });
    expect((await fetch(url)).status).to.equal(200);
    expect((await fetch(url, withProfile('no-such-profile'))).status).to.equal(200);
  });

  it('delays responses within the configured latency range', async () => {
    await configureFaults('slow', { seed: 7, latencyMs: { min: 80, max: 160 } });
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const response = await fetch(url, withProfile('slow'));
      const elapsed = performance.now() - started;
      expect(response.status).to.equal(200);
      expect(elapsed).to.be.at.least(75);
      expect(elapsed).to.be.below(1000);
    }
  });

  it('answers 429 with Retry-After, then recovers', async () => {
    await configureFaults('throttled', { queue: [{ status: 429, retryAfterSeconds: 2 }] });
    const first = await fetch(url, withProfile('throttled'));
    expect(first.status).to.equal(429);
    expect(first.headers.get('retry-after')).to.equal('2');
    expect((await first.json()).issue[0].code).to.equal('throttled');
    expect((await fetch(url, withProfile('throttled'))).status).to.equal(200);
  });

  it('answers 503 and 500 from the queue in order', async () => {
    await configureFaults('flaky', { queue: [{ status: 503 }, { status: 500 }] });
    expect((await fetch(url, withProfile('flaky'))).status).to.equal(503);
    expect((await fetch(url, withProfile('flaky'))).status).to.equal(500);
    expect((await fetch(url, withProfile('flaky'))).status).to.equal(200);
  });

  it('truncates a body so it cannot be parsed', async () => {
    await configureFaults('cut', { queue: [{ truncate: true }] });
    const response = await fetch(url, withProfile('cut'));
    expect(response.status).to.equal(200);
    let parsed = true;
    await response.json().catch(() => (parsed = false));
    expect(parsed).to.equal(false);
  });

  it('holds a response long enough for a client timeout', async () => {
    await configureFaults('hang', { queue: [{ timeoutMs: 600 }] });
    let error: unknown;
    await fetch(url, withProfile('hang', { signal: AbortSignal.timeout(100) })).catch(
      (e) => (error = e),
    );
    expect((error as Error)?.name).to.equal('TimeoutError');
  });

  it('is deterministic for a seed: the same rate draws the same failures', async () => {
    const run = async () => {
      await configureFaults('rate', {
        seed: 42,
        rate: { probability: 0.5, fault: { status: 503 } },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(url, withProfile('rate'))).status);
      return statuses;
    };
    const first = await run();
    expect(first).to.include(503);
    expect(first).to.include(200);
    expect(await run()).to.deep.equal(first);
  });

  it('rejects an invalid configuration', async () => {
    const response = await fetch(`${SANDBOX_FAULTS}/bad`, {
      method: 'PUT',
      body: JSON.stringify({ queue: [{ status: 418 }] }),
    });
    expect(response.status).to.equal(400);
  });
});
