/**
 * Rows in order, ordered only as far as they are read. A long list's first screen shows its first
 * rows (shared/list-window.ts), so sorting 100,000 medicines to show 50 would make the first
 * screen grow with the record; `head(count)` orders just enough, and the rest as the list is
 * scrolled or printed.
 */
export interface OrderedRows<T> {
  /** How many rows there are in all. */
  readonly length: number;
  /** The first `count` rows, in order: the same rows, in the same order, as a full stable sort. */
  head(count: number): readonly T[];
}

/** Rows ordered at least this many at a time: each step reads every row not yet ordered once. */
const FIRST_STEP = 64;

/**
 * `items` ordered by `compare`, lazily: exactly as `[...items].sort(compare)` would order them
 * (ties keep their input order, as `Array.prototype.sort` is stable), but `head(k)` costs one pass
 * over the rows not yet ordered plus the ordering of the next step, which doubles each time (so a
 * whole scroll-through costs about what one sort would). `items` is not changed; keep it unchanged.
 */
export function lazyOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): OrderedRows<T> {
  const ordered: T[] = [];
  /**
   * Indices into `items` of the rows not yet in `ordered`, in input order; `undefined` until the
   * first step has been taken (every row then), so a first screen builds no array of 100,000.
   */
  let rest: number[] | undefined;
  /** Rows the last step ordered, to leave out of `rest` when it is next needed. */
  let taken: Set<number> | undefined;
  // Ties broken by input position: a total order, so any correct selection gives the stable sort.
  const before = (i: number, j: number) => compare(items[i]!, items[j]!) || i - j;

  const orderMore = (count: number) => {
    if (taken) {
      const chosen = taken;
      rest = (rest ?? Array.from(items, (_, i) => i)).filter((i) => !chosen.has(i));
      taken = undefined;
    }
    const remaining = rest?.length ?? items.length;
    const step = Math.max(count - ordered.length, ordered.length, FIRST_STEP);
    if (step * 2 >= remaining) {
      for (const i of (rest ?? Array.from(items, (_, i) => i)).sort(before))
        ordered.push(items[i]!);
      rest = [];
      return;
    }
    const chosen = smallest(rest ?? items.length, step, before);
    for (const i of chosen) ordered.push(items[i]!);
    taken = new Set(chosen);
  };

  return {
    length: items.length,
    head(count) {
      const wanted = Math.max(0, Math.min(count, items.length));
      if (wanted > ordered.length) orderMore(wanted);
      return ordered.slice(0, wanted);
    },
  };
}

/**
 * The `k` smallest of `indices` (or of 0 to `indices` - 1, given a number) under `before` (a
 * total order), smallest first: a max-heap of the
 * best `k` so far, so each index is compared once with the heap's largest and only the few that
 * beat it go further.
 */
function smallest(
  indices: readonly number[] | number,
  k: number,
  before: (i: number, j: number) => number,
): number[] {
  const heap: number[] = [];
  const swap = (a: number, b: number) => {
    const t = heap[a]!;
    heap[a] = heap[b]!;
    heap[b] = t;
  };
  const siftDown = (from: number) => {
    for (let at = from; ;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < heap.length && before(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && before(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === at) return;
      swap(at, largest);
      at = largest;
    }
  };
  const count = typeof indices === 'number' ? indices : indices.length;
  for (let at = 0; at < count; at++) {
    const index = typeof indices === 'number' ? at : indices[at]!;
    if (heap.length < k) {
      heap.push(index);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (before(heap[at]!, heap[parent]!) <= 0) break;
        swap(at, parent);
        at = parent;
      }
    } else if (before(index, heap[0]!) < 0) {
      heap[0] = index;
      siftDown(0);
    }
  }
  return heap.sort(before);
}

/** An array already in order, as `OrderedRows`. */
export function inOrder<T>(rows: readonly T[]): OrderedRows<T> {
  return {
    length: rows.length,
    head: (count) => (count >= rows.length ? rows : rows.slice(0, count)),
  };
}
