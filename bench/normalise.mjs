// Benchmark: normalising a 5 MB FHIR R4 bundle, and the equivalent GP Connect STU3 structured
// record (the same resources, converted by the sandbox's GP Connect operation), against JSON.parse
// of the same text, side by side in one run (docs/architecture.md#budgets: normalise within 1.5x of
// JSON.parse). Also: how normalise time grows from 1,000 to 100,000 entries, the memory the
// normalised model retains per 1,000 entries, and the longest stretch normalising holds the main
// thread without giving the event loop a turn (normalisers run in turns, as the sources run them:
// packages/core/src/normalise/turns.ts). Run after `npm run build`:
// node --expose-gc bench/normalise.mjs [--json]
import { readFileSync } from 'node:fs';
import { setImmediate } from 'node:timers';
import { R4_SECTION_TYPES, r4InTurns } from '../packages/core/dist/normalise/r4/index.js';
import { normaliseOptions } from '../packages/core/dist/normalise/options.js';
import { structuredRecordInTurns } from '../packages/core/dist/normalise/stu3/structured-record.js';
import { structuredRecordParameters } from '../packages/core/dist/sources/gp-connect-parameters.js';
import { getStructuredRecord } from '../packages/sandbox/dist/gpconnect/operation.js';

const NHS_NUMBER = '9434765919';
const TODAY = '2026-11-20';
const patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
  name: [{ family: 'Bench', given: ['Mark'] }],
  birthDate: '1945-07-14',
};
const subject = { reference: 'Patient/p1' };
const coded = (code, display) => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});
const day = (i) =>
  new Date(Date.UTC(2026, 0, 1) - (i % 9000) * 86_400_000).toISOString().slice(0, 10);

/** Resource `i` of a record: results, problems, medicines and consultations in turn. */
function resource(i) {
  const n = i >> 2;
  switch (i % 4) {
    case 0:
      return {
        resourceType: 'Observation',
        id: `o${n}`,
        subject,
        status: 'final',
        category: [coded('laboratory', 'Laboratory')],
        code: coded('165581004', 'INR'),
        valueQuantity: { value: 2 + (n % 10) / 10, unit: 'ratio' },
        referenceRange: [{ low: { value: 2 }, high: { value: 3 } }],
        effectiveDateTime: day(n),
      };
    case 1:
      return {
        resourceType: 'Condition',
        id: `c${n}`,
        subject,
        category: [coded('problem-list-item', 'Problem')],
        clinicalStatus: coded('active', 'Active'),
        code: coded('49436004', 'Atrial fibrillation'),
        onsetDateTime: day(n),
      };
    case 2:
      return {
        resourceType: 'MedicationRequest',
        id: `m${n}`,
        subject,
        intent: 'order',
        status: 'completed',
        medicationCodeableConcept: coded('42217611000001104', 'Warfarin 3mg tablets'),
        authoredOn: day(n),
        dosageInstruction: [{ text: 'As directed' }],
      };
    default:
      return {
        resourceType: 'Encounter',
        id: `e${n}`,
        subject,
        status: 'finished',
        class: { code: 'AMB' },
        type: [coded('325851000000107', 'Consultation')],
        period: { start: day(n) },
      };
  }
}

function recordOf(entries) {
  return Array.from({ length: entries }, (_, i) => resource(i));
}

/** Entries whose R4 searchset bundle is `bytes` long (about 380 bytes an entry). */
function entriesFor(bytes) {
  const probe = JSON.stringify({ entry: recordOf(400).map((r) => ({ resource: r })) }).length;
  return Math.round((bytes / probe) * 400);
}

const r4Text = (records) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: records.map((r) => ({ resource: r })),
  });

const SECTIONS = Object.keys(R4_SECTION_TYPES);
function stu3Text(records) {
  const body = JSON.stringify(structuredRecordParameters(NHS_NUMBER, SECTIONS));
  const [status, bundle] = getStructuredRecord(body, {
    findByNhsNumber: () => ({ patient, records }),
    sharingStatus: () => 'share',
    practice: {
      resourceType: 'Organization',
      id: 'practice',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y12345' }],
      name: 'Riverside Medical Practice',
    },
    practitioner: { resourceType: 'Practitioner', id: 'gp', name: [{ family: 'Bench' }] },
    today: TODAY,
  });
  if (status !== 200) throw new Error(`GP Connect conversion failed: ${status}`);
  return JSON.stringify(bundle);
}

const options = normaliseOptions({ today: TODAY });
const context = { patientId: 'p1', options };

/**
 * What the R4 source's searches would return for this bundle: for each section, the resources of
 * its types (sections sharing a search share its array, and so one pass, as in the source). The
 * source gets these as separate responses; here they are sorted out of one bundle, which is the
 * bench's work, not the library's.
 */
function searchesOf(bundle) {
  const byType = new Map();
  for (const { resource: r } of bundle.entry) {
    if (!byType.has(r.resourceType)) byType.set(r.resourceType, []);
    byType.get(r.resourceType).push(r);
  }
  const searched = new Map();
  return Object.keys(R4_SECTION_TYPES).map((section) => {
    const key = R4_SECTION_TYPES[section].join();
    if (!searched.has(key))
      searched.set(
        key,
        R4_SECTION_TYPES[section].flatMap((type) => byType.get(type) ?? []),
      );
    return [section, searched.get(key)];
  });
}

/** Each section's normaliser over its search's resources, all at once in turns, as the R4 source runs them. */
async function normaliseSearches(searches) {
  const sections = searches.map(async ([section, resources]) => [
    section,
    await r4InTurns(section, resources, context),
  ]);
  return Object.fromEntries(await Promise.all(sections));
}

