import { expect } from '@open-wc/testing';
import { lazyOrder } from './lazy-order.js';

/** A seeded generator, so a failure reproduces (STYLE.md: seeded randomness). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Row {
  name: string;
  date: string | undefined;
  id: number;
}

const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const COMPARATORS: Record<string, (a: Row, b: Row) => number> = {
  // Many ties (a few distinct names, case differences the collator ignores): stability shows.
  name: (a, b) => names.compare(a.name, b.name),
  'date, newest first, missing last': (a, b) =>
    a.date === b.date
      ? 0
      : a.date === undefined
        ? 1
        : b.date === undefined
          ? -1
          : a.date < b.date
            ? 1
            : -1,
};

function rows(count: number, next: () => number): Row[] {
  const words = ['Aspirin', 'aspirin', 'Warfarin', 'Metformin 500', 'Metformin 50', 'Zopiclone'];
  return Array.from({ length: count }, (_, id) => ({
    name: `${words[Math.floor(next() * words.length)]} ${Math.floor(next() * 20)}`,
    date:
      next() < 0.1
        ? undefined
        : `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
    id,
  }));
}

describe('lazyOrder (lazy-order.ts)', () => {
  for (const [label, compare] of Object.entries(COMPARATORS))
    it(`orders as Array.prototype.sort does, however far it is read: ${label}`, () => {
      for (const seed of [1, 2, 3, 42, 2026]) {
        const next = random(seed);
        for (const count of [0, 1, 7, 63, 64, 65, 200, 1_000, 5_000]) {
          const input = rows(count, next);
          const copy = [...input];
          const sorted = [...input].sort(compare);
          const lazy = lazyOrder(input, compare);
          expect(lazy.length).to.equal(count);
          // Read as a window grows (50 at a time), then jumps, then all: always the sort's prefix.
          for (const reach of [50, 100, 150, 51, 700, 3, count, count + 10]) {
            const head = lazy.head(reach).map((r) => r.id);
            const expected = sorted.slice(0, Math.min(reach, count)).map((r) => r.id);
            expect(head, `seed ${seed}, ${count} rows, first ${reach}`).to.deep.equal(expected);
          }
          expect(input, 'the input is left as it was').to.deep.equal(copy);
        }
      }
    });

  it('reads every row only a few times for the first screen of a long list', () => {
    const next = random(7);
    const input = rows(100_000, next);
    let compared = 0;
    const lazy = lazyOrder(input, (a, b) => (compared++, COMPARATORS.name!(a, b)));
    lazy.head(50);
    // One comparison a row with the heap's largest, and a few more for the rows that beat it; a
    // full sort of 100,000 rows makes about 1.7 million.
    expect(compared).to.be.below(3 * input.length);
  });
});
