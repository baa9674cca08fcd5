// Normalising in turns (turns.ts): a long run gives the event loop turns and stops when aborted,
// and a record normalised in turns is the record normalised at once. All data is synthetic.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { generatePatient } from '../../test/generated/synthetic-r4-patient.js';
import { RecordError } from '../http/errors.js';
import { normaliseOptions } from './options.js';
import { R4_NORMALISERS, R4_SECTION_TYPES, r4InTurns, type R4Context } from './r4/index.js';
import { bundleEntries, referenceIndex } from './shared/references.js';
import { normaliseStructuredRecord, structuredRecordInTurns } from './stu3/structured-record.js';
import { NHS_NUMBER, SNOMED, bundleOf, list, subject } from './stu3/synthetic-bundles.examples.js';
import { inTurns, runNow, sortSteps, type Steps } from './turns.js';

/** Steps that keep the thread busy for `ms`, one checkpoint at a time; `done` counts them. */
function* busy(ms: number, progress = { done: 0, closed: false }): Steps<number> {
  const end = performance.now() + ms;
  try {
    while (performance.now() < end) {
      progress.done++;
      yield;
    }
    return progress.done;
  } finally {
    progress.closed = true;
  }
}

/** Whether a 0 ms timer set before `run` starts fired before `run` finished. */
async function timerFiredDuring(run: () => unknown): Promise<boolean> {
  let fired = false;
  const timer = setTimeout(() => (fired = true), 0);
  await run();
  clearTimeout(timer);
  return fired;
}

/** A record large enough to take many turns: one generated patient's entries many times over. */
function largeR4Record(copies: number) {
  const { bundle } = generatePatient(2026, 'collection');
  const patientEntry = bundle.entry.find(
    (e) => (e as { resource: { resourceType: string } }).resource.resourceType === 'Patient',
  ) as { fullUrl: string; resource: { id: string } };
  const patientUrl = patientEntry.fullUrl;
  const entry = [...bundle.entry];
  for (let copy = 1; copy < copies; copy++) {
    for (const e of bundle.entry) {
      if (e === patientEntry) continue;
      // Every other id and urn:uuid made unique per copy; the patient's stays.
      const text = JSON.stringify(e).replace(/urn:uuid:([0-9a-f-]+)/g, (url) =>
        url === patientUrl ? url : `${url}-${copy}`,
      );
      const copied = JSON.parse(text) as { resource: { id?: string } };
      if (copied.resource.id) copied.resource.id = `${copied.resource.id}-${copy}`;
      entry.push(copied);
    }
  }
  return { entry, patientId: patientEntry.resource.id };
}

describe('inTurns', () => {
  it('gives the event loop turns during a long run, where running at once does not', async () => {
    expect(await timerFiredDuring(() => inTurns(busy(200)))).to.equal(true);
    expect(await timerFiredDuring(() => runNow(busy(200)))).to.equal(false);
  });

  it('pauses often enough that input waits well under 50 ms', async () => {
    // Turns are counted by a message chain: each message is one turn the page had.
    const channel = new MessageChannel();
    let turns = 0;
    channel.port1.onmessage = () => {
      turns++;
      channel.port2.postMessage(undefined);
    };
    channel.port2.postMessage(undefined);
    await inTurns(busy(300));
    channel.port1.onmessage = null;
    channel.port1.close();
    // A 10 ms budget gives some 30 turns in 300 ms; at least one per 50 ms is the requirement.
    expect(turns).to.be.at.least(6);
  });

  it('stops at the next checkpoint when the signal aborts, closing the steps', async () => {
    const controller = new AbortController();
    const progress = { done: 0, closed: false };
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    const error = await inTurns(busy(2_000, progress), controller.signal).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RecordError);
    expect((error as RecordError).kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(1_000);
    expect(progress.closed).to.equal(true);
  });

  it('does not start when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const progress = { done: 0, closed: false };
    const error = await inTurns(busy(100, progress), controller.signal).catch((e: unknown) => e);
    expect((error as RecordError).kind).to.equal('aborted');
    expect(progress.done).to.equal(0);
  });
});

