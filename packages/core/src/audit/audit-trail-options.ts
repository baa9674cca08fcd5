/** The durable audit trail's options, events and surface (the implementation: audit-trail.ts). */
import type { AuditRecord, AuditTrail } from './audit-record.js';
import type { AuditSink } from './audit-sink.js';
import type { BackoffPolicy } from './backoff.js';
import type { MappingProblem } from './record-check.js';

export type AuditTrailEvent =
  /** Accepted by `record()`: the host fires `dcr-audit` (its detail is this record) from here. */
  | { type: 'queued'; at: string; record: AuditRecord }
  | { type: 'delivered'; at: string; id: string }
  | {
      type: 'retrying';
      at: string;
      id: string;
      failures: number;
      delayMs: number;
      status?: number;
      /** `refused`: the sink answered "try again"; `threw`: it threw, rejected or answered nonsense. */
      cause: 'refused' | 'threw' | 'timeout';
    }
  /**
   * The record will not be delivered without help and is kept in the dead-letter store: an alert
   * for the privacy officer (`alert` is always true). `rejected`: the sink refused it for good.
   */
  | { type: 'dead-letter'; at: string; id: string; alert: true; reason: 'rejected'; status: number }
  /** `unmappable`: it cannot become an AuditEvent (`problem` names the field); never sent. */
  | {
      type: 'dead-letter';
      at: string;
      id: string;
      alert: true;
      reason: 'unmappable';
      problem: MappingProblem;
    }
  /** Dead letters older than `deadLetterMaxAgeMs` were deleted. */
  | { type: 'dead-letters-purged'; at: string; count: number }
  /** IndexedDB failed: delivery goes on from memory but no longer survives a reload. */
  | { type: 'storage-error'; at: string; message: string };

export interface AuditTrailOptions {
  sink: AuditSink;
  /** The IndexedDB database of the outbox; tabs sharing it share the queue. Default `dcr-audit`. */
  dbName?: string;
  /** Stamps the events' `at`. */
  clock?: () => Date;
  /** Jitter source, in [0, 1). Default `Math.random`. */
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
  onEvent?: (event: AuditTrailEvent) => void;
  /** The longest one sink call may take before it is aborted and retried. Default 15 s. */
  sinkTimeoutMs?: number;
  /** Dead letters older than this are deleted. Default 30 days. */
  deadLetterMaxAgeMs?: number;
  /**
   * Web Locks for the delivery right. Default `navigator.locks`; `null` uses the IndexedDB lease
   * (what happens anyway where the browser has no Web Locks).
   */
  locks?: LockManager | null;
  /** How long one IndexedDB lease claim lasts; at least the sink timeout + 5 s. Default +10 s. */
  leaseMs?: number;
  /** How often a trail waiting for another's lease looks again. Default 1 s. */
  leasePollMs?: number;
  /** Epoch ms for leases and dead-letter ages (not for `at`). Default `Date.now`. */
  now?: () => number;
  /** `close()` waits at most this for writes in progress. Default 2 s. */
  closeTimeoutMs?: number;
}

export interface DurableAuditTrail extends AuditTrail {
  /** Waits until what is queued now is delivered, or has been attempted and is waiting to retry. */
  flush(): Promise<void>;
  /**
   * False once the outbox is in memory only (IndexedDB unavailable, as in some private browsing
   * modes, or failed): records are still delivered, but would not survive the page closing first.
   */
  durable(): Promise<boolean>;
  /** Records not yet acknowledged by the sink (dead letters excluded). */
  pending(): Promise<number>;
  /** Records that will not be delivered without help, kept for the privacy officer or a retry. */
  deadLetters(): Promise<number>;
  /** Queues the dead letters again (e.g. after the sink's configuration was fixed). */
  retryDeadLetters(): Promise<number>;
  /** Adds a listener for the trail's events (as `onEvent`); returns the way to remove it. */
  subscribe(listener: (event: AuditTrailEvent) => void): () => void;
  /**
   * Stops delivering after writing what is in memory; a send in flight is abandoned (its record
   * stays queued). Always returns, within about `closeTimeoutMs`, whatever the sink does.
   */
  close(): Promise<void>;
}
