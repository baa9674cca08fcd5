// Audit delivery that cannot stall: poison records, hung and throwing sinks, a reload mid-delivery
// and two tabs over one outbox, each with Web Locks and without them (the IndexedDB lease). Fake
// sinks in memory (audit-fakes.examples.ts) and short real timeouts keep every case well under 1 s.
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
  watchUnhandledRejections,
} from './audit-fakes.examples.js';
import type { AuditRecord } from './audit-record.js';
import { mixedRecords } from './audit-records.examples.js';
import { createAuditTrail, type AuditTrailEvent, type DurableAuditTrail } from './audit-trail.js';
import { UnmappableAuditRecordError } from './record-check.js';

const FAST = {
  clock: fixedClock,
  backoff: { initialMs: 10, maxMs: 40 },
  random: () => 0,
  sinkTimeoutMs: 100,
  leasePollMs: 10,
  closeTimeoutMs: 500,
};

/** Seeded [0, 1) (mulberry32), so the two-tab interleaving reproduces. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('audit delivery that cannot stall', () => {
  const trails: DurableAuditTrail[] = [];
  const databases: string[] = [];
  let dbName = '';
  const open = (options: Parameters<typeof createAuditTrail>[0]) => {
    const trail = createAuditTrail({ ...FAST, dbName, ...options });
    trails.push(trail);
    return trail;
  };

  beforeEach(() => {
    dbName = uniqueName('dcr-audit-resilience');
    databases.push(dbName, `${dbName}-late`);
  });
  afterEach(async () => {
    await Promise.all(trails.splice(0).map((t) => t.close()));
    await Promise.all(databases.splice(0).map(deleteDatabase));
  });

  describe('a record that cannot be mapped', () => {
    const poison = (id: string): AuditRecord =>
      ({
        ...mixedRecords(id, 4)[3]!, // an override record
        id,
        overrideReason: 'curiosity',
      }) as unknown as AuditRecord;

    it('is a dead letter at once, with a reason and an alert, never sent, and blocks nothing', async () => {
      const server = new FakeAuditServer();
      const events: AuditTrailEvent[] = [];
      const trail = open({ sink: server.sink(), onEvent: (e) => events.push(e) });
      const [first, ...later] = mixedRecords(uniqueName('poison'), 4);
      trail.record(first!);
      trail.record(poison('the-poison'));
      // The alert is raised inside record(), before anything is written or sent.
      expect(eventsOf(events, 'dead-letter')).to.deep.equal([
        {
          type: 'dead-letter',
          at: fixedClock().toISOString(),
          id: 'the-poison',
          alert: true,
          reason: 'unmappable',
          problem: 'override-reason',
        },
      ]);
      for (const record of later) trail.record(record);
      // Stored, and let go of by the outbox (which it does after the sink answers).
      await waitFor(
        async () => server.stored.size === 4 && (await trail.pending()) === 0,
        'the four good records',
      );
      expect(server.calls).to.deep.equal([first!, ...later].map((r) => r.id));
      expect(await trail.deadLetters()).to.equal(1);
      expect(eventsOf(events, 'retrying')).to.have.length(0);
      await trail.close();
      const db = await openDB(dbName);
      const [letter] = await db.getAll('dead-letters');
      db.close();
      expect(letter).to.deep.include({ reason: 'unmappable:override-reason' });
      expect(Object.keys(letter).sort()).to.deep.equal(['reason', 'record', 'since']);
    });

    it('left in the outbox by an earlier page, is dead-lettered by the next one without a send', async () => {
      const server = new FakeAuditServer();
      await open({ sink: server.sink(() => ({ kind: 'retry' })) }).close(); // creates the schema
      const [good] = mixedRecords(uniqueName('after'), 1);
      const db = await openDB(dbName);
      await db.add('outbox', poison('old-poison'));
      await db.add('outbox', good!);
      db.close();
      const events: AuditTrailEvent[] = [];
      const trail = open({ sink: server.sink(), onEvent: (e) => events.push(e) });
      await waitFor(() => server.stored.size === 1, 'the record behind the poison');
      expect(server.calls).to.deep.equal([good!.id]);
      expect(eventsOf(events, 'dead-letter')[0]).to.include({ id: 'old-poison', alert: true });
      expect(await trail.deadLetters()).to.equal(1);
    });

    it("refused by the sink's own mapping, is a dead letter and not tried again", async () => {
      const server = new FakeAuditServer();
      const [odd, next] = mixedRecords(uniqueName('sink-map'), 2);
      const sink = server.sink();
      let oddCalls = 0;
      const trail = open({
        sink: {
          send: (record, options) => {
            if (record.id !== odd!.id) return sink.send(record, options);
            oddCalls++;
            return Promise.reject(new UnmappableAuditRecordError('detail'));
          },
        },
      });
      trail.record(odd!);
      trail.record(next!);
      await waitFor(() => server.stored.size === 1, 'the next record');
      expect(oddCalls).to.equal(1);
      expect(await trail.deadLetters()).to.equal(1);
    });
  });

  it('retries a throwing sink with backoff and never leaves an unhandled rejection', async () => {
    const rejections = watchUnhandledRejections();
    try {
      const server = new FakeAuditServer();
      const events: AuditTrailEvent[] = [];
      const script = ['throw', 'throw', 'reject', 'nonsense'] as const;
      const trail = open({
        sink: server.sink((_, call) => ({ kind: script[call] ?? 'ok' })),
        onEvent: (e) => events.push(e),
      });
      const [record] = mixedRecords(uniqueName('throwing'), 1);
      trail.record(record!);
      await waitFor(() => server.stored.size === 1, 'delivery after four failures');
      const retries = eventsOf(events, 'retrying');
      expect(retries.map((e) => e.cause)).to.deep.equal(['threw', 'threw', 'threw', 'threw']);
      // initialMs 10, maxMs 40, no jitter (random 0 draws the lower half): 5, 10, 20, 20.
      expect(retries.map((e) => e.delayMs)).to.deep.equal([5, 10, 20, 20]);
      expect(server.stored.get(record!.id)).to.equal(1);

      // A sink that rejects after the trail stopped waiting for it (timeout 100 ms).
      const late = open({
        sink: server.sink(() => ({ kind: 'reject', afterMs: 150 })),
        onEvent: (e) => events.push(e),
        dbName: `${dbName}-late`,
      });
      late.record(mixedRecords(uniqueName('late'), 1)[0]!);
      await waitFor(
        () => eventsOf(events, 'retrying').some((e) => e.cause === 'timeout'),
        'timeout',
      );
      await new Promise((resolve) => setTimeout(resolve, 200)); // the late rejection lands
      await late.close();
      expect(rejections.seen).to.deep.equal([]);
    } finally {
      rejections.stop();
    }
  });

  for (const withLocks of [true, false]) {
    const locks = () => (withLocks ? navigator.locks : null);
    describe(withLocks ? 'with Web Locks' : 'without Web Locks (IndexedDB lease)', () => {
      it('times out a hung sink, lets another tab deliver, and close() returns', async () => {
        const server = new FakeAuditServer();
        const events: AuditTrailEvent[] = [];
        const hung = open({
          sink: server.sink(() => ({ kind: 'hang' })),
          locks: locks(),
          onEvent: (e) => events.push(e),
        });
        const records = mixedRecords(uniqueName('hung'), 5);
        for (const record of records) hung.record(record);
        await waitFor(
          () => eventsOf(events, 'retrying').some((e) => e.cause === 'timeout'),
          'the sink call to time out',
        );
        const other = open({ sink: server.sink(), locks: locks() });
        await other.flush();
        await waitFor(() => server.stored.size === 5, 'the other tab to deliver');
        expect(server.storedTwice()).to.deep.equal([]);
        expect(server.duplicates).to.equal(0);
        const started = performance.now();
        await hung.close();
        expect(performance.now() - started, 'close() with a hung sink').to.be.below(1_000);
        expect(await other.pending()).to.equal(0);
      });

      it('after a reload mid-delivery, the next page delivers what is left, none twice', async () => {
        const server = new FakeAuditServer();
        const sink = server.sink(() => ({ kind: 'ok', latencyMs: 3 }));
        const records = mixedRecords(uniqueName('reload'), 40);
        const first = open({ sink, locks: locks() });
        for (const record of records) first.record(record);
        await waitFor(() => server.stored.size >= 10, 'some deliveries');
        await first.close(); // the send in flight is aborted, its record stays queued
        expect(server.stored.size).to.be.below(40);
        const delivered = server.stored.size;
        if (!withLocks) {
          // A tab that died without letting go: its lease must run out before anyone delivers.
          const db = await openDB(dbName);
          await db.put('lease', { holder: 'a-dead-tab', until: Date.now() + 400 }, 'delivery');
          db.close();
        }
        const second = open({ sink, locks: locks() });
        if (!withLocks) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(server.stored.size, 'nothing sent while the dead tab holds the lease').to.equal(
            delivered,
          );
        }
        // The outbox lets go of a record after the sink has answered for it, so the last one can
        // still be pending just after the server holds all 40: both are waited for.
        await waitFor(
          async () => server.stored.size === 40 && (await second.pending()) === 0,
          'the rest, and an empty outbox',
        );
        expect(server.storedTwice()).to.deep.equal([]);
        expect(server.duplicates).to.equal(0);
      });

      it('two tabs over one outbox: 0 lost, 0 duplicated', async () => {
        const server = new FakeAuditServer();
        const random = seeded(7);
        const sink = server.sink(() =>
          random() < 0.15 ? { kind: 'retry' } : { kind: 'ok', latencyMs: Math.floor(random() * 3) },
        );
        const records = mixedRecords(uniqueName('two-tabs'), 200);
        const tabA = open({ sink, locks: locks(), random: seeded(1) });
        const tabB = open({ sink, locks: locks(), random: seeded(2) });
        records.forEach((record, n) => (n % 2 === 0 ? tabA : tabB).record(record));
        await waitFor(
          async () =>
            server.stored.size === 200 && (await tabA.pending()) + (await tabB.pending()) === 0,
          'both tabs done',
          15_000,
        );
        expect([...server.stored.keys()].sort()).to.deep.equal(records.map((r) => r.id).sort());
        expect(server.storedTwice()).to.deep.equal([]);
        expect(server.duplicates, 'no record sent again after it was stored').to.equal(0);
      });
    });
  }
});
