/**
 * Waits between delivery attempts: exponential, capped, jittered from an injectable random; and
 * the bounded waits that keep the trail from hanging on anything.
 */

export interface BackoffPolicy {
  /** The first wait. Default 1 s. */
  initialMs: number;
  /** The longest wait, and the cap on a server's `Retry-After`. Default 5 min. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 300_000 };

/**
 * The wait before attempt `failures + 1`: `initialMs · 2^(failures-1)`, capped at `maxMs`, then
 * "equal jitter" (half fixed, half drawn) so many tabs or clients coming back online do not retry
 * in step. A server's `Retry-After` is a floor, itself capped.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  const jittered = exponential / 2 + (exponential / 2) * random();
  return Math.min(policy.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Resolves after `ms`, or early when `wake` fires or `signal` aborts (never rejects). */
export function interruptibleSleep(
  ms: number,
  signal: AbortSignal,
  wake: EventTarget,
  wakeEvent: string,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wake.removeEventListener(wakeEvent, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    wake.addEventListener(wakeEvent, done, { once: true });
  });
}

/** Runs `work`, waiting for it at most `ms` (it may go on in the background; it never rejects). */
export async function within(ms: number, work: () => Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work().catch(() => undefined), bound]);
  clearTimeout(timer);
}
