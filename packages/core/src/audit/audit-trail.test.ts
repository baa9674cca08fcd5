// The durable outbox against the sandbox over real HTTP: offline periods, 5xx/429 from the
// sandbox's fault injection, a "reload" mid-delivery and two tabs sharing one outbox.
import '@dcr-elements/test-support';
import {
  clearFaults,
  configureFaults,
  fixedClock,
  SANDBOX_FHIR_R4,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { AuditRecord } from './audit-record.js';
import { mixedRecords, EXAMPLE_VIEWER } from './audit-records.examples.js';
import { callbackAuditSink } from './audit-sink.js';
import { createAuditTrail, type AuditTrailEvent, type DurableAuditTrail } from './audit-trail.js';
import { fhirAuditSink } from './fhir-audit-sink.js';

const PROFILE_HEADER = 'x-dcr-sandbox-profile';
const BACKOFF = { initialMs: 5, maxMs: 40 };

/** Seeded [0, 1) (mulberry32), so jitter and ids reproduce. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const runId = () => `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 50_000,
): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A fetch in front of the sandbox that can go offline and counts, per AuditEvent id, the answers
 * that created it (201) and those that found it already stored (200).
 */
function networkToSandbox() {
  const created = new Map<string, number>();
  const alreadyStored = new Map<string, number>();
  const stats = { offlineRejections: 0, injectedFailures: 0, requests: 0 };
  let offline = false;
  const fetchFn = async (input: string, init?: RequestInit): Promise<Response> => {
    stats.requests++;
    if (offline) {
      stats.offlineRejections++;
      throw new TypeError('Failed to fetch');
    }
    const response = await fetch(input, init);
    const id = decodeURIComponent(input.slice(input.lastIndexOf('/') + 1));
    const tally =
      response.status === 201 ? created : response.status === 200 ? alreadyStored : undefined;
    if (tally) tally.set(id, (tally.get(id) ?? 0) + 1);
    if (response.status >= 429) stats.injectedFailures++;
    return response;
  };
  return {
    fetch: fetchFn,
    created,
    alreadyStored,
    stats,
    setOffline: (value: boolean) => (offline = value),
  };
}

/** Every AuditEvent the sandbox holds for one user, following the paging links. */
async function storedFor(userId: string): Promise<fhir4.AuditEvent[]> {
  const events: fhir4.AuditEvent[] = [];
  let url: string | undefined =
    `${SANDBOX_FHIR_R4}/AuditEvent?agent-identifier=${encodeURIComponent(userId)}&_count=500`;
  while (url) {
    const bundle = (await (await fetch(url)).json()) as fhir4.Bundle;
    events.push(...(bundle.entry ?? []).map((e) => e.resource as fhir4.AuditEvent));
    url = bundle.link?.find((l) => l.relation === 'next')?.url;
  }
  return events;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('durable audit trail', () => {
  const trails: DurableAuditTrail[] = [];
  const databases: string[] = [];
  const open = (options: Parameters<typeof createAuditTrail>[0]) => {
    const trail = createAuditTrail({ clock: fixedClock, backoff: BACKOFF, ...options });
    trails.push(trail);
    return trail;
  };
  const newDbName = () => {
    const name = `dcr-audit-test-${runId()}`;
    databases.push(name);
    return name;
  };

  afterEach(async () => {
    await Promise.all(trails.splice(0).map((t) => t.close()));
    await Promise.all(databases.splice(0).map(deleteDatabase));
    await clearFaults();
  });

  it('delivers 1,000 mixed events exactly once through offline, 5xx/429 and a reload mid-delivery', async function () {
    // Typically 12-22 s; the margin is for a loaded CI machine, not for slowness to go unnoticed.
    this.timeout(90_000);
    const started = performance.now();
    const userId = `durability-${runId()}`;
    const viewer = { ...EXAMPLE_VIEWER, userId };
    const records = mixedRecords(`${userId}`, 1000, viewer);
    await configureFaults('audit-flaky', {
      seed: 11,
      pathContains: '/AuditEvent',
      latencyMs: { min: 0, max: 4 },
      queue: [
        { status: 503 },
        { status: 500 },
        { status: 429, retryAfterSeconds: 0 },
        { status: 503 },
      ],
      rate: { probability: 0.25, fault: { status: 503 } },
    });
    const network = networkToSandbox();
    const events: AuditTrailEvent[] = [];
    const sink = fhirAuditSink({
      url: SANDBOX_FHIR_R4,
      fetch: network.fetch,
      headers: { [PROFILE_HEADER]: 'audit-flaky' },
    });
    const dbName = newDbName();
    const first = open({ sink, dbName, random: seeded(1), onEvent: (e) => events.push(e) });

    // Offline: 400 events queue up while every attempt fails.
    network.setOffline(true);
    for (const record of records.slice(0, 400)) first.record(record);
    await waitFor(() => network.stats.offlineRejections >= 20, 'offline attempts');
    expect(await first.pending()).to.equal(400);

    // Back online with server errors; "reload" the page while deliveries are in flight.
    network.setOffline(false);
    for (const record of records.slice(400, 700)) first.record(record);
    await waitFor(
      () => events.filter((e) => e.type === 'delivered').length >= 250,
      '250 deliveries',
    );
    await first.close();

    // The next page opens the same outbox, resends what is left and records the rest.
    const second = open({ sink, dbName, random: seeded(2) });
    expect(await second.pending(), 'left in the outbox by the reload').to.be.within(1, 450);
    for (const record of records.slice(700)) second.record(record);
    await waitFor(async () => (await second.pending()) === 0, 'an empty outbox', 75_000);

    const stored = await storedFor(userId);
    expect(stored).to.have.length(1000);
    expect(new Set(stored.map((e) => e.id))).to.deep.equal(new Set(records.map((r) => r.id)));
    // Stored once each (the sandbox is idempotent on id) and created by one request each; only a
    // send aborted by the reload may have been stored unseen (its resend then finds it stored).
    expect([...network.created.values()].every((n) => n === 1)).to.equal(true);
    const createdUnseen = records.filter((r) => !network.created.has(r.id));
    expect(createdUnseen.length, 'stored by the send the reload aborted').to.be.at.most(1);
    for (const record of createdUnseen) expect(network.alreadyStored.get(record.id)).to.equal(1);
    expect(await second.deadLetters()).to.equal(0);
    expect(network.stats.offlineRejections + network.stats.injectedFailures).to.be.greaterThan(100);
    // Reported by the test run: events, failures injected, resends of already-stored ids, time.
    console.info(
      `audit durability: 1000 events, ${network.stats.offlineRejections} offline rejections, ` +
        `${network.stats.injectedFailures} injected 5xx/429, ${[...network.alreadyStored.values()].reduce((a, b) => a + b, 0)} ` +
        `resends answered "already stored", ${network.stats.requests} requests, ${Math.round(performance.now() - started)} ms`,
    );
  });

  it('two tabs sharing the outbox deliver every event exactly once', async function () {
    this.timeout(60_000);
    const userId = `two-tabs-${runId()}`;
    const records = mixedRecords(userId, 300, { ...EXAMPLE_VIEWER, userId });
    await configureFaults('audit-two-tabs', {
      seed: 5,
      pathContains: '/AuditEvent',
      latencyMs: { min: 0, max: 3 },
      rate: { probability: 0.15, fault: { status: 503 } },
    });
    const network = networkToSandbox();
    const sink = fhirAuditSink({
      url: SANDBOX_FHIR_R4,
      fetch: network.fetch,
      headers: { [PROFILE_HEADER]: 'audit-two-tabs' },
    });
    const dbName = newDbName();
    const tabA = open({ sink, dbName, random: seeded(3) });
    const tabB = open({ sink, dbName, random: seeded(4) });
    records.forEach((record, n) => (n % 2 === 0 ? tabA : tabB).record(record));
    await waitFor(
      async () => (await tabA.pending()) === 0 && (await tabB.pending()) === 0,
      'both outboxes empty',
    );
    await Promise.all([tabA.flush(), tabB.flush()]);

    const stored = await storedFor(userId);
    expect(stored).to.have.length(300);
    for (const record of records) expect(network.created.get(record.id), record.id).to.equal(1);
    expect(
      network.alreadyStored.size,
      'no event was sent again after it was acknowledged',
    ).to.equal(0);
  });

  it('keeps only the audit record fields in the outbox', async () => {
    const dbName = newDbName();
    const trail = open({
      sink: callbackAuditSink(() => Promise.reject(new Error('sink down'))),
      dbName,
    });
    const [record] = mixedRecords(`outbox-${runId()}`, 1);
    const withExtras = {
      ...record!,
      medications: [{ name: 'Warfarin 3 mg tablets' }],
      clinicalNote: 'free text',
    };
    trail.record(withExtras as AuditRecord);
    await trail.flush();
    expect(await trail.pending()).to.equal(1);
    await trail.close();
    const db = await openDB(dbName);
    const values = (await db.getAll('outbox')) as Record<string, unknown>[];
    db.close();
    expect(values).to.have.length(1);
    expect(values[0]).to.deep.equal(record);
    const allowed = [
      'id',
      'action',
      'outcome',
      'recorded',
      'viewer',
      'patient',
      'sections',
      'basis',
      'overrideReason',
      'overrideNote',
      'detail',
      'alert',
    ];
    expect(Object.keys(values[0]!).every((key) => allowed.includes(key))).to.equal(true);
  });

  it('keeps a permanently rejected record as a dead letter, delivers the rest, and can retry it', async () => {
    const dbName = newDbName();
    const [rejected, ...others] = mixedRecords(`dead-${runId()}`, 5);
    let reject = true;
    const delivered: string[] = [];
    const events: AuditTrailEvent[] = [];
    const sink = fhirAuditSink({
      url: SANDBOX_FHIR_R4,
      fetch: async (input, init) => {
        if (reject && input.endsWith(`/${rejected!.id}`))
          return new Response('{}', { status: 422 });
        delivered.push(decodeURIComponent(input.slice(input.lastIndexOf('/') + 1)));
        return fetch(input, init);
      },
    });
    const trail = open({ sink, dbName, onEvent: (e) => events.push(e) });
    for (const record of [rejected!, ...others]) trail.record(record);
    await waitFor(async () => (await trail.pending()) === 0, 'delivery');
    expect(delivered).to.deep.equal(others.map((r) => r.id));
    expect(await trail.deadLetters()).to.equal(1);
    expect(events.find((e) => e.type === 'dead-letter')).to.include({
      id: rejected!.id,
      status: 422,
    });

    reject = false;
    expect(await trail.retryDeadLetters()).to.equal(1);
    await waitFor(
      async () => (await trail.pending()) === 0 && (await trail.deadLetters()) === 0,
      'the retry',
    );
    expect(delivered.at(-1)).to.equal(rejected!.id);
  });

  it('announces each record as queued (for the dcr-audit event) and flush returns after a failed attempt', async () => {
    const events: AuditTrailEvent[] = [];
    const trail = open({
      sink: callbackAuditSink(() => Promise.reject(new Error('down'))),
      dbName: newDbName(),
      onEvent: (e) => events.push(e),
    });
    const [record] = mixedRecords(`queued-${runId()}`, 1);
    trail.record(record!);
    expect(events[0]).to.deep.include({ type: 'queued', record });
    await trail.flush();
    expect(events.some((e) => e.type === 'retrying')).to.equal(true);
    expect(await trail.pending()).to.equal(1);
  });
});
