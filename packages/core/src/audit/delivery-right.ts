/**
 * Who may deliver from a shared outbox: one trail at a time across every tab and every trail in a
 * page, so no record is sent twice. With Web Locks, the lock `dcr-audit-delivery:<dbName>`; without
 * them (old browsers, insecure contexts, or `locks: null`), a lease row in the outbox database
 * taken and renewed in IndexedDB transactions. A lease is renewed in the same transaction that
 * checks the next record is still queued (`Outbox.claim`), and lasts longer than one sink call may
 * take, so a holder never sends after losing it. A holder that dies leaves a lease that expires.
 *
 * The right is held only while sending: a trail backing off after a failure has let go, so a tab
 * whose sink hangs or fails cannot starve the others.
 */
import { randomId } from '../random-id.js';
import type { LeaseRequest, Outbox } from './outbox-store.js';

export type Held<T> = { held: true; value: T } | { held: false; retryInMs: number };

export interface DeliveryRightOptions {
  dbName: string;
  /** `null` forces the lease. */
  locks: LockManager | null;
  closing: AbortSignal;
  now: () => number;
  leaseMs: number;
  pollMs: number;
}

export interface DeliveryRight {
  /** Runs `deliver` holding the right; `lease()` gives the renewal for each claim, if any. */
  run<T>(
    outbox: Outbox,
    deliver: (lease: (() => LeaseRequest) | undefined) => Promise<T>,
  ): Promise<Held<T>>;
}

export function deliveryRight(options: DeliveryRightOptions): DeliveryRight {
  const { locks, closing, now, leaseMs, pollMs } = options;
  const lockName = `dcr-audit-delivery:${options.dbName}`;
  const holder = randomId();
  const lease = (): LeaseRequest => {
    const at = now();
    return { holder, until: at + leaseMs, now: at };
  };

  return {
    async run(outbox, deliver) {
      // A memory outbox belongs to this trail alone.
      if (!outbox.durable) return { held: true, value: await deliver(undefined) };
      if (locks) {
        try {
          const value = await locks.request(lockName, { signal: closing }, () =>
            deliver(undefined),
          );
          return { held: true, value };
        } catch (error) {
          if (closing.aborted) return { held: false, retryInMs: 0 };
          throw error;
        }
      }
      if (!(await outbox.acquireLease(lease()))) {
        const until = await outbox.leaseUntil();
        return { held: false, retryInMs: Math.max(1, Math.min(pollMs, until - now() + 1)) };
      }
      try {
        return { held: true, value: await deliver(lease) };
      } finally {
        await outbox.releaseLease(holder).catch(() => undefined);
      }
    },
  };
}
