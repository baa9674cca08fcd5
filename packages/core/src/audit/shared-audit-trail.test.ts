// One page, one audit pipeline: 1,000 sessions (each opening a handle, recording what a view
// records, and closing it as the next begins) share one trail and one outbox connection, and every
// record is delivered exactly once, with Web Locks and without them.
import '@dcr-elements/test-support';
import { fixedClock } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { deleteDatabase, FakeAuditServer, uniqueName, waitFor } from './audit-fakes.examples.js';
import { mixedRecords } from './audit-records.examples.js';
import { liveAuditTrails, type AuditTrailEvent, type DurableAuditTrail } from './audit-trail.js';
import { openOutboxConnections } from './outbox-store.js';
import { liveAuditPipelines, sharedAuditTrail } from './shared-audit-trail.js';

const SESSIONS = 1_000;
/**
 * Attempt, access decision and consent: what a short view records (kept to three so the two runs
 * stay within a few seconds on a loaded 2-core machine; the trail's cost is per record, not per
 * session, so more records per session change the time, not what is measured).
 */
const RECORDS_PER_SESSION = 3;

describe('one audit pipeline per page', () => {
  const databases: string[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map(deleteDatabase));
  });

  for (const withLocks of [true, false]) {
    it(`carries ${SESSIONS} sessions through one trail and one connection, each record once (${
      withLocks ? 'with' : 'without'
    } Web Locks)`, async function () {
      this.timeout(30_000);
      const dbName = uniqueName('dcr-audit-shared');
      databases.push(dbName);
      const server = new FakeAuditServer();
      const sink = server.sink();
      const options = {
        dbName,
        clock: fixedClock,
        locks: withLocks ? navigator.locks : null,
        leasePollMs: 10,
        sinkTimeoutMs: 1_000,
      };
      const trailsBefore = liveAuditTrails();
      const connectionsBefore = openOutboxConnections();
      const heapBefore = usedHeap();
      let maxTrails = 0;
      let maxConnections = 0;
      let maxPipelines = 0;
      let eventsAfterClose = 0;
      const ids: string[] = [];
      let previous: { handle: DurableAuditTrail; closed: { value: boolean } } | undefined;

      for (let session = 0; session < SESSIONS; session++) {
        const closed = { value: false };
        const handle = sharedAuditTrail(sink, {
          ...options,
          onEvent: (_event: AuditTrailEvent) => {
            if (closed.value) eventsAfterClose++;
          },
        });
        for (const record of mixedRecords(`${dbName}-s${session}`, RECORDS_PER_SESSION)) {
          handle.record(record);
          ids.push(record.id);
        }
        // The host switches patient: the next session starts before the last one is disposed.
        if (previous) {
          await previous.handle.close();
          previous.closed.value = true;
        }
        previous = { handle, closed };
        maxTrails = Math.max(maxTrails, liveAuditTrails() - trailsBefore);
        maxConnections = Math.max(maxConnections, openOutboxConnections() - connectionsBefore);
        maxPipelines = Math.max(maxPipelines, liveAuditPipelines());
        // Let delivery run alongside, as it would between patients.
        if (session % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0));
      }

      await waitFor(
        async () => server.stored.size === ids.length && (await previous!.handle.pending()) === 0,
        'every record delivered and acknowledged',
        25_000,
      );
      expect(maxTrails, 'live trails').to.equal(1);
      expect(maxConnections, 'open outbox connections').to.equal(1);
      expect(maxPipelines, 'pipelines').to.equal(1);
      expect(eventsAfterClose, 'a closed handle keeps no listener').to.equal(0);
      expect(server.stored.size).to.equal(SESSIONS * RECORDS_PER_SESSION);
      expect(server.storedTwice()).to.deep.equal([]);
      expect(server.duplicates).to.equal(0);
      expect(server.calls).to.have.length(ids.length);

      await previous!.handle.close();
      expect(liveAuditTrails(), 'the last close closes the trail').to.equal(trailsBefore);
      expect(openOutboxConnections()).to.equal(connectionsBefore);
      expect(liveAuditPipelines()).to.equal(0);
      // Reported, not asserted: Chromium's performance.memory is coarse without --expose-gc.
      const heapAfter = usedHeap();
      if (heapBefore !== undefined && heapAfter !== undefined)
        console.info(
          `shared audit pipeline: ${SESSIONS} sessions, heap ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB`,
        );
    });
  }

  it('closing a handle refuses its later records but leaves the others working', async () => {
    const dbName = uniqueName('dcr-audit-shared');
    databases.push(dbName);
    const server = new FakeAuditServer();
    const sink = server.sink();
    const first = sharedAuditTrail(sink, { dbName, clock: fixedClock });
    const second = sharedAuditTrail(sink, { dbName, clock: fixedClock });
    const [a, b] = mixedRecords(uniqueName('handles'), 2);
    await first.close();
    expect(() => first.record(a!)).to.throw(/closed/);
    second.record(b!);
    await waitFor(() => server.stored.size === 1, 'the second handle delivers');
    expect(liveAuditPipelines()).to.equal(1);
    await second.close();
    expect(liveAuditPipelines()).to.equal(0);
  });
});

function usedHeap(): number | undefined {
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
    ?.usedJSHeapSize;
}
