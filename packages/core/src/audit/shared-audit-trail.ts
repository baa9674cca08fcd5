/**
 * One page, one audit pipeline: every session given the same sink (and outbox database) shares one
 * trail, so one outbox connection and one delivery loop, however many sessions or patient switches
 * a shift brings. Each caller gets a handle; closing the handle releases it, and the last release
 * delivers what it can (bounded) and closes the trail, so a host that makes a sink per session
 * does not leak either. Exactly-once delivery does not rest on this: trails over one database (in
 * other tabs, or made directly) still take turns through the delivery right.
 *
 * Options are read when the trail is made (the first acquirer's win, except `onEvent`, which each
 * handle subscribes for itself until it is closed).
 */
import type { AuditSink } from './audit-sink.js';
import { within } from './backoff.js';
import { createAuditTrail, type AuditTrailOptions, type DurableAuditTrail } from './audit-trail.js';

interface Pipeline {
  trail: DurableAuditTrail;
  handles: number;
}

/** By database name, then by sink object. Entries go when their last handle is closed. */
const pipelines = new Map<string, Map<AuditSink, Pipeline>>();

/** Pipelines open in this page (for the one-pipeline-per-page tests and diagnostics). */
export function liveAuditPipelines(): number {
  let count = 0;
  for (const bySink of pipelines.values()) count += bySink.size;
  return count;
}

/**
 * A handle on the page's audit trail for `sink`: `record`, `flush`, `pending`, `deadLetters`,
 * `retryDeadLetters` and `subscribe` act on the shared trail; `close()` releases this handle only
 * (it returns within the trail's close bound, and records after it are refused).
 */
export function sharedAuditTrail(
  sink: AuditSink,
  options: Omit<AuditTrailOptions, 'sink'> = {},
): DurableAuditTrail {
  const dbName = options.dbName ?? 'dcr-audit';
  const bySink = pipelines.get(dbName) ?? new Map<AuditSink, Pipeline>();
  pipelines.set(dbName, bySink);
  const pipeline = bySink.get(sink) ?? newPipeline(sink, options);
  bySink.set(sink, pipeline);
  pipeline.handles++;
  const { trail } = pipeline;
  const unsubscribes = new Set<() => void>();
  if (options.onEvent) unsubscribes.add(trail.subscribe(options.onEvent));
  let released: Promise<void> | undefined;

  async function release(owner: Pipeline, owners: Map<AuditSink, Pipeline>): Promise<void> {
    for (const unsubscribe of unsubscribes) unsubscribe();
    unsubscribes.clear();
    if (--owner.handles > 0) return;
    owners.delete(sink);
    if (owners.size === 0 && pipelines.get(dbName) === owners) pipelines.delete(dbName);
    // Last one out: give what is queued a chance to go (flush returns after one attempt each),
    // then close, which is bounded whatever the sink does.
    await within(options.sinkTimeoutMs ?? 15_000, () => owner.trail.flush());
    await owner.trail.close();
  }

  return {
    record(record) {
      if (released)
        throw new Error('This audit trail handle is closed; the record was not accepted.');
      trail.record(record);
    },
    flush: () => trail.flush(),
    durable: () => trail.durable(),
    pending: () => trail.pending(),
    deadLetters: () => trail.deadLetters(),
    retryDeadLetters: () => trail.retryDeadLetters(),
    subscribe(listener) {
      const unsubscribe = trail.subscribe(listener);
      unsubscribes.add(unsubscribe);
      return () => {
        unsubscribes.delete(unsubscribe);
        unsubscribe();
      };
    },
    close() {
      return (released ??= release(pipeline, bySink));
    },
  };
}

function newPipeline(sink: AuditSink, options: Omit<AuditTrailOptions, 'sink'>): Pipeline {
  // Each handle subscribes its own onEvent, so the first one's is not baked into the trail.
  const { onEvent: _subscribedPerHandle, ...shared } = options;
  return { trail: createAuditTrail({ ...shared, sink }), handles: 0 };
}
