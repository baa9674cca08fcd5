// What may end a derived warning: only something that happened, later, and that this viewer may
// see. A private or sensitive entry never ends (and so never hides) a warning the viewer does see.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SNOMED_CT, emptyDiagnostics, type Entry } from '../../model/common.js';
import type { RisksWarningsSection } from '../../model/clinical.js';
import { resolvePolicy } from '../../policy/policy.js';
import type { ViewerContext } from '../../policy/viewer.js';
import { applyEntryPolicy } from '../../policy/withhold.js';
import { normaliseOptions } from '../options.js';
import { R4_NORMALISERS, type R4Context } from '../r4/index.js';
import { deriveWarnings } from './derived-warnings.js';
import { SUPERSEDING } from './warning-codes.js';
import { compareIsoDates } from './compare-dates.js';
import { latestEvents } from './event-views.js';

const NOT_FOR_CPR = '450476008'; // Not for cardiopulmonary resuscitation (warning-codes.ts)
const FOR_CPR = '450475007'; // For cardiopulmonary resuscitation (warning-codes.ts)
const RESTRICTED = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
];
const viewer: ViewerContext = {
  userId: 'u1',
  name: 'Dr A',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};

function entry(id: string, code: string, date: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    codes: [{ system: SNOMED_CT, code, display: code === FOR_CPR ? 'For CPR' : 'Not for CPR' }],
    display: code === FOR_CPR ? 'For CPR' : 'Not for CPR',
    status: 'final',
    date,
    provenance: { source: 'gp-connect', organisation: 'Y12345', recorderOrganisation: 'Y12345' },
    ...extra,
  } as Entry;
}

const dnacpr = (entries: Entry[]) =>
  deriveWarnings([{ section: 'investigations', entries }]).find((w) => w.id === 'investigations/d');

describe('what ends a derived warning', () => {
  it('a later decision ends an earlier one, at its date', () => {
    const w = dnacpr([entry('d', NOT_FOR_CPR, '2023-01-10'), entry('f', FOR_CPR, '2024-06-01')]);
    expect(w).to.include({ status: 'inactive', end: '2024-06-01' });
  });

  it('a decision not done ends nothing', () => {
    const w = dnacpr([
      entry('d', NOT_FOR_CPR, '2023-03-01'),
      entry('f', FOR_CPR, '2024-03-01', { status: 'not-done' } as Partial<Entry>),
    ]);
    expect(w?.status).to.equal('active');
  });

  it('the same day ends neither, however precisely either is dated', () => {
    const w = dnacpr([
      entry('d', NOT_FOR_CPR, '2024-03-01'),
      entry('f', FOR_CPR, '2024-03-01T16:00:00Z'),
    ]);
    expect(w?.status).to.equal('active');
    // Two times of one instant in different zones: not later either.
    const zones = dnacpr([
      entry('d', NOT_FOR_CPR, '2024-03-01T23:30:00+00:00'),
      entry('f', FOR_CPR, '2024-03-02T00:30:00+01:00'),
    ]);
    expect(zones?.status).to.equal('active');
  });

  it('a private later decision of another organisation neither ends it nor shows by its effect', async () => {
    const entries = [
      entry('d', NOT_FOR_CPR, '2023-01-10'),
      entry('f', FOR_CPR, '2024-06-01', {
        security: RESTRICTED,
        provenance: {
          source: 'gp-connect',
          organisation: 'Y12345',
          recorderOrganisation: 'Y99999',
        },
      } as Partial<Entry>),
    ];
    const section: RisksWarningsSection = {
      entries: deriveWarnings([{ section: 'investigations', entries }]),
      warnings: [],
      diagnostics: emptyDiagnostics(),
      basis: 'coded-entries',
    };
    const shown = await applyEntryPolicy('risksWarnings', section, viewer, resolvePolicy());
    const w = shown.entries.find((e) => e.id === 'investigations/d');
    expect(w?.status).to.equal('active');
    expect(w).not.to.have.property('end');
    expect(w).not.to.have.property('endedBy');
    expect(shown.withheld?.private).to.equal(1);
    // The section the policy was given is not changed: the next viewer is judged afresh.
    expect(section.entries.find((e) => e.id === 'investigations/d')?.status).to.equal('inactive');
  });
});

