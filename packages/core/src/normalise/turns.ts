/**
 * Normalising in turns. A large record (100,000 entries) takes hundreds of milliseconds to
 * normalise; done in one call, the page ignores the clinician's clicks and keys for that long.
 * So each normaliser is written as steps: a generator that `yield`s at checkpoints (every
 * {@link RESOURCES_PER_CHECKPOINT} resources, and inside any other long loop) and returns its
 * section. {@link inTurns} runs those steps and gives the event loop a turn whenever it has held
 * it for {@link TURN_BUDGET_MS}; {@link runNow} runs the same steps in one go, for callers that
 * need the value synchronously (tests, benchmarks, a record already small). Both give the same
 * value: the steps are the normaliser, the runner only decides when it pauses.
 */
import { RecordError } from '../http/errors.js';

/** A normaliser's work: a generator that yields at checkpoints and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** How long the main thread is held before the event loop gets a turn (DESIGN §9: input ≤ 50 ms). */
export const TURN_BUDGET_MS = 10;
/**
 * Items between checkpoints in a pass that does little per item (sorting resources by type,
 * choosing candidates): a checkpoint per item there would cost more than the item.
 */
export const LIGHT_PASS_ITEMS = 64;
/**
 * Resources between checkpoints in a pass that reads each one (about 5 to 20 µs a resource). A
 * checkpoint per resource cost about a seventh of normalising: each resumes every generator in
 * its chain, which saves and restores all their live variables, and makes an iterator result.
 * Four keep each step far under a millisecond.
 */
export const RESOURCES_PER_CHECKPOINT = 4;
/** Checkpoints between looks at the clock: reading it per resource would cost more than it saves. */
const CHECK_EVERY = 8;

/** Runs `steps` to the end at once and returns their result. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The clock the runs read: `Date.now()`, whose milliseconds are all a 10 ms budget needs, and which
 * costs a fifth of `performance.now()` in Chromium 150 (80 against 400 ns; read thousands of times
 * a record). It is the wall clock, so it can step back: a stretch that seems to have run for less
 * than nothing has its turn too (below), rather than holding the page until the clock catches up.
 */
const now = () => Date.now();
/**
 * When the current stretch of work began: shared by every run, since concurrent normalisers
 * (one per section) hold the same main thread, and a run that starts just after another ran
 * for 9 ms must not take another 10 before the event loop has a turn.
 */
let stretchStart = 0;
/** Runs under way, and when the last one stopped or paused. */
let running = 0;
let lastCheckpoint = -Infinity;

/**
 * Runs `steps`, giving the event loop a turn (input, rendering, timers) whenever this and other
 * runs have held it for {@link TURN_BUDGET_MS}; rejects with `RecordError('aborted')` when
 * `signal` aborts, at the next checkpoint, without finishing the work.
 */
export async function inTurns<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw new RecordError('aborted');
  // Alone, and not straight after another run: a new stretch. A small record then resolves
  // without waiting for a turn it does not need.
  if (running === 0 && now() - lastCheckpoint > 1) stretchStart = now();
  running++;
  let sinceCheck = 0;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (++sinceCheck < CHECK_EVERY) continue;
      sinceCheck = 0;
      const held = now() - stretchStart;
      if (held >= TURN_BUDGET_MS || held < 0) await nextTurn(signal);
    }
  } finally {
    running--;
    lastCheckpoint = now();
    // An aborted or failed run closes its generator: its `finally` blocks run, nothing dangles.
    steps.return(undefined as T);
  }
}

/**
 * Resolves in a later task (after pending input and timers had their turn). Every run waiting
 * shares the one turn: were each to take its own, the runs resumed after it would each take a
 * whole budget before the page had another (Node runs all pending `setImmediate` callbacks in
 * one go), and concurrent sections would hold the thread for their number times the budget.
 */
async function nextTurn(signal?: AbortSignal): Promise<void> {
  pendingTurn ??= yieldToEventLoop().then(() => {
    pendingTurn = undefined;
    stretchStart = now();
  });
  await pendingTurn;
  if (signal?.aborted) throw new RecordError('aborted');
}
let pendingTurn: Promise<void> | undefined;

/**
 * The cheapest way this platform offers to let every other task run: `setImmediate` (Node), else
 * a message (a task like any other; unlike `setTimeout`, not clamped to 4 ms when nested), else
 * `setTimeout`. Not `scheduler.yield()`: it lets input through but keeps its continuation ahead
 * of every other task, so while a large record is normalised the other sections' responses,
 * timers and messages wait (in Chromium 156 a 0 ms timer set before a 300 ms run fired only
 * after it).
 */
function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => immediate(resolve));
  if (typeof MessageChannel === 'function') return message();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];
/** One channel for every run; each message wakes the run that posted first (FIFO). */
function message(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(undefined);
  });
}

/**
 * Sorts `items` in place by `compare` as steps: stable, as `Array.prototype.sort` is, so the
 * order is the same; but a sort of tens of thousands of entries is itself longer than a turn.
 * A natural merge sort: the runs already in order (or in strictly reverse order, which holds no
 * equal items to keep in order, and is reversed) are found, then merged in pairs, so a section
 * that arrives nearly sorted, as most do, costs little more than one pass.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  let bounds = [0];
  let work = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    if (end < n && compare(items[end - 1]!, items[end]!) > 0) {
      while (end < n && compare(items[end - 1]!, items[end]!) > 0) end++;
      for (let i = start, j = end - 1; i < j; i++, j--)
        [items[i], items[j]] = [items[j]!, items[i]!];
    } else {
      while (end < n && compare(items[end - 1]!, items[end]!) <= 0) end++;
    }
    bounds.push(end);
    work += end - start;
    start = end;
    if (work >= 256) {
      work = 0;
      yield;
    }
  }
  let from = items;
  let to = new Array<T>(n);
  while (bounds.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const start = bounds[r]!;
      const middle = bounds[r + 1]!;
      const end = r + 2 < bounds.length ? bounds[r + 2]! : middle;
      let i = start;
      let j = middle;
      for (let k = start; k < end; k++) {
        // Equal items keep their order: the left run's first.
        if (i < middle && (j >= end || compare(from[i]!, from[j]!) <= 0)) to[k] = from[i++]!;
        else to[k] = from[j++]!;
        if ((k & 255) === 255) yield;
      }
      merged.push(end);
    }
    bounds = merged;
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k]!;
  return items;
}
