// Benchmark: normalising a 5 MB FHIR R4 bundle against JSON.parse of the same text, side by side
// in one run (docs/architecture.md#budgets: normalise within 1.5x of JSON.parse). Prints the
// ratio; never gates CI. Run after `npm run build`: node bench/normalise.mjs
import { R4_NORMALISERS, R4_SECTION_TYPES } from '../packages/core/dist/normalise/r4/index.js';
import { normaliseOptions } from '../packages/core/dist/normalise/options.js';

const subject = { reference: 'Patient/p1' };
const coded = (code, display) => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});
const entries = [];
for (let i = 0, size = 0; size < 5_000_000; i++) {
  entries.push(
    {
      resource: {
        resourceType: 'Observation',
        id: `o${i}`,
        subject,
        status: 'final',
        category: [coded('laboratory', 'Laboratory')],
        code: coded('165581004', 'INR'),
        valueQuantity: { value: 2 + (i % 10) / 10, unit: 'ratio' },
        referenceRange: [{ low: { value: 2 }, high: { value: 3 } }],
        effectiveDateTime: '2026-01-01',
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: `c${i}`,
        subject,
        category: [coded('problem-list-item', 'Problem')],
        clinicalStatus: coded('active', 'Active'),
        code: coded('49436004', 'Atrial fibrillation'),
        onsetDateTime: '2014-05-02',
      },
    },
    {
      resource: {
        resourceType: 'MedicationRequest',
        id: `m${i}`,
        subject,
        intent: 'order',
        status: 'completed',
        medicationCodeableConcept: coded('42217611000001104', 'Warfarin 3mg tablets'),
        authoredOn: '2026-01-01',
        dosageInstruction: [{ text: 'As directed' }],
      },
    },
    {
      resource: {
        resourceType: 'Encounter',
        id: `e${i}`,
        subject,
        status: 'finished',
        class: { code: 'AMB' },
        type: [coded('325851000000107', 'Consultation')],
        period: { start: '2026-01-01' },
      },
    },
  );
  size += JSON.stringify(entries.slice(-4)).length;
}
const text = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: entries });
const context = { patientId: 'p1', options: normaliseOptions({ today: '2026-11-20' }) };

/** Each section's normaliser over the resources its search would return, as the R4 source does. */
function normaliseAll(bundle) {
  const byType = new Map();
  for (const { resource } of bundle.entry) {
    if (!byType.has(resource.resourceType)) byType.set(resource.resourceType, []);
    byType.get(resource.resourceType).push(resource);
  }
  const searched = new Map(); // sections sharing a search share its array, as in the R4 source
  for (const [section, normalise] of Object.entries(R4_NORMALISERS)) {
    const key = R4_SECTION_TYPES[section].join();
    if (!searched.has(key))
      searched.set(
        key,
        R4_SECTION_TYPES[section].flatMap((type) => byType.get(type) ?? []),
      );
    normalise(searched.get(key), context);
  }
}

function time(fn, runs = 8) {
  fn(); // warm up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const parse = time(() => JSON.parse(text));
const parseAndNormalise = time(() => normaliseAll(JSON.parse(text)));
const normaliseOnly = parseAndNormalise - parse;
console.log(`bundle: ${(text.length / 1e6).toFixed(1)} MB, ${entries.length} resources`);
console.log(`JSON.parse: ${parse.toFixed(1)} ms (median of 8)`);
console.log(`every R4 normaliser over it: ${normaliseOnly.toFixed(1)} ms`);
console.log(`ratio normalise / JSON.parse: ${(normaliseOnly / parse).toFixed(2)} (budget 1.5)`);
