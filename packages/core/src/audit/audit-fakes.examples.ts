/**
 * Fakes for the audit trail's resilience tests: an in-memory "audit server" that counts how often
 * each id was stored, and sinks in front of it that succeed, hang, throw or fail on cue. (An
 * examples module, so the build leaves it out like every `*.examples.ts`.)
 */
import type { AuditRecord } from './audit-record.js';
import type { AuditDelivery, AuditSink } from './audit-sink.js';
import type { AuditTrailEvent } from './audit-trail.js';

/**
 * What a fake sink does with one call: store it (optionally after `latencyMs`, unless aborted
 * first, as a fetch would), never answer, throw synchronously, reject, answer "try again", or
 * answer something that is not a delivery at all.
 */
export type SinkBehaviour =
  | { kind: 'ok'; latencyMs?: number }
  | { kind: 'hang' }
  | { kind: 'throw' }
  | { kind: 'reject'; afterMs?: number }
  | { kind: 'retry'; status?: number }
  | { kind: 'nonsense' };

export class FakeAuditServer {
  /** Times each id was stored: exactly-once means every value is 1. */
  readonly stored = new Map<string, number>();
  /** Sink calls, in order, by id. */
  readonly calls: string[] = [];
  /** Calls for an id the server already had (a duplicate send). */
  duplicates = 0;

  sink(behave: (record: AuditRecord, call: number) => SinkBehaviour = () => ({ kind: 'ok' })) {
    let call = 0;
    const sink: AuditSink = {
      send: (record, { signal }): Promise<AuditDelivery> => {
        this.calls.push(record.id);
        if (this.stored.has(record.id)) this.duplicates++;
        const behaviour = behave(record, call++);
        switch (behaviour.kind) {
          case 'throw':
            throw new Error('sink exploded');
          case 'hang':
            return new Promise(() => undefined); // ignores even the abort signal
          case 'reject':
            return new Promise((_, reject) =>
              setTimeout(() => reject(new Error('sink failed')), behaviour.afterMs ?? 0),
            );
          case 'retry':
            return Promise.resolve({ ok: false, retry: true, status: behaviour.status ?? 503 });
          case 'nonsense':
            return Promise.resolve(undefined as unknown as AuditDelivery);
          case 'ok':
            return this.store(record, signal, behaviour.latencyMs ?? 0);
        }
      },
    };
    return sink;
  }

  private async store(record: AuditRecord, signal: AbortSignal, latencyMs: number) {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (signal.aborted) return { ok: false, retry: true } as const;
    this.stored.set(record.id, (this.stored.get(record.id) ?? 0) + 1);
    return { ok: true } as const;
  }

  /** Ids stored more than once. */
  storedTwice(): string[] {
    return [...this.stored].filter(([, n]) => n > 1).map(([id]) => id);
  }
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 8_000,
): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

export const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;

/** Counts unhandled promise rejections while a test runs. */
export function watchUnhandledRejections() {
  const seen: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    seen.push(event.reason);
    event.preventDefault();
  };
  addEventListener('unhandledrejection', listener);
  return {
    seen,
    stop: () => removeEventListener('unhandledrejection', listener),
  };
}

export const eventsOf = <T extends AuditTrailEvent['type']>(events: AuditTrailEvent[], type: T) =>
  events.filter((e): e is Extract<AuditTrailEvent, { type: T }> => e.type === type);
