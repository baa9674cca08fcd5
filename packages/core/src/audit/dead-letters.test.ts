// The dead-letter store: what it holds, its purge by age and after delivery, and the upgrade from
// the first schema (bare records in `dead-letter`) to `dead-letters` with reason and time.
import '@dcr-elements/test-support';
import { fixedClock } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  deleteDatabase,
  eventsOf,
  FakeAuditServer,
  uniqueName,
  waitFor,
} from './audit-fakes.examples.js';
import type { AuditRecord } from './audit-record.js';
import { mixedRecords } from './audit-records.examples.js';
import { createAuditTrail, type AuditTrailEvent, type DurableAuditTrail } from './audit-trail.js';

const FAST = { clock: fixedClock, backoff: { initialMs: 10, maxMs: 40 }, sinkTimeoutMs: 100 };
const HOUR = 3_600_000;

describe('audit dead letters', () => {
  const trails: DurableAuditTrail[] = [];
  let dbName = '';
  const open = (options: Omit<Parameters<typeof createAuditTrail>[0], 'dbName'>) => {
    const trail = createAuditTrail({ ...FAST, dbName, ...options });
    trails.push(trail);
    return trail;
  };
  beforeEach(() => (dbName = uniqueName('dcr-audit-dead')));
  afterEach(async () => {
    await Promise.all(trails.splice(0).map((t) => t.close()));
    await deleteDatabase(dbName);
  });

  it('are purged once older than the configured age, and only those', async () => {
    let now = 1_000_000;
    const [old, young] = mixedRecords(uniqueName('aged'), 2);
    // Two records rejected for good an hour apart (a 422 from the sink).
    const rejecting = open({
      sink: { send: async () => ({ ok: false, retry: false, status: 422 }) },
      now: () => now,
      deadLetterMaxAgeMs: 2 * HOUR,
    });
    rejecting.record(old!);
    await waitFor(async () => (await rejecting.deadLetters()) === 1, 'the first dead letter');
    now += HOUR;
    rejecting.record(young!);
    await waitFor(async () => (await rejecting.deadLetters()) === 2, 'the second dead letter');
    await rejecting.close();

    // 2 h 30 after the first: the next drain purges it, not the younger one.
    now += 1.5 * HOUR;
    const server = new FakeAuditServer();
    const events: AuditTrailEvent[] = [];
    const trail = open({
      sink: server.sink(),
      now: () => now,
      deadLetterMaxAgeMs: 2 * HOUR,
      onEvent: (e) => events.push(e),
    });
    await waitFor(() => eventsOf(events, 'dead-letters-purged').length === 1, 'the purge');
    expect(eventsOf(events, 'dead-letters-purged')[0]!.count).to.equal(1);
    expect(await trail.deadLetters()).to.equal(1);
    const db = await openDB(dbName);
    const left = (await db.getAll('dead-letters')) as { record: AuditRecord; reason: string }[];
    db.close();
    expect(left.map((l) => [l.record.id, l.reason])).to.deep.equal([[young!.id, 'rejected:422']]);
  });

  it('hold the audit record, its reason and time, and nothing a caller attached', async () => {
    const trail = open({ sink: { send: async () => ({ ok: false, retry: false, status: 400 }) } });
    const [record] = mixedRecords(uniqueName('fields'), 1);
    trail.record({ ...record!, clinicalNote: 'free text' } as AuditRecord);
    await waitFor(async () => (await trail.deadLetters()) === 1, 'the dead letter');
    const db = await openDB(dbName);
    const [letter] = (await db.getAll('dead-letters')) as Record<string, unknown>[];
    db.close();
    expect(Object.keys(letter!).sort()).to.deep.equal(['reason', 'record', 'since']);
    expect(letter!.record).to.deep.equal(record);
  });

  it('are purged after delivery: retried and delivered, none is left', async () => {
    let accept = false;
    const server = new FakeAuditServer();
    const ok = server.sink();
    const trail = open({
      sink: {
        send: (record, options) =>
          accept
            ? ok.send(record, options)
            : Promise.resolve({ ok: false, retry: false, status: 403 }),
      },
    });
    for (const record of mixedRecords(uniqueName('later'), 3)) trail.record(record);
    await waitFor(async () => (await trail.deadLetters()) === 3, 'three dead letters');
    accept = true;
    expect(await trail.retryDeadLetters()).to.equal(3);
    // Stored, and let go of by the outbox (which it does after the sink answers).
    await waitFor(
      async () => server.stored.size === 3 && (await trail.pending()) === 0,
      'their delivery',
    );
    expect(await trail.deadLetters()).to.equal(0);
  });

  it('kept by the first schema are carried over, and its queue delivered', async () => {
    const [queued, rejected] = mixedRecords(uniqueName('v1'), 2);
    const v1 = await openDB(dbName, 1, {
      upgrade(database) {
        for (const name of ['outbox', 'dead-letter'])
          database.createObjectStore(name, { autoIncrement: true }).createIndex('id', 'id', {
            unique: true,
          });
      },
    });
    await v1.add('outbox', queued!);
    await v1.add('dead-letter', rejected!);
    v1.close();
    const server = new FakeAuditServer();
    const trail = open({ sink: server.sink(), now: () => 42 });
    await waitFor(() => server.stored.size === 1, 'the v1 queue');
    expect([...server.stored.keys()]).to.deep.equal([queued!.id]);
    expect(await trail.deadLetters()).to.equal(1);
    const db = await openDB(dbName);
    expect([...db.objectStoreNames].sort()).to.deep.equal(['dead-letters', 'lease', 'outbox']);
    const letters = await db.getAll('dead-letters');
    db.close();
    expect(letters).to.deep.equal([{ record: rejected, reason: 'rejected', since: 42 }]);
  });
});
