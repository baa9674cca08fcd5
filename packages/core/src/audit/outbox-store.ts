/**
 * The durable outbox: audit records waiting for delivery, in IndexedDB (through `idb`), in the
 * order they were written. Values are the audit records themselves and nothing else (no attempt
 * counts or clinical data); keys are out-of-line auto-increment numbers, so the order is the
 * commit order across every tab sharing the database. A unique index on `id` keeps a record
 * recorded twice from being queued twice.
 *
 * Beside it: `dead-letters`, records that can never be delivered (unmappable, or refused for good
 * by the sink), each with a reason code and the time it was moved there (for the purge by age) and
 * nothing more; and `lease`, one row saying which trail may deliver until when, used when the
 * browser has no Web Locks (see delivery-right.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AuditRecord } from './audit-record.js';

export interface QueuedKey {
  key: number;
  id: string;
}

export interface QueuedRecord {
  key: number;
  record: AuditRecord;
}

/** A record that will not be delivered without help: why (a code, never data), and since when. */
export interface DeadLetter {
  record: AuditRecord;
  /** `unmappable:<field>` or `rejected:<HTTP status>`. */
  reason: string;
  /** Epoch ms it was moved here; the purge by age reads it. */
  since: number;
}

/** Who may deliver, until when (epoch ms): the IndexedDB stand-in for a Web Lock. */
export interface LeaseRequest {
  holder: string;
  until: number;
  now: number;
}

/** What the delivery loop needs from a queue; the IndexedDB outbox and the memory fallback agree. */
export interface Outbox {
  readonly durable: boolean;
  /** Adds records not already queued (by id), in one transaction, issued before this returns. */
  enqueue(records: readonly AuditRecord[]): Promise<void>;
  /** Puts records straight into the dead-letter store (the first reason for an id is kept). */
  bury(letters: readonly DeadLetter[]): Promise<void>;
  oldest(limit: number): Promise<QueuedRecord[]>;
  /**
   * Just before a send, in one transaction: renews the lease when one is given (`lost` when another
   * holder has it) and checks the record is still queued (`gone` when someone else delivered it).
   */
  claim(key: number, lease?: LeaseRequest): Promise<'ok' | 'gone' | 'lost'>;
  /** Deletes delivered records, and any dead letter with their ids (purged after delivery). */
  remove(delivered: readonly QueuedKey[]): Promise<void>;
  /** Moves a record from the outbox to the dead-letter store, atomically. */
  deadLetter(key: number, letter: DeadLetter): Promise<void>;
  /** Moves every dead letter back to the outbox; returns how many. */
  requeueDeadLetters(): Promise<number>;
  /** Deletes dead letters moved there before `before` (epoch ms); returns how many. */
  purgeDeadLetters(before: number): Promise<number>;
  /** Takes or renews the lease; false while another holder's lease runs. */
  acquireLease(lease: LeaseRequest): Promise<boolean>;
  /** When the lease runs out (epoch ms), or 0 when nobody holds it. */
  leaseUntil(): Promise<number>;
  releaseLease(holder: string): Promise<void>;
  count(): Promise<number>;
  deadLetterCount(): Promise<number>;
  close(): void;
}

interface Lease {
  holder: string;
  until: number;
}

interface OutboxSchema extends DBSchema {
  outbox: { key: number; value: AuditRecord; indexes: { id: string } };
  'dead-letters': { key: string; value: DeadLetter; indexes: { since: number } };
  lease: { key: string; value: Lease };
}

/** 1: outbox and `dead-letter` (bare records). 2: `dead-letters` with reason and time, `lease`. */
const VERSION = 2;
const LEASE_KEY = 'delivery';
const LEGACY_DEAD_LETTER = 'dead-letter';

let connections = 0;
/** Open outbox connections in this page (for the one-pipeline-per-page tests and diagnostics). */
export function openOutboxConnections(): number {
  return connections;
}

export async function openIndexedDbOutbox(dbName: string, now: () => number): Promise<Outbox> {
  const opened: { outbox?: IndexedDbOutbox } = {};
  const db = await openDB<OutboxSchema>(dbName, VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1)
        database
          .createObjectStore('outbox', { autoIncrement: true })
          .createIndex('id', 'id', { unique: true });
      if (oldVersion < 2) {
        const dead = database.createObjectStore('dead-letters', { keyPath: 'record.id' });
        dead.createIndex('since', 'since');
        database.createObjectStore('lease');
        const raw = transaction as unknown as { db: IDBDatabase; objectStore(n: string): unknown };
        if (raw.db.objectStoreNames.contains(LEGACY_DEAD_LETTER)) {
          // Version 1 kept bare records: keep them, with the only reason v1 had for one.
          const legacy = raw.objectStore(LEGACY_DEAD_LETTER) as { getAll(): Promise<unknown[]> };
          void legacy.getAll().then((records) => {
            const since = now();
            for (const record of records as AuditRecord[])
              void dead.put({ record, reason: 'rejected', since });
            raw.db.deleteObjectStore(LEGACY_DEAD_LETTER);
          });
        }
      }
    },
    // A newer version of the library wants to upgrade the database: let it. This trail's later
    // writes fail, and it carries on from memory (reported as a storage error).
    blocking() {
      opened.outbox?.close();
    },
  });
  connections++;
  opened.outbox = new IndexedDbOutbox(db);
  return opened.outbox;
}

