/**
 * The durable audit trail: `record()` is synchronous for the session, the record is written to the
 * IndexedDB outbox, then delivered to the sink in order, with capped, jittered exponential backoff,
 * and deleted only once the sink acknowledged it. Whatever is left (offline, server errors, a tab
 * closed mid-delivery) is sent again by the next trail that opens the same outbox.
 *
 * Loss window: between `record()` and the outbox transaction committing (normally a few ms) the
 * record exists only in memory. The write is issued within the same task as `record()` once the
 * database is open (before that, records wait in memory for the outbox module and the open), and
 * if the page is hidden for good (`pagehide`) with records still uncommitted, each is also sent
 * straight to the sink with `keepalive`, as is every record made later in that same task (the
 * session's end of the view, audited from its own `pagehide` listener); the sink is idempotent on
 * id, so the later delivery from the outbox is harmless. That path needs only the sink, not the
 * delivery code.
 *
 * The delivery code (delivery.ts: the right, the pass, the guarded send) is a chunk of its own,
 * loaded as the trail opens. Records never wait on it to be written: until it arrives they sit in
 * the outbox, and a failed load is asked for again after a backoff, like a failed send.
 *
 * Nothing stalls it: a record that cannot be mapped is a dead letter at once (never sent, never in
 * front of later records); every sink call is bounded by `sinkTimeoutMs` and cannot throw into the
 * trail (guarded-send.ts); the delivery right (delivery-right.ts: a Web Lock, or an IndexedDB
 * lease without them) is held only while sending, never through a backoff.
 */
import { loadOnce } from '../load-once.js';
import {
  DEFAULT_BACKOFF,
  backoffDelay,
  interruptibleSleep,
  within,
  type BackoffPolicy,
} from './backoff.js';
import type { AuditRecord } from './audit-record.js';
import type {
  AuditTrailEvent,
  AuditTrailOptions,
  DurableAuditTrail,
} from './audit-trail-options.js';
import { memoryOutbox } from './memory-outbox.js';
import type * as Delivery from './delivery.js';
import type { DeadLetter, Outbox } from './outbox-store.js';
import { copyAuditRecord } from './record-copy.js';
import { mappingProblem, type MappingProblem } from './record-check.js';

export type {
  AuditTrailEvent,
  AuditTrailOptions,
  DurableAuditTrail,
} from './audit-trail-options.js';

const WAKE = 'wake';
const DAY = 86_400_000;

let liveTrails = 0;
/** Trails created and not yet closed in this page (for the one-pipeline-per-page tests). */
export function liveAuditTrails(): number {
  return liveTrails;
}

/** The delivery chunk, as `import()` gives it. */
export type DeliveryCode = typeof Delivery;

const deliveryCode = loadOnce(() => import('./delivery.js'));

export function createAuditTrail(options: AuditTrailOptions): DurableAuditTrail {
  return openAuditTrail(options, deliveryCode);
}

/**
 * The trail, with the way its delivery code is loaded given (tests make it fail). Each call of
 * `loadDelivery` must try again: a rejection is not kept.
 */
