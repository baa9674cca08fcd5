// The delivery code is a chunk of its own (delivery.ts): records never wait on it to be written,
// a failed load is asked for again and loses nothing, and the page going away does not need it.
import '@dcr-elements/test-support';
import { fixedClock } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { deleteDatabase, FakeAuditServer, uniqueName, waitFor } from './audit-fakes.examples.js';
import type { AuditRecord } from './audit-record.js';
import { mixedRecords } from './audit-records.examples.js';
import type { AuditSink } from './audit-sink.js';
import { openAuditTrail, type DeliveryCode, type DurableAuditTrail } from './audit-trail.js';
import { fhirAuditSink } from './fhir-audit-sink.js';

const FAST = {
  clock: fixedClock,
  backoff: { initialMs: 10, maxMs: 40 },
  random: () => 0,
  sinkTimeoutMs: 200,
  leasePollMs: 10,
  closeTimeoutMs: 500,
};

const realDelivery = () => import('./delivery.js');

describe('audit delivery loaded as a chunk of its own', () => {
  const trails: DurableAuditTrail[] = [];
  const databases: string[] = [];
  const open = (sink: AuditSink, loadDelivery: () => Promise<DeliveryCode>) => {
    const dbName = uniqueName('dcr-audit-loading');
    databases.push(dbName);
    const trail = openAuditTrail({ ...FAST, dbName, sink }, loadDelivery);
    trails.push(trail);
    return trail;
  };
  afterEach(async () => {
    await Promise.all(trails.splice(0).map((t) => t.close()));
    await Promise.all(databases.splice(0).map(deleteDatabase));
  });

  it('keeps the record in the outbox when the delivery code fails to load, and delivers it once the load is asked for again', async () => {
    const server = new FakeAuditServer();
    let loads = 0;
    const failOnce = () => {
      loads++;
      return loads === 1 ? Promise.reject(new TypeError('Failed to fetch module')) : realDelivery();
    };
    const trail = open(server.sink(), failOnce);
    const [record] = mixedRecords(uniqueName('lazy'), 1);
    trail.record(record!);
    // Written to the outbox whatever the delivery code does; nothing is sent without it.
    await waitFor(async () => (await trail.pending()) === 1 && loads >= 1, 'the record queued');
    expect(await trail.durable(), 'in IndexedDB, so it survives a reload too').to.equal(true);
    await waitFor(() => server.stored.has(record!.id), 'the record delivered after a second load');
    expect(loads, 'the failed load was asked for again').to.equal(2);
    expect(server.stored.get(record!.id), 'delivered once').to.equal(1);
    await waitFor(async () => (await trail.pending()) === 0, 'the outbox emptied');
  });

  it('sends a record made as the page goes away straight to the sink with keepalive, without the delivery code', async () => {
    const sent: { id: string; keepalive: boolean }[] = [];
    const sink: AuditSink = {
      send: async (record, { keepalive }) => {
        sent.push({ id: record.id, keepalive: keepalive === true });
        return { ok: true };
      },
    };
    const never = () => new Promise<DeliveryCode>(() => undefined); // the chunk never arrives
    const trail = open(sink, never);
    const [end] = mixedRecords(uniqueName('end'), 1);
    // As the session does: its own pagehide listener (added after the trail's) audits the end.
    const endView = () => trail.record(end!);
    addEventListener('pagehide', endView);
    try {
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    } finally {
      removeEventListener('pagehide', endView);
    }
    await Promise.resolve();
    expect(sent).to.deep.equal([{ id: end!.id, keepalive: true }]);
    // The next task is not the page going away: later records wait for delivery as usual.
    await new Promise((resolve) => setTimeout(resolve));
    const [later] = mixedRecords(uniqueName('later'), 1);
    trail.record(later!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent.map((s) => s.id)).to.deep.equal([end!.id]);
  });

  it('fhirAuditSink issues the keepalive PUT within the pagehide task (its mapping was fetched as it was made)', async () => {
    const puts: { url: string; keepalive: boolean; body: string }[] = [];
    const fetchFn = async (url: string, init?: RequestInit) => {
      puts.push({ url, keepalive: init?.keepalive === true, body: String(init?.body) });
      return new Response(null, { status: 201 });
    };
    const sink = fhirAuditSink({ url: '/audit-nowhere', fetch: fetchFn });
    // Give the mapping chunk time to arrive, as a page does between load and a clinician's view.
    await waitFor(async () => {
      await sink.send(mixedRecords(uniqueName('warm'), 1)[0]!, {
        signal: new AbortController().signal,
      });
      return puts.length > 0;
    }, 'the mapping loaded');
    puts.length = 0;
    const trail = open(sink, () => new Promise<DeliveryCode>(() => undefined));
    const [end] = mixedRecords(uniqueName('end'), 1) as [AuditRecord];
    const endView = () => trail.record(end);
    addEventListener('pagehide', endView);
    try {
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    } finally {
      removeEventListener('pagehide', endView);
    }
    // Microtasks only: a page that is going away runs no later task.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(puts.map((p) => [p.url, p.keepalive])).to.deep.equal([
      [`/audit-nowhere/AuditEvent/${encodeURIComponent(end.id)}`, true],
    ]);
    expect(JSON.parse(puts[0]!.body).resourceType).to.equal('AuditEvent');
  });
});
