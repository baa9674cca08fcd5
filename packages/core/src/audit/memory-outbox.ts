/**
 * The fallback when IndexedDB cannot be opened (blocked storage, some private modes): delivery
 * still happens, in order with retries, but does not survive a reload. The trail says so through
 * its `storage-error` event. One trail owns it, so the lease is always granted.
 */
import type { AuditRecord } from './audit-record.js';
import type { DeadLetter, Outbox } from './outbox-store.js';

export function memoryOutbox(): Outbox {
  let nextKey = 1;
  const outbox = new Map<number, AuditRecord>();
  const dead = new Map<string, DeadLetter>();
  const queued = (id: string) => [...outbox.values()].some((r) => r.id === id);
  return {
    durable: false,
    async enqueue(records) {
      for (const record of records) if (!queued(record.id)) outbox.set(nextKey++, record);
    },
    async bury(letters) {
      for (const letter of letters)
        if (!dead.has(letter.record.id)) dead.set(letter.record.id, letter);
    },
    async oldest(limit) {
      return [...outbox].slice(0, limit).map(([key, record]) => ({ key, record }));
    },
    async claim(key) {
      return outbox.has(key) ? 'ok' : 'gone';
    },
    async remove(delivered) {
      for (const { key, id } of delivered) {
        outbox.delete(key);
        dead.delete(id);
      }
    },
    async deadLetter(key, letter) {
      outbox.delete(key);
      if (!dead.has(letter.record.id)) dead.set(letter.record.id, letter);
    },
    async requeueDeadLetters() {
      const moved = dead.size;
      for (const { record } of dead.values()) if (!queued(record.id)) outbox.set(nextKey++, record);
      dead.clear();
      return moved;
    },
    async purgeDeadLetters(before) {
      let purged = 0;
      for (const [id, letter] of dead)
        if (letter.since < before) {
          dead.delete(id);
          purged++;
        }
      return purged;
    },
    async acquireLease() {
      return true;
    },
    async leaseUntil() {
      return 0;
    },
    async releaseLease() {},
    async count() {
      return outbox.size;
    },
    async deadLetterCount() {
      return dead.size;
    },
    close() {},
  };
}