describe('sortSteps', () => {
  it('orders as Array.prototype.sort does, equal items kept in their order', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const shapes: Record<string, (index: number, length: number) => number> = {
      random: () => Math.floor(next() * 50),
      ascending: (index) => index >> 1,
      descending: (index, length) => (length - index) >> 1, // runs downwards, with ties
      'strictly descending': (index, length) => length - index,
      sawtooth: (index) => (index % 97) - (index % 13 === 0 ? 5 : 0),
    };
    for (const [shape, key] of Object.entries(shapes)) {
      for (const length of [0, 1, 2, 3, 255, 256, 257, 1000, 4099]) {
        const items = Array.from({ length }, (_, index) => ({ key: key(index, length), index }));
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const expected = [...items].sort(compare);
        const sorted = runNow(sortSteps(items, compare));
        expect(sorted, `${shape} ${length}`).to.equal(items); // in place, as sort is
        expect(
          sorted.map((i) => i.index),
          `${shape} ${length}`,
        ).to.deep.equal(expected.map((i) => i.index));
      }
    }
  });
});

describe('a record normalised in turns is the record normalised at once', () => {
  it('FHIR R4: every section, on a record that takes many turns', async () => {
    const { entry, patientId } = largeR4Record(150);
    const resources = entry.map((e) => (e as { resource: unknown }).resource);
    const references = referenceIndex(bundleEntries({ resourceType: 'Bundle', entry }));
    const context: R4Context = {
      patientId,
      references,
      options: normaliseOptions({ today: '2026-11-26' }),
    };
    const ofTypes = (types: readonly string[]) =>
      resources.filter((r) => types.includes((r as { resourceType: string }).resourceType));
    for (const section of Object.keys(R4_SECTION_TYPES) as (keyof typeof R4_SECTION_TYPES)[]) {
      const atOnce = R4_NORMALISERS[section](ofTypes(R4_SECTION_TYPES[section]), context);
      let inTurnsValue: unknown;
      const paused = await timerFiredDuring(async () => {
        inTurnsValue = await r4InTurns(section, ofTypes(R4_SECTION_TYPES[section]), context);
      });
      expect(inTurnsValue, section).to.deep.equal(atOnce);
      if (section === 'medications') expect(paused, 'medications took turns').to.equal(true);
    }
  });

  it('GP Connect: every section, on a record that takes many turns', async () => {
    const conditions = Array.from({ length: 3_000 }, (_, i) => ({
      resourceType: 'Condition',
      id: `c${i}`,
      subject,
      category: [{ coding: [{ code: 'problem-list-item' }] }],
      clinicalStatus: i % 7 === 0 ? 'resolved' : 'active',
      // Some are warnings (not for resuscitation, then for it again): derived in both runs.
      code: {
        coding: [
          i % 50 === 0
            ? { system: SNOMED, code: i % 100 === 0 ? '450476008' : '450475007', display: 'CPR' }
            : { system: SNOMED, code: '49436004', display: 'Atrial fibrillation' },
        ],
      },
      onsetDateTime: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
    }));
    const observations = Array.from({ length: 3_000 }, (_, i) => ({
      resourceType: 'Observation',
      id: `o${i}`,
      subject,
      status: 'final',
      code: { coding: [{ system: SNOMED, code: '165581004', display: 'INR' }] },
      valueQuantity: { value: 2 + (i % 10) / 10, unit: 'ratio' },
      effectiveDateTime: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-2${i % 9}`,
    }));
    const bundle = bundleOf(
      list(
        '717711000000103',
        conditions.map((c) => `Condition/${c.id}`),
      ),
      list(
        '826501000000100',
        observations.map((o) => `Observation/${o.id}`),
      ),
      ...conditions,
      ...observations,
    );
    const sections = [
      'demographics',
      'problems',
      'diagnoses',
      'investigations',
      'bloodPressure',
      'risksWarnings',
      'procedures',
    ] as const;
    const options = normaliseOptions({ today: '2026-11-26' });
    const atOnce = normaliseStructuredRecord(bundle, sections, NHS_NUMBER, options);
    let inTurnsValue: unknown;
    const paused = await timerFiredDuring(async () => {
      inTurnsValue = await structuredRecordInTurns(bundle, sections, NHS_NUMBER, options);
    });
    expect(atOnce.risksWarnings?.entries).to.have.length(60);
    expect(inTurnsValue).to.deep.equal(atOnce);
    expect(paused).to.equal(true);
  });
});
