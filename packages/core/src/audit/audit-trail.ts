/**
 * The durable audit trail: `record()` is synchronous for the session, the record is written to the
 * IndexedDB outbox, then delivered to the sink in order, with capped, jittered exponential backoff,
 * and deleted only once the sink acknowledged it. Whatever is left (offline, server errors, a tab
 * closed mid-delivery) is sent again by the next trail that opens the same outbox.
 *
 * Loss window: between `record()` and the outbox transaction committing (normally a few ms) the
 * record exists only in memory. The write is issued within the same task as `record()` once the
 * database is open (before that, records wait in memory for the open), and if the page is hidden
 * for good (`pagehide`) with records still uncommitted, each is also sent straight to the sink with
 * `keepalive`; the sink is idempotent on id, so the later delivery from the outbox is harmless.
 *
 * Several tabs: only the holder of the Web Lock `dcr-audit-delivery:<dbName>` delivers, and it
 * deletes each record before taking the next, so a tab that gets the lock next reads only what is
 * still undelivered. A tab that dies mid-send releases the lock; its record is still queued and is
 * sent again (at least once, and the sink's idempotency makes it once at the server).
 */
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  interruptibleSleep,
  type BackoffPolicy,
} from './backoff.js';
import type { AuditRecord, AuditTrail } from './audit-record.js';
import type { AuditSink } from './audit-sink.js';
import { copyAuditRecord } from './record-copy.js';
import { memoryOutbox, openIndexedDbOutbox, type Outbox } from './outbox-store.js';

export type AuditTrailEvent =
  /** Accepted by `record()`: the host fires `dcr-audit` (its detail is this record) from here. */
  | { type: 'queued'; at: string; record: AuditRecord }
  | { type: 'delivered'; at: string; id: string }
  | { type: 'retrying'; at: string; id: string; failures: number; delayMs: number; status?: number }
  /** The sink refused the record for good; it is kept in the dead-letter store. */
  | { type: 'dead-letter'; at: string; id: string; status: number }
  /** IndexedDB failed: delivery goes on from memory but no longer survives a reload. */
  | { type: 'storage-error'; at: string; message: string };

export interface AuditTrailOptions {
  sink: AuditSink;
  /** The IndexedDB database of the outbox; tabs sharing it share the queue. Default `dcr-audit`. */
  dbName?: string;
  clock?: () => Date;
  /** Jitter source, in [0, 1). Default `Math.random`. */
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
  onEvent?: (event: AuditTrailEvent) => void;
}

export interface DurableAuditTrail extends AuditTrail {
  /** Waits until what is queued now is delivered, or has been attempted and is waiting to retry. */
  flush(): Promise<void>;
  /** Records not yet acknowledged by the sink (dead letters excluded). */
  pending(): Promise<number>;
  /** Records the sink rejected for good, kept for the privacy officer or a retry. */
  deadLetters(): Promise<number>;
  /** Queues the dead letters again (e.g. after the sink's configuration was fixed). */
  retryDeadLetters(): Promise<number>;
  /** Stops delivering (aborting a send in flight) after writing what is in memory. */
  close(): Promise<void>;
}

const BATCH = 50;
const WAKE = 'wake';

