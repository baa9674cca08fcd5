import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Medication } from '../../model/clinical.js';
import { isRecentAcute, medicationGroupOf, medicationViews } from './medication-views.js';

const TODAY = '2026-11-26';

/** A model medication (synthetic, uncoded: the views read no codes). */
function med(id: string, overrides: Partial<Medication>): Medication {
  return {
    id,
    codes: [],
    display: id,
    name: id,
    status: 'active',
    provenance: { source: 'static' },
    kind: 'acute',
    current: false,
    issues: [],
    highRisk: false,
    ...overrides,
  };
}

const issue = (id: string, date: string) => ({ id, date });

const antibiotic = med('Clarithromycin', {
  status: 'completed',
  issues: [issue('a1', '2026-08-30')],
  lastIssued: issue('a1', '2026-08-30'),
});
const oldAcute = med('Amoxicillin', {
  status: 'completed',
  issues: [issue('b1', '2025-11-20')],
  lastIssued: issue('b1', '2025-11-20'),
});
const thisWeek = med('Doxycycline', {
  current: true,
  issues: [issue('c1', '2026-11-20')],
  lastIssued: issue('c1', '2026-11-20'),
});
const repeat = med('Furosemide', {
  kind: 'repeat',
  current: true,
  started: '2020-01-01',
  issues: [issue('d1', '2026-10-01'), issue('d2', '2026-11-01')],
  lastIssued: issue('d2', '2026-11-01'),
});
const newerRepeat = med('Atorvastatin', { kind: 'repeat', current: true, started: '2024-05-01' });
const stopped = med('Apixaban', {
  kind: 'repeat',
  status: 'stopped',
  stopped: '2025-03-01',
  issues: [issue('e1', '2025-02-01')],
  lastIssued: issue('e1', '2025-02-01'),
});
const completedRepeat = med('Omeprazole', {
  kind: 'repeat',
  status: 'completed',
  stopped: '2026-01-01',
});

describe('medicationViews: the GP Connect HTML view groups', () => {
  const views = medicationViews(
    { entries: [oldAcute, repeat, stopped, antibiotic, thisWeek, newerRepeat, completedRepeat] },
    TODAY,
  );
  const names = (list: Medication[]) => list.map((m) => m.name);

  it('recent acute: acutes started or issued within 365 days, newest first', () => {
    expect(names(views.recentAcute)).to.deep.equal(['Doxycycline', 'Clarithromycin']);
    // 371 days before: outside; 364 days before: inside.
    expect(isRecentAcute(oldAcute, TODAY)).to.equal(false);
    expect(isRecentAcute(oldAcute, '2026-11-19')).to.equal(true);
  });

  it('current repeats (newest start first) and discontinued repeats (latest stop first)', () => {
    expect(names(views.currentRepeat)).to.deep.equal(['Atorvastatin', 'Furosemide']);
    expect(names(views.discontinuedRepeat)).to.deep.equal(['Omeprazole', 'Apixaban']);
  });

  it('all medication by name, and every issue newest first', () => {
    expect(names(views.all)).to.deep.equal([
      'Amoxicillin',
      'Apixaban',
      'Atorvastatin',
      'Clarithromycin',
      'Doxycycline',
      'Furosemide',
      'Omeprazole',
    ]);
    expect(views.issues.map((i) => i.issue.id)).to.deep.equal(['c1', 'd2', 'd1', 'a1', 'b1', 'e1']);
  });

  it('the default list holds a recent antibiotic even though it is no longer current', () => {
    expect(antibiotic.current).to.equal(false);
    expect(names(views.current)).to.deep.equal([
      'Atorvastatin',
      'Clarithromycin',
      'Doxycycline',
      'Furosemide',
    ]);
  });

  it('each medicine has one group, the one its view puts it in', () => {
    const groups = [
      oldAcute,
      repeat,
      stopped,
      antibiotic,
      thisWeek,
      newerRepeat,
      completedRepeat,
    ].map((m) => `${m.name}: ${medicationGroupOf(m, TODAY)}`);
    expect(groups).to.deep.equal([
      'Amoxicillin: past-acute',
      'Furosemide: current-repeat',
      'Apixaban: past-repeat',
      'Clarithromycin: recent-acute',
      'Doxycycline: recent-acute',
      'Atorvastatin: current-repeat',
      'Omeprazole: past-repeat',
    ]);
    // Not recent, but the source still calls it current: shown as current, never as past.
    const longCourse = med('Methotrexate', { current: true, started: '2024-01-01' });
    expect(medicationGroupOf(longCourse, TODAY)).to.equal('other-current');
  });

  it('an undated acute is recent only when the source calls it current', () => {
    expect(isRecentAcute(med('Undated', { current: true }), TODAY)).to.equal(true);
    expect(isRecentAcute(med('Undated', {}), TODAY)).to.equal(false);
  });
});

describe('isRecentAcute: the 365-day rule', () => {
  /** The rule as first written, by day numbers: what the text comparison must equal. */
  function byDayNumbers(m: Medication, today: string): boolean {
    const dayOf = (iso: string | undefined) => {
      const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
      return match
        ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)) / 86_400_000
        : undefined;
    };
    if (m.kind !== 'acute') return false;
    const date = dayOf(m.lastIssued?.date ?? m.started ?? m.date);
    const now = dayOf(today);
    if (date === undefined || now === undefined) return m.current;
    return now - date < 365;
  }

  it('agrees with day arithmetic at every precision, on both sides of the boundary', () => {
    const DAY = 86_400_000;
    // Today anywhere over four years; the medicine that many days before it, often at the edge.
    const today = fc.integer({ min: -800, max: 800 }).map((n) => Date.UTC(2026, 10, 26) + n * DAY);
    const daysBefore = fc.oneof(
      fc.integer({ min: 362, max: 368 }),
      fc.integer({ min: -800, max: 800 }),
    );
    const precision = fc.constantFrom(4, 7, 10, 16, 24);
    fc.assert(
      fc.property(
        today,
        daysBefore,
        precision,
        fc.constantFrom(10, 20),
        fc.boolean(),
        (now, before, length, todayLength, current) => {
          const started = new Date(now - before * DAY).toISOString().slice(0, length);
          const on = new Date(now).toISOString().slice(0, todayLength);
          const m = med('Amoxicillin', { started, current });
          expect(isRecentAcute(m, on), `${started} on ${on}`).to.equal(byDayNumbers(m, on));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
