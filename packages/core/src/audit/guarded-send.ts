/**
 * One call to a sink that cannot hurt the trail: bounded by a timeout (the attempt's signal is
 * aborted and the trail moves on), ended at once when the trail closes, and never a rejection,
 * whether the sink throws synchronously, rejects, or answers something that is not a delivery.
 * A sink that settles after we stopped waiting is still observed, so its late rejection is never
 * reported as unhandled.
 */
import type { AuditRecord } from './audit-record.js';
import type { AuditDelivery, AuditSink } from './audit-sink.js';
import { UnmappableAuditRecordError, type MappingProblem } from './record-check.js';

export type SendOutcome =
  | { kind: 'answer'; delivery: AuditDelivery }
  /** The sink threw (or rejected), or answered something that is not an AuditDelivery. */
  | { kind: 'threw' }
  /** The sink's own mapping refused the record: it goes to the dead letters, not round again. */
  | { kind: 'unmappable'; problem: MappingProblem }
  | { kind: 'timeout' }
  | { kind: 'closed' };

export function guardedSend(
  sink: AuditSink,
  record: AuditRecord,
  timeoutMs: number,
  closing: AbortSignal,
): Promise<SendOutcome> {
  if (closing.aborted) return Promise.resolve({ kind: 'closed' });
  const attempt = new AbortController();
  let call: Promise<AuditDelivery>;
  try {
    call = Promise.resolve(sink.send(record, { signal: attempt.signal }));
  } catch (error) {
    call = Promise.reject(error);
  }
  const answered = call.then(
    (delivery): SendOutcome =>
      isDelivery(delivery) ? { kind: 'answer', delivery } : { kind: 'threw' },
    (error: unknown): SendOutcome =>
      error instanceof UnmappableAuditRecordError
        ? { kind: 'unmappable', problem: error.problem }
        : { kind: 'threw' },
  );
  return new Promise<SendOutcome>((resolve) => {
    const finish = (outcome: SendOutcome) => {
      clearTimeout(timer);
      closing.removeEventListener('abort', onClose);
      // Tell a sink we stopped waiting for (fetch aborts, a host callback may check the signal).
      if (outcome.kind === 'timeout' || outcome.kind === 'closed') attempt.abort();
      resolve(outcome);
    };
    const onClose = () => finish({ kind: 'closed' });
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    closing.addEventListener('abort', onClose, { once: true });
    void answered.then(finish);
  });
}

function isDelivery(value: unknown): value is AuditDelivery {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, retry } = value as { ok?: unknown; retry?: unknown };
  return ok === true || (ok === false && typeof retry === 'boolean');
}