export function createAuditTrail(options: AuditTrailOptions): DurableAuditTrail {
  const { sink } = options;
  const dbName = options.dbName ?? 'dcr-audit';
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const lockName = `dcr-audit-delivery:${dbName}`;
  const closing = new AbortController();
  const wake = new EventTarget();
  const emit = (event: AuditTrailEvent) => options.onEvent?.(event);
  const now = () => clock().toISOString();

  /** Recorded but not yet committed to the outbox. */
  const unwritten = new Set<AuditRecord>();
  const writes = new Set<Promise<void>>();
  let outbox: Outbox | undefined;
  let closed = false;
  let loop: Promise<void> | undefined;
  let again = false;
  let idleWaiters: Array<() => void> = [];

  const ready: Promise<Outbox> = openIndexedDbOutbox(dbName).then(
    (opened) => (outbox = opened),
    (error: unknown) => {
      emit({ type: 'storage-error', at: now(), message: messageOf(error) });
      return (outbox = memoryOutbox());
    },
  );
  void ready.then(() => kick()); // resend what an earlier page left behind

  let writeScheduled = false;
  function scheduleWrite(): void {
    if (writeScheduled) return;
    writeScheduled = true;
    // One transaction for every record of this task, issued before the task ends.
    queueMicrotask(() => {
      writeScheduled = false;
      const batch = [...unwritten];
      if (batch.length > 0)
        track(outbox ? write(outbox, batch) : ready.then((o) => write(o, batch)));
    });
  }

  function track(promise: Promise<void>): void {
    writes.add(promise);
    void promise.finally(() => writes.delete(promise));
  }

  async function write(target: Outbox, batch: AuditRecord[]): Promise<void> {
    try {
      await target.enqueue(batch);
    } catch (error) {
      // The database failed under us: keep going from memory rather than lose a record.
      emit({ type: 'storage-error', at: now(), message: messageOf(error) });
      if (target.durable) {
        outbox = memoryOutbox();
        await outbox.enqueue(batch);
      }
    }
    for (const record of batch) unwritten.delete(record);
    kick();
  }

  function kick(): void {
    if (closed) return;
    if (loop) {
      again = true;
      return;
    }
    loop = (async () => {
      try {
        do {
          again = false;
          await underDeliveryLock(deliverAll);
        } while (again && !closed);
      } finally {
        loop = undefined;
        settleIdle();
      }
    })();
  }

  async function underDeliveryLock(deliver: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    // Without Web Locks (old browsers, insecure contexts) each tab delivers on its own and the
    // sink's idempotency on id is what prevents duplicates at the server.
    if (!locks || !outbox?.durable) return deliver();
    try {
      await locks.request(lockName, { signal: closing.signal }, deliver);
    } catch (error) {
      if (!closed) throw error;
    }
  }

  async function deliverAll(): Promise<void> {
    const target = await ready;
    while (!closed) {
      const batch = await target.oldest(BATCH);
      if (batch.length === 0) return;
      for (const { key, record } of batch) {
        if (!(await deliverOne(target, key, record))) return;
      }
    }
  }

  /** Sends one record until acknowledged or refused for good; false when the trail closed first. */
  async function deliverOne(target: Outbox, key: number, record: AuditRecord): Promise<boolean> {
    for (let failures = 0; !closed;) {
      const result = await sink.send(record, { signal: closing.signal });
      if (result.ok) {
        await target.remove(key);
        emit({ type: 'delivered', at: now(), id: record.id });
        return true;
      }
      if (!result.retry) {
        await target.deadLetter(key, record);
        emit({ type: 'dead-letter', at: now(), id: record.id, status: result.status });
        return true;
      }
      if (closed) return false;
      failures++;
      const delayMs = backoffDelay(failures, policy, random, result.retryAfterMs);
      emit({
        type: 'retrying',
        at: now(),
        id: record.id,
        failures,
        delayMs,
        ...(result.status !== undefined && { status: result.status }),
      });
      settleIdle(); // attempted: a flush() waiting on this record may return
      await interruptibleSleep(delayMs, closing.signal, wake, WAKE);
    }
    return false;
  }

  function settleIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  const onOnline = () => wake.dispatchEvent(new Event(WAKE));
  const onPageHide = (event: Event) => {
    if ((event as PageTransitionEvent).persisted) return; // kept in the back/forward cache
    for (const record of unwritten)
      void sink.send(record, { signal: closing.signal, keepalive: true });
  };
  const page = typeof addEventListener === 'function' ? globalThis : undefined;
  page?.addEventListener('online', onOnline);
  page?.addEventListener('pagehide', onPageHide);

  return {
    record(record: AuditRecord): void {
      if (closed) throw new Error('The audit trail is closed; the record was not accepted.');
      const copy = copyAuditRecord(record);
      unwritten.add(copy);
      emit({ type: 'queued', at: now(), record: copy });
      scheduleWrite();
    },

    async flush(): Promise<void> {
      await Promise.all([...writes]);
      const target = await ready;
      if (closed || ((await target.count()) === 0 && !loop)) return;
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      wake.dispatchEvent(new Event(WAKE)); // retry now rather than after the backoff
      kick();
      await idle;
    },

    async pending(): Promise<number> {
      return (await (await ready).count()) + unwritten.size;
    },

    async deadLetters(): Promise<number> {
      return (await ready).deadLetterCount();
    },

    async retryDeadLetters(): Promise<number> {
      const moved = await (await ready).requeueDeadLetters();
      kick();
      return moved;
    },

    async close(): Promise<void> {
      if (closed) return;
      // Commit what is still in memory before letting go of the database.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      await Promise.allSettled([...writes]);
      const target = await ready;
      if (unwritten.size > 0) await target.enqueue([...unwritten]).catch(() => undefined);
      closed = true;
      closing.abort();
      page?.removeEventListener('online', onOnline);
      page?.removeEventListener('pagehide', onPageHide);
      await loop;
      settleIdle();
      target.close();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown storage failure';
}