export function openAuditTrail(
  options: AuditTrailOptions,
  loadDelivery: () => Promise<DeliveryCode>,
): DurableAuditTrail {
  const { sink } = options;
  const dbName = options.dbName ?? 'dcr-audit';
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const sinkTimeoutMs = options.sinkTimeoutMs ?? 15_000;
  const maxAgeMs = options.deadLetterMaxAgeMs ?? 30 * DAY;
  const purgeEveryMs = Math.min(maxAgeMs, DAY / 24);
  const closeTimeoutMs = options.closeTimeoutMs ?? 2_000;
  const leasePollMs = options.leasePollMs ?? 1_000;
  const closing = new AbortController();
  const wake = new EventTarget();
  const listeners = new Set<(event: AuditTrailEvent) => void>();
  if (options.onEvent) listeners.add(options.onEvent);
  const at = () => clock().toISOString();
  const emit = (event: AuditTrailEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A host's listener failing must not stop delivery.
      }
    }
  };
  /** A record that can never become an AuditEvent: alerted at once, kept as a dead letter. */
  const unmappable = (record: AuditRecord, problem: MappingProblem): DeadLetter => {
    emit({
      type: 'dead-letter',
      at: at(),
      id: record.id,
      alert: true,
      reason: 'unmappable',
      problem,
    });
    return { record, reason: `unmappable:${problem}`, since: now() };
  };
  /** The right and the pass, made once the delivery chunk is here (the pass keeps the backoff). */
  const delivery = loadOnce(async () => {
    const code = await loadDelivery();
    const right = code.deliveryRight({
      dbName,
      locks:
        options.locks !== undefined
          ? options.locks
          : ((globalThis.navigator as Navigator | undefined)?.locks ?? null),
      closing: closing.signal,
      now,
      leaseMs: Math.max(options.leaseMs ?? sinkTimeoutMs + 10_000, sinkTimeoutMs + 5_000),
      pollMs: leasePollMs,
    });
    const pass = code.deliveryPass({
      sink,
      sinkTimeoutMs,
      closing: closing.signal,
      policy,
      random,
      now,
      at,
      emit,
      unmappable,
    });
    return { right, pass };
  });
  /** Loads of the delivery code that failed in a row, for their backoff. */
  let loadFailures = 0;
  liveTrails++;

  /** Recorded but not yet committed to the outbox (or, for poison records, the dead letters). */
  const unwritten = new Set<AuditRecord>();
  const unwrittenDead = new Set<DeadLetter>();
  /** Of those, the ones no write has taken yet (each record is written by one transaction). */
  let toWrite: AuditRecord[] = [];
  let toBury: DeadLetter[] = [];
  const writes = new Set<Promise<void>>();
  let outbox: Outbox | undefined;
  let closed = false;
  let closingDone: Promise<void> | undefined;
  let loop: Promise<void> | undefined;
  let again = false;
  let idleWaiters: Array<() => void> = [];
  let lastPurge = -Infinity;

  // The IndexedDB outbox (and idb) is a separate chunk: the page loads it with the first trail,
  // and records made before it opens wait in memory as they would for the open itself.
  const ready: Promise<Outbox> = import('./outbox-store.js')
    .then(({ openIndexedDbOutbox }) => openIndexedDbOutbox(dbName, now))
    .then(
      (opened) => {
        if (closed) opened.close(); // close() gave up waiting for the open
        return (outbox = opened);
      },
      (error: unknown) => {
        emit({ type: 'storage-error', at: at(), message: messageOf(error) });
        return (outbox = memoryOutbox());
      },
    );
  const current = async (): Promise<Outbox> => (await ready, outbox!);
  void ready.then(() => kick()); // resend what an earlier page left behind
  delivery().catch(() => undefined); // fetched beside the open; a failure is retried by run()

  let writeScheduled = false;
  function scheduleWrite(): void {
    if (writeScheduled) return;
    writeScheduled = true;
    // One transaction for every record of this task, issued before the task ends.
    queueMicrotask(() => {
      writeScheduled = false;
      const batch = toWrite;
      const dead = toBury;
      toWrite = [];
      toBury = [];
      if (batch.length + dead.length === 0) return;
      track(outbox ? write(outbox, batch, dead) : current().then((o) => write(o, batch, dead)));
    });
  }

  function track(promise: Promise<void>): void {
    writes.add(promise);
    void promise.finally(() => writes.delete(promise));
  }

  async function write(target: Outbox, batch: AuditRecord[], dead: DeadLetter[]): Promise<void> {
    try {
      await Promise.all([
        batch.length > 0 && target.enqueue(batch),
        dead.length > 0 && target.bury(dead),
      ]);
    } catch (error) {
      // The database failed under us: keep going from memory rather than lose a record.
      emit({ type: 'storage-error', at: at(), message: messageOf(error) });
      if (target.durable && outbox === target) outbox = memoryOutbox();
      await outbox!.enqueue(batch);
      await outbox!.bury(dead);
    }
    for (const record of batch) unwritten.delete(record);
    for (const letter of dead) unwrittenDead.delete(letter);
    kick();
  }

  function kick(): void {
    if (closed) return;
    if (loop) {
      again = true;
      return;
    }
    loop = run().finally(() => {
      loop = undefined;
      settleIdle();
    });
  }

  async function run(): Promise<void> {
    do {
      again = false;
      const target = await current();
      let code: Awaited<ReturnType<typeof delivery>>;
      try {
        code = await delivery();
        loadFailures = 0;
      } catch {
        // The delivery chunk did not load (offline, a redeploy): every record stays in the outbox;
        // ask for the chunk again after a backoff, as after a failed send.
        if (closed) return;
        settleIdle(); // attempted: a flush() waiting on this record may return
        await pause(backoffDelay(++loadFailures, policy, random));
        again = true;
        continue;
      }
      const { right, pass: deliver } = code;
      try {
        const pass = await right.run(target, (lease) => deliver.run(target, lease));
        if (closed) return;
        if (!pass.held) {
          // Another trail or tab is delivering; look again while anything is left.
          await pause(pass.retryInMs);
          again ||= (await target.count()) > 0;
        } else if (pass.value.kind === 'retry') {
          settleIdle(); // attempted: a flush() waiting on this record may return
          await pause(pass.value.delayMs);
          again = true;
        } else if (pass.value.kind === 'drained') {
          await purgeOld(target);
        } else {
          // The lease went to another trail: it delivers; look again in case it stops.
          await pause(leasePollMs);
          again ||= (await target.count()) > 0;
        }
      } catch (error) {
        if (closed) return;
        emit({ type: 'storage-error', at: at(), message: messageOf(error) });
        if (target.durable && outbox === target) outbox = memoryOutbox();
        again = true;
      }
    } while (again && !closed);
  }

  function pause(ms: number): Promise<void> {
    return interruptibleSleep(ms, closing.signal, wake, WAKE);
  }

  async function purgeOld(target: Outbox): Promise<void> {
    if (now() - lastPurge < purgeEveryMs) return;
    lastPurge = now();
    const count = await target.purgeDeadLetters(now() - maxAgeMs);
    if (count > 0) emit({ type: 'dead-letters-purged', at: at(), count });
  }

  function settleIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  const onOnline = () => wake.dispatchEvent(new Event(WAKE));
  /**
   * True from a for-good `pagehide` to the end of its task: a record made then (the session's end
   * of the view, from a `pagehide` listener that may run after this one) is sent at once as well.
   */
  let pageGoing = false;
  const lastChance = (record: AuditRecord) => {
    // Best effort: whatever the sink does here, it cannot throw into the page.
    void Promise.resolve()
      .then(() => sink.send(record, { signal: closing.signal, keepalive: true }))
      .catch(() => undefined);
  };
  const onPageHide = (event: Event) => {
    if ((event as PageTransitionEvent).persisted) return; // kept in the back/forward cache
    pageGoing = true;
    // A page that is really going runs no later task; one that does was not going (a test's event).
    setTimeout(() => (pageGoing = false));
    for (const record of unwritten) lastChance(record);
  };
  const page = typeof addEventListener === 'function' ? globalThis : undefined;
  page?.addEventListener('online', onOnline);
  page?.addEventListener('pagehide', onPageHide);

  async function shutDown(): Promise<void> {
    // Commit what is still in memory before letting go of the database, within a bound: the
    // database may be blocked or gone, and close() must return.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    await within(closeTimeoutMs, async () => {
      await Promise.allSettled([...writes]);
      const target = await current();
      await Promise.allSettled([target.enqueue([...unwritten]), target.bury([...unwrittenDead])]);
    });
    closed = true;
    closing.abort(); // ends a send in flight, a lock request, a backoff
    page?.removeEventListener('online', onOnline);
    page?.removeEventListener('pagehide', onPageHide);
    await within(closeTimeoutMs, () => loop ?? Promise.resolve());
    settleIdle();
    listeners.clear();
    outbox?.close();
    liveTrails--;
  }

  return {
    record(record: AuditRecord): void {
      if (closed || closingDone)
        throw new Error('The audit trail is closed; the record was not accepted.');
      const problem = mappingProblem(record);
      if (problem === 'record') {
        // Not even an object: nothing to keep, but the alert still goes out.
        emit({ type: 'dead-letter', at: at(), id: '', alert: true, reason: 'unmappable', problem });
        return;
      }
      const copy = copyAuditRecord(record);
      emit({ type: 'queued', at: at(), record: copy });
      if (problem) {
        const letter = unmappable(copy, problem);
        unwrittenDead.add(letter);
        toBury.push(letter);
      } else {
        unwritten.add(copy);
        toWrite.push(copy);
        if (pageGoing) lastChance(copy);
      }
      scheduleWrite();
    },

    async flush(): Promise<void> {
      await Promise.all([...writes]);
      const target = await current();
      if (closed || ((await target.count()) === 0 && !loop)) return;
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      wake.dispatchEvent(new Event(WAKE)); // retry now rather than after the backoff
      kick();
      await idle;
    },

    async durable(): Promise<boolean> {
      return (await current()).durable;
    },
    async pending(): Promise<number> {
      return (await (await current()).count()) + unwritten.size;
    },

    async deadLetters(): Promise<number> {
      return (await (await current()).deadLetterCount()) + unwrittenDead.size;
    },

    async retryDeadLetters(): Promise<number> {
      const moved = await (await current()).requeueDeadLetters();
      kick();
      return moved;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close(): Promise<void> {
      return (closingDone ??= shutDown());
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown storage failure';
}
