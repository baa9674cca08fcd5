import { expect } from '@open-wc/testing';
import { compareNames } from './compare-names.js';

/** A seeded generator, so a failure reproduces (STYLE.md: seeded randomness). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

describe('compareNames (compare-names.ts)', () => {
  it('orders every pair of names as the en-GB collator does (random names, seed printed)', () => {
    // Plain parts and the ones the fast path hands on: punctuation, accents, leading zeros, long
    // numbers, other scripts, case.
    const parts = [
      'a',
      'B',
      'z',
      'Z',
      ' ',
      '0',
      '1',
      '7',
      '9',
      '00',
      '12',
      '0012',
      '-',
      'é',
      'E',
      '.',
      '/',
      'Metformin',
      'metformin',
      '500mg',
      '50mg',
      '1234567890123456789',
      'ß',
      'Ω',
      '\u00a0',
    ];
    for (const seed of [1, 13, 2026]) {
      const next = random(seed);
      const name = () =>
        Array.from(
          { length: Math.floor(next() * 7) },
          () => parts[Math.floor(next() * parts.length)],
        ).join('');
      for (let n = 0; n < 20_000; n++) {
        const a = name();
        const b = n % 3 === 0 ? a + name() : n % 5 === 0 ? a.toUpperCase() : name();
        expect(
          Math.sign(compareNames(a, b)),
          `seed ${seed}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
        ).to.equal(Math.sign(collator.compare(a, b)));
      }
    }
  });
});