describe('the latest admission', () => {
  it('is one that happened: a planned (booked) admission is not the last one', () => {
    const admission = (id: string, start: string, status: string) =>
      ({
        id,
        kind: 'admission',
        status,
        start,
        date: start,
        codes: [],
        display: 'Admission',
        type: [],
      }) as never;
    const latest = latestEvents({
      entries: [admission('a', '2025-11-02', 'finished'), admission('b', '2026-09-14', 'planned')],
    });
    expect(latest.admission?.id).to.equal('a');
  });
});

describe('a cancelled observation (R4) is no result and no warning', () => {
  const context: R4Context = {
    patientId: 'pat',
    nhsNumber: '9434765919',
    options: normaliseOptions({ today: '2026-11-26' }),
  };
  const observation = (id: string, status: string, code: string, date: string, value?: number) => ({
    resourceType: 'Observation',
    id,
    status,
    code: {
      coding: [{ system: SNOMED_CT, code, display: code === NOT_FOR_CPR ? 'Not for CPR' : 'INR' }],
    },
    subject: { reference: 'Patient/pat' },
    effectiveDateTime: date,
    ...(value !== undefined && { valueQuantity: { value, unit: '{ratio}' } }),
  });

  it('a cancelled INR is counted, never the latest result', () => {
    const section = R4_NORMALISERS.investigations(
      [
        observation('inr-1', 'final', '165581004', '2026-03-01', 2.4),
        observation('inr-2', 'cancelled', '165581004', '2026-03-12'),
      ],
      context,
    );
    expect(section.entries.map((e) => e.id)).to.deep.equal(['inr-1']);
    expect(section.diagnostics.dropped).to.deep.equal({ cancelled: 1 });
  });

  it('a cancelled "not for CPR" observation warns of nothing', () => {
    const section = R4_NORMALISERS.risksWarnings(
      [observation('dnacpr', 'cancelled', NOT_FOR_CPR, '2026-03-12')],
      context,
    );
    expect(section.entries).to.deep.equal([]);
  });
});

describe('endings found by code', () => {
  // Codes that make, end, or do neither (warning-codes.ts): CPR decisions end each other; the
  // child protection pair ends one way; 49436004 (atrial fibrillation) is neither.
  const CODES = [NOT_FOR_CPR, FOR_CPR, '342191000000101', '342891000000105', '49436004'];
  const isLater = (a: string, b: string) => {
    if (a.includes('T') && b.includes('T')) return Date.parse(a) > Date.parse(b);
    const n = Math.min(a.length, b.length, 10);
    return a.slice(0, n) > b.slice(0, n);
  };
  /** The rule as it was written first: every ending read for every warning. */
  function endedByScanningAll(entries: Entry[], warning: Entry): string[] {
    const codes = new Set(warning.codes.map((c) => c.code));
    return entries
      .filter((e) => e.status !== 'not-done' && e.status !== 'cancelled' && e.date)
      .filter((e) => e.codes.some((c) => (SUPERSEDING.get(c.code) ?? []).some((x) => codes.has(x))))
      .filter((e) => isLater(e.date!, warning.date!))
      .sort((a, b) => compareIsoDates(a.date, b.date))
      .map((e) => e.id);
  }

  it('end each warning with exactly the entries reading every ending would, in the same order', () => {
    const anEntry = fc.record({
      codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
      // Few distinct days, so that equal dates (kept in record order) are common.
      date: fc.constantFrom(
        '2024-01-01',
        '2024-01-02',
        '2024-01-03',
        '2024-01',
        '2024-01-02T10:00:00Z',
      ),
      status: fc.constantFrom('final', 'final', 'not-done'),
    });
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 25 }), (drawn) => {
        const entries = drawn.map(
          ({ codes, date, status }, i) =>
            ({
              ...entry(`e${i}`, codes[0]!, date),
              codes: codes.map((code) => ({ system: SNOMED_CT, code })),
              status,
            }) as Entry,
        );
        for (const warning of deriveWarnings([{ section: 'investigations', entries }])) {
          const source = entries.find((e) => `investigations/${e.id}` === warning.id)!;
          expect((warning.endedBy ?? []).map((e) => e.id)).to.deep.equal(
            endedByScanningAll(entries, source),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
