import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { keyedRows } from './virtualize-rows.js';

/** A seeded generator, so a failure reproduces (STYLE.md: seeded randomness). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('keyedRows (virtualize-rows.ts)', () => {
  it('keeps rows keyed like repeat and leaves no node behind for a removed row', () => {
    const container = document.createElement('div');
    const next = random(13);
    const show = (keys: number[]) =>
      render(
        html`${keyedRows(
          keys,
          (k) => k,
          (k) => html`<p data-key=${k}>${k}</p>`,
        )}`,
        container,
      );
    show([1, 2, 3]);
    const two = container.querySelector('[data-key="2"]');
    // A window sliding down a long list, as the virtualizer scrolls it, then random churn.
    for (let first = 0; first < 500; first += 7)
      show(Array.from({ length: 20 }, (_, i) => first + i));
    for (let round = 0; round < 200; round++)
      show(
        Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 60)).filter(
          (k, i, all) => all.indexOf(k) === i,
        ),
      );
    const keys = [5, 2, 9];
    show(keys);
    expect([...container.querySelectorAll('p')].map((p) => p.dataset.key)).to.deep.equal(
      keys.map(String),
    );
    // Two markers a row, and three of the render root and template: nothing piles up however many were removed.
    const comments = [...container.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE);
    expect(comments.length).to.be.at.most(2 * keys.length + 3);
    // A kept key keeps its element (keyed, as repeat): focus and state stay on their row.
    show([1, 2, 3]);
    const again = container.querySelector('[data-key="2"]');
    show([2, 3]);
    expect(container.querySelector('[data-key="2"]')).to.equal(again);
    expect(two).to.not.equal(null);
  });
});
