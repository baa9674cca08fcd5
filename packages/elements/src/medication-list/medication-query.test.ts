import { expect } from '@open-wc/testing';
import { medicationViews, type Medication } from '@dcr-elements/core';
import { MEDICATION_GROUPS, medicationGroups, viewCounts } from './medication-query.js';

/** A seeded generator, so a failure reproduces (STYLE.md: seeded randomness). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const TODAY = '2026-11-26T09:00:00Z';

/** Medications with what grouping reads varied at random: kind, current, dates near a year ago. */
function medications(count: number, next: () => number): Medication[] {
  const day = () => {
    const r = next();
    if (r < 0.1) return undefined;
    if (r < 0.15) return 'not a date';
    return new Date(Date.UTC(2026, 10, 26) - Math.floor(next() * 800) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  return Array.from({ length: count }, (_, i) => {
    const lastIssued = next() < 0.5 ? { date: day() } : undefined;
    return {
      id: `m${i}`,
      name: `Medicine ${Math.floor(next() * 50)}`,
      kind: next() < 0.5 ? 'repeat' : 'acute',
      current: next() < 0.5,
      started: day(),
      date: day(),
      lastIssued,
      issues: [],
    } as unknown as Medication;
  });
}

describe('medication-query', () => {
  it("groups every medication as core's medicationViews does (its membership, without its sorts)", () => {
    for (const seed of [1, 7, 99]) {
      const entries = medications(2_000, random(seed));
      const views = medicationViews({ entries }, TODAY);
      // The groups as they were read from medicationViews before (medication-list.ts, until
      // issue 13): current repeats, then recent acutes, then anything else current, then past.
      const expected = new Map<Medication, string>();
      for (const m of views.currentRepeat) expected.set(m, 'current-repeat');
      for (const m of views.recentAcute) if (!expected.has(m)) expected.set(m, 'recent-acute');
      for (const m of views.current) if (!expected.has(m)) expected.set(m, 'other-current');
      for (const m of views.all)
        if (!expected.has(m)) expected.set(m, m.kind === 'repeat' ? 'past-repeat' : 'past-acute');

      const groups = medicationGroups(entries, TODAY);
      const actual = new Map<Medication, string>();
      for (const group of MEDICATION_GROUPS) for (const m of groups[group]) actual.set(m, group);
      expect(actual.size, `seed ${seed}: every medication in one group`).to.equal(entries.length);
      for (const m of entries)
        expect(actual.get(m), `seed ${seed}, ${m.id}`).to.equal(expected.get(m));
      // Each group keeps the section's order (the list orders what it shows itself).
      for (const group of MEDICATION_GROUPS)
        expect(groups[group]).to.deep.equal(entries.filter((m) => expected.get(m) === group));
      expect(viewCounts(groups)).to.deep.equal({
        current: views.current.length,
        past: entries.length - views.current.length,
        all: entries.length,
      });
    }
  });
});
