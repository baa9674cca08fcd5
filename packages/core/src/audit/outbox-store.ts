/**
 * The durable outbox: audit records waiting for delivery, in IndexedDB (through `idb`), in the
 * order they were written. Values are the audit records themselves and nothing else (no attempt
 * counts, leases or clinical data); keys are out-of-line auto-increment numbers, so the order is
 * the commit order across every tab sharing the database. A unique index on `id` keeps a record
 * recorded twice from being queued twice. Rejected records move to `dead-letter`, never deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AuditRecord } from './audit-record.js';

export interface QueuedRecord {
  key: number;
  record: AuditRecord;
}

/** What the delivery loop needs from a queue; the IndexedDB outbox and the memory fallback agree. */
export interface Outbox {
  readonly durable: boolean;
  /** Adds records not already queued (by id), in one transaction, issued before this returns. */
  enqueue(records: readonly AuditRecord[]): Promise<void>;
  oldest(limit: number): Promise<QueuedRecord[]>;
  /** Deletes a delivered record. */
  remove(key: number): Promise<void>;
  /** Moves a permanently rejected record to the dead-letter store, atomically. */
  deadLetter(key: number, record: AuditRecord): Promise<void>;
  /** Moves every dead letter back to the outbox; returns how many. */
  requeueDeadLetters(): Promise<number>;
  count(): Promise<number>;
  deadLetterCount(): Promise<number>;
  close(): void;
}

interface OutboxSchema extends DBSchema {
  outbox: { key: number; value: AuditRecord; indexes: { id: string } };
  'dead-letter': { key: number; value: AuditRecord; indexes: { id: string } };
}

const VERSION = 1;

export async function openIndexedDbOutbox(dbName: string): Promise<Outbox> {
  const db = await openDB<OutboxSchema>(dbName, VERSION, {
    upgrade(database) {
      for (const name of ['outbox', 'dead-letter'] as const) {
        database
          .createObjectStore(name, { autoIncrement: true })
          .createIndex('id', 'id', { unique: true });
      }
    },
  });
  return new IndexedDbOutbox(db);
}

class IndexedDbOutbox implements Outbox {
  readonly durable = true;
  constructor(private readonly db: IDBPDatabase<OutboxSchema>) {}

  enqueue(records: readonly AuditRecord[]): Promise<void> {
    // The transaction and its first requests are created synchronously, so a record() followed by
    // the page going away has its write already issued to the database.
    const tx = this.db.transaction('outbox', 'readwrite');
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

  async oldest(limit: number): Promise<QueuedRecord[]> {
    const queued: QueuedRecord[] = [];
    let cursor = await this.db.transaction('outbox').store.openCursor();
    while (cursor && queued.length < limit) {
      queued.push({ key: cursor.primaryKey, record: cursor.value });
      cursor = await cursor.continue();
    }
    return queued;
  }

  remove(key: number): Promise<void> {
    return this.db.delete('outbox', key);
  }

  async deadLetter(key: number, record: AuditRecord): Promise<void> {
    const tx = this.db.transaction(['outbox', 'dead-letter'], 'readwrite');
    const dead = tx.objectStore('dead-letter');
    if ((await dead.index('id').getKey(record.id)) === undefined) await dead.add(record);
    await tx.objectStore('outbox').delete(key);
    await tx.done;
  }

  async requeueDeadLetters(): Promise<number> {
    const tx = this.db.transaction(['outbox', 'dead-letter'], 'readwrite');
    const dead = tx.objectStore('dead-letter');
    const outbox = tx.objectStore('outbox');
    let moved = 0;
    let cursor = await dead.openCursor();
    while (cursor) {
      if ((await outbox.index('id').getKey(cursor.value.id)) === undefined)
        await outbox.add(cursor.value);
      await cursor.delete();
      moved++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return moved;
  }

  count(): Promise<number> {
    return this.db.count('outbox');
  }

  deadLetterCount(): Promise<number> {
    return this.db.count('dead-letter');
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The fallback when IndexedDB cannot be opened (blocked storage, some private modes): delivery
 * still happens, in order with retries, but does not survive a reload. The trail says so through
 * its `storage-error` event.
 */
export function memoryOutbox(): Outbox {
  let nextKey = 1;
  const outbox = new Map<number, AuditRecord>();
  const dead = new Map<number, AuditRecord>();
  const has = (store: Map<number, AuditRecord>, id: string) =>
    [...store.values()].some((r) => r.id === id);
  return {
    durable: false,
    async enqueue(records) {
      for (const record of records) if (!has(outbox, record.id)) outbox.set(nextKey++, record);
    },
    async oldest(limit) {
      return [...outbox].slice(0, limit).map(([key, record]) => ({ key, record }));
    },
    async remove(key) {
      outbox.delete(key);
    },
    async deadLetter(key, record) {
      outbox.delete(key);
      if (!has(dead, record.id)) dead.set(nextKey++, record);
    },
    async requeueDeadLetters() {
      const moved = dead.size;
      for (const record of dead.values())
        if (!has(outbox, record.id)) outbox.set(nextKey++, record);
      dead.clear();
      return moved;
    },
    async count() {
      return outbox.size;
    },
    async deadLetterCount() {
      return dead.size;
    },
    close() {},
  };
}
