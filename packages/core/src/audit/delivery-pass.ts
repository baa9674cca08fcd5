/**
 * One delivery pass, run while holding the delivery right: the queued records in order until the
 * queue is empty, a send fails (the caller backs off outside the right), or the trail closes.
 *
 * Cost per record: the send, and a delete that is not waited for (deletes are grouped, and all of
 * them have committed before the next read of the queue and before the right is let go, so no
 * trail ever reads a record that was delivered). Under the IndexedDB lease, a claim (renewal plus "still queued?")
 * runs in its own transaction only when the lease would not outlast the next send: while the lease
 * has been held without a break nobody else can have delivered, so the batch read is still true.
 * Under a Web Lock no claim is needed at all.
 */
import type { AuditRecord } from './audit-record.js';
import type { AuditSink } from './audit-sink.js';
import type { AuditTrailEvent } from './audit-trail-options.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { guardedSend } from './guarded-send.js';
import type { DeadLetter, LeaseRequest, Outbox, QueuedKey } from './outbox-store.js';
import { mappingProblem, type MappingProblem } from './record-check.js';

export type Pass = { kind: 'drained' } | { kind: 'retry'; delayMs: number } | { kind: 'stopped' };

export interface DeliveryPassContext {
  sink: AuditSink;
  sinkTimeoutMs: number;
  closing: AbortSignal;
  policy: BackoffPolicy;
  random: () => number;
  now: () => number;
  at: () => string;
  emit: (event: AuditTrailEvent) => void;
  /** Alerts that the record cannot be mapped, and the dead letter to keep for it (the trail's). */
  unmappable: (record: AuditRecord, problem: MappingProblem) => DeadLetter;
}

const BATCH = 50;
/** A lease is renewed when less than one send and this much is left of it. */
const LEASE_MARGIN_MS = 2_000;

export function deliveryPass(context: DeliveryPassContext) {
  const { sink, sinkTimeoutMs, closing, policy, random, now, at, emit, unmappable } = context;
  /** The record at the head of the queue that keeps failing, for the backoff. */
  let head: { id: string; failures: number } | undefined;

  async function run(target: Outbox, lease?: () => LeaseRequest): Promise<Pass> {
    const acks = acknowledger(target);
    const acknowledged = () => acks.settled();
    let heldUntil = -Infinity;
    try {
      while (!closing.aborted) {
        await acknowledged();
        const batch = await target.oldest(BATCH);
        if (batch.length === 0) return { kind: 'drained' };
        for (const { key, record } of batch) {
          if (closing.aborted) return { kind: 'stopped' };
          if (lease && now() + sinkTimeoutMs + LEASE_MARGIN_MS >= heldUntil) {
            await acknowledged();
            const request = lease();
            const claim = await target.claim(key, request);
            if (claim === 'lost') return { kind: 'stopped' };
            heldUntil = request.until;
            if (claim === 'gone') continue; // delivered by another trail since we read the batch
          }
          const problem = mappingProblem(record);
          if (problem) {
            await target.deadLetter(key, unmappable(record, problem));
            continue;
          }
          const outcome = await guardedSend(sink, record, sinkTimeoutMs, closing);
          if (outcome.kind === 'closed') return { kind: 'stopped' };
          if (outcome.kind === 'unmappable') {
            await target.deadLetter(key, unmappable(record, outcome.problem));
            continue;
          }
          const answer = outcome.kind === 'answer' ? outcome.delivery : undefined;
          if (answer?.ok) {
            acks.add({ key, id: record.id });
            head = undefined;
            emit({ type: 'delivered', at: at(), id: record.id });
            continue;
          }
          if (answer && !answer.retry) {
            const { status } = answer;
            await target.deadLetter(key, { record, reason: `rejected:${status}`, since: now() });
            emit({
              type: 'dead-letter',
              at: at(),
              id: record.id,
              alert: true,
              reason: 'rejected',
              status,
            });
            continue;
          }
          const failures = head?.id === record.id ? head.failures + 1 : 1;
          head = { id: record.id, failures };
          const delayMs = backoffDelay(failures, policy, random, answer?.retryAfterMs);
          emit({
            type: 'retrying',
            at: at(),
            id: record.id,
            failures,
            delayMs,
            cause: outcome.kind === 'answer' ? 'refused' : outcome.kind,
            ...(answer?.status !== undefined && { status: answer.status }),
          });
          return { kind: 'retry', delayMs };
        }
      }
      return { kind: 'stopped' };
    } finally {
      // Deletes land before the right is let go, so the next holder never reads a delivered record.
      await acks.settled();
    }
  }

  return { run };
}

/**
 * Deletes delivered records without holding up the next send: one transaction at a time, each
 * taking every record delivered while the previous one committed (one record per transaction with
 * a slow sink, many with a fast one). At most those few are sent again if the page dies here.
 */
function acknowledger(target: Outbox) {
  let waiting: QueuedKey[] = [];
  let committing: Promise<void> | undefined;
  let failure: unknown;
  const commit = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await target.remove(batch);
      } catch (error) {
        failure ??= error;
      }
    }
    committing = undefined;
  };
  return {
    add(delivered: QueuedKey): void {
      waiting.push(delivered);
      committing ??= commit();
    },
    /** Every delete issued so far has committed; rejects if one failed. */
    async settled(): Promise<void> {
      while (committing) await committing;
      if (failure !== undefined) throw failure;
    },
  };
}