class IndexedDbOutbox implements Outbox {
  readonly durable = true;
  #open = true;
  readonly #db: IDBPDatabase<OutboxSchema>;
  constructor(db: IDBPDatabase<OutboxSchema>) {
    this.#db = db;
  }

  enqueue(records: readonly AuditRecord[]): Promise<void> {
    // The transaction and its first requests are created synchronously, so a record() followed by
    // the page going away has its write already issued to the database.
    const tx = this.#db.transaction('outbox', 'readwrite');
    const index = tx.store.index('id');
    for (const record of records) {
      // A failed add aborts the transaction, which `tx.done` reports; no second report here.
      index
        .getKey(record.id)
        .then((existing) => (existing === undefined ? tx.store.add(record) : undefined))
        .catch(() => undefined);
    }
    return tx.done;
  }

  bury(letters: readonly DeadLetter[]): Promise<void> {
    const tx = this.#db.transaction('dead-letters', 'readwrite');
    for (const letter of letters) {
      tx.store
        .getKey(letter.record.id)
        .then((existing) => (existing === undefined ? tx.store.add(letter) : undefined))
        .catch(() => undefined);
    }
    return tx.done;
  }

  async oldest(limit: number): Promise<QueuedRecord[]> {
    // Two requests in one transaction rather than a cursor step per record.
    const store = this.#db.transaction('outbox').store;
    const [keys, records] = await Promise.all([
      store.getAllKeys(null, limit),
      store.getAll(null, limit),
    ]);
    return keys.map((key, n) => ({ key, record: records[n]! }));
  }

  async claim(key: number, lease?: LeaseRequest): Promise<'ok' | 'gone' | 'lost'> {
    if (!lease) return (await this.#db.getKey('outbox', key)) === undefined ? 'gone' : 'ok';
    const tx = this.#db.transaction(['outbox', 'lease'], 'readwrite');
    let answer: 'ok' | 'gone' | 'lost' = 'ok';
    if (!(await takeLease(tx.objectStore('lease'), lease))) answer = 'lost';
    else if ((await tx.objectStore('outbox').getKey(key)) === undefined) answer = 'gone';
    await tx.done;
    return answer;
  }

  async remove(delivered: readonly QueuedKey[]): Promise<void> {
    const tx = this.#db.transaction(['outbox', 'dead-letters'], 'readwrite');
    for (const { key, id } of delivered) {
      void tx.objectStore('outbox').delete(key);
      void tx.objectStore('dead-letters').delete(id);
    }
    await tx.done;
  }

  async deadLetter(key: number, letter: DeadLetter): Promise<void> {
    const tx = this.#db.transaction(['outbox', 'dead-letters'], 'readwrite');
    const dead = tx.objectStore('dead-letters');
    if ((await dead.getKey(letter.record.id)) === undefined) await dead.add(letter);
    await tx.objectStore('outbox').delete(key);
    await tx.done;
  }

  async requeueDeadLetters(): Promise<number> {
    const tx = this.#db.transaction(['outbox', 'dead-letters'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    let moved = 0;
    let cursor = await tx.objectStore('dead-letters').openCursor();
    while (cursor) {
      const { record } = cursor.value;
      if ((await outbox.index('id').getKey(record.id)) === undefined) await outbox.add(record);
      await cursor.delete();
      moved++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return moved;
  }

  async purgeDeadLetters(before: number): Promise<number> {
    const tx = this.#db.transaction('dead-letters', 'readwrite');
    let purged = 0;
    let cursor = await tx.store.index('since').openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      purged++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return purged;
  }

  async acquireLease(lease: LeaseRequest): Promise<boolean> {
    const tx = this.#db.transaction('lease', 'readwrite');
    const taken = await takeLease(tx.store, lease);
    await tx.done;
    return taken;
  }

  async leaseUntil(): Promise<number> {
    return (await this.#db.get('lease', LEASE_KEY))?.until ?? 0;
  }

  async releaseLease(holder: string): Promise<void> {
    const tx = this.#db.transaction('lease', 'readwrite');
    if ((await tx.store.get(LEASE_KEY))?.holder === holder) await tx.store.delete(LEASE_KEY);
    await tx.done;
  }

  count(): Promise<number> {
    return this.#db.count('outbox');
  }

  deadLetterCount(): Promise<number> {
    return this.#db.count('dead-letters');
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    connections--;
    this.#db.close();
  }
}

/** Inside a readwrite transaction: the lease is free, expired or ours, so it becomes ours. */
async function takeLease(
  store: {
    get(key: string): Promise<Lease | undefined>;
    put(value: Lease, key: string): Promise<unknown>;
  },
  { holder, until, now }: LeaseRequest,
): Promise<boolean> {
  const current = await store.get(LEASE_KEY);
  if (current && current.holder !== holder && current.until > now) return false;
  await store.put({ holder, until }, LEASE_KEY);
  return true;
}