const normaliseR4 = (bundle) => normaliseSearches(searchesOf(bundle));
const normaliseStu3 = (bundle) => structuredRecordInTurns(bundle, SECTIONS, NHS_NUMBER, options);

/** Median of `runs` timings of `fn` (after one warm-up run). */
async function time(fn, runs) {
  await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * Normalise time over parse time of the same text. Each round parses the text and then normalises
 * what it parsed, each timed on its own, so both meet the same heap; the ratio is of the medians.
 * (Timing parse alone and parse+normalise apart, then subtracting, put the variance of two parse
 * medians into a difference: the same build measured 0.8x to 2.6x.)
 */
async function ratio(text, normalise, runs = 15) {
  await normalise(JSON.parse(text));
  const parses = [];
  const normalises = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    const parsed = JSON.parse(text);
    parses.push(performance.now() - start);
    start = performance.now();
    await normalise(parsed);
    normalises.push(performance.now() - start);
  }
  const median = (samples) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  const parse = median(parses);
  const normaliseMs = median(normalises);
  return { parse, normalise: normaliseMs, ratio: normaliseMs / parse };
}

/** The main thread's time on a CPU so far (ms), where Linux says (`/proc`): undefined elsewhere. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
function mainThreadCpu() {
  try {
    return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * The longest the main thread went without a turn of the event loop while `normalise` ran on
 * text parsed beforehand: a task queued at each turn notes the time between turns. `wall` is the
 * time a user would wait; `cpu` the main thread's own time on a CPU in that stretch (its work and
 * garbage collection pauses, without the time the machine gave other processes), which a loaded
 * machine does not inflate. `prepare` (the bench's own work, such as sorting a bundle into the
 * searches the source would have made) runs before the stretch is timed.
 */
async function longestStretch(text, normalise, prepare = (parsed) => parsed) {
  const bundle = prepare(JSON.parse(text));
  let wall = 0;
  let cpu = 0;
  let running = true;
  let last = performance.now();
  let lastCpu = mainThreadCpu();
  const beat = () => {
    const now = performance.now();
    const nowCpu = mainThreadCpu();
    wall = Math.max(wall, now - last);
    if (nowCpu !== undefined) cpu = Math.max(cpu, nowCpu - lastCpu);
    last = now;
    lastCpu = nowCpu;
    if (running) setImmediate(beat);
  };
  setImmediate(beat);
  last = performance.now();
  lastCpu = mainThreadCpu();
  await normalise(bundle);
  running = false;
  beat();
  return { wall, ...(lastCpu !== undefined && { cpu }) };
}

/** Heap the normalised model keeps once the parsed JSON is gone, per 1,000 entries (KB). */
async function retainedPer1000(text, normalise, entries) {
  if (!globalThis.gc) return undefined;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await normalise(JSON.parse(text));
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  if (!kept) return undefined;
  return (after - before) / 1024 / (entries / 1000);
}

const fiveMb = recordOf(entriesFor(5_000_000));
const r4 = r4Text(fiveMb);
const stu3 = stu3Text(fiveMb);
const r4Ratio = await ratio(r4, normaliseR4);
const stu3Ratio = await ratio(stu3, normaliseStu3);

// Growth: normalise time per entry at 100,000 over that at 1,000 (1.00 is linear).
const perEntry = async (entries) => {
  const text = r4Text(recordOf(entries));
  const runs = entries > 10_000 ? 3 : 15;
  return (await time(() => normaliseR4(JSON.parse(text)), runs)) / entries;
};
const growth = (await perEntry(100_000)) / (await perEntry(1_000));
const record100k = recordOf(100_000);
const longest = {
  r4: { fiveMb: await longestStretch(r4, normaliseSearches, searchesOf) },
  stu3: { fiveMb: await longestStretch(stu3, normaliseStu3) },
};
longest.r4.entries100k = await longestStretch(r4Text(record100k), normaliseSearches, searchesOf);
longest.stu3.entries100k = await longestStretch(stu3Text(record100k), normaliseStu3);

const result = {
  entries: fiveMb.length,
  r4: {
    mb: r4.length / 1e6,
    ...r4Ratio,
    retainedKbPer1000: await retainedPer1000(r4, normaliseR4, fiveMb.length),
  },
  stu3: {
    mb: stu3.length / 1e6,
    ...stu3Ratio,
    retainedKbPer1000: await retainedPer1000(stu3, normaliseStu3, fiveMb.length),
  },
  growth,
  longestStretchMs: longest,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const ms = (n) => `${n.toFixed(0)} ms`;
  for (const [name, r] of [
    ['FHIR R4', result.r4],
    ['GP Connect STU3', result.stu3],
  ])
    console.log(
      `${name}: ${r.mb.toFixed(1)} MB, ${result.entries} resources: JSON.parse ${ms(r.parse)}, normalise ${ms(r.normalise)}, ratio ${r.ratio.toFixed(2)} (budget 1.5); retained ${r.retainedKbPer1000?.toFixed(0) ?? '? (run with --expose-gc)'} KB per 1,000 entries`,
    );
  console.log(`growth of time per entry, 1,000 to 100,000 entries: ${growth.toFixed(2)}x`);
  const stretch = (l) =>
    `${ms(l.wall)}${l.cpu === undefined ? '' : ` (main thread on CPU ${ms(l.cpu)})`}`;
  for (const [name, l] of [
    ['FHIR R4', result.longestStretchMs.r4],
    ['GP Connect STU3', result.longestStretchMs.stu3],
  ])
    console.log(
      `${name}: longest stretch without a turn while normalising: ${stretch(l.fiveMb)} at 5 MB, ${stretch(l.entries100k)} at 100,000 entries`,
    );
}
