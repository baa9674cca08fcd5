// Malformed input never throws out of the core: it ends in a section's diagnostics or a typed
// RecordError. 560 generated broken resources and bundles (500 + 60 runs), seeded (the seed is printed).
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RecordError } from '../http/errors.js';
import { SECTION_NAMES } from '../model/sections.js';
import { fhirR4Source } from '../sources/fhir-r4.js';
import { normaliseOptions } from './options.js';
import { R4_NORMALISERS, demographicsFromR4, type R4Context } from './r4/index.js';

const PATIENT = 'p1';
const context: R4Context = {
  patientId: PATIENT,
  options: normaliseOptions({ today: '2026-11-20' }),
};
const subject = { reference: `Patient/${PATIENT}` };

/** Well-formed resources of every kind the R4 path reads, to be broken by the generators. */
const VALID: Record<string, unknown>[] = [
  {
    resourceType: 'Patient',
    id: PATIENT,
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
    name: [{ family: 'X', given: ['Y'] }],
    birthDate: '1945-07-14',
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'a1',
    patient: subject,
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    code: {
      coding: [{ system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' }],
    },
    reaction: [
      {
        manifestation: [
          {
            coding: [{ system: 'http://snomed.info/sct', code: '126485001', display: 'Urticaria' }],
          },
        ],
        severity: 'moderate',
      },
    ],
  },
  {
    resourceType: 'Condition',
    id: 'c1',
    subject,
    category: [{ coding: [{ code: 'problem-list-item' }] }],
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: {
      coding: [
        { system: 'http://snomed.info/sct', code: '49436004', display: 'Atrial fibrillation' },
      ],
    },
    onsetDateTime: '2014-05-02',
  },
  {
    resourceType: 'MedicationRequest',
    id: 'm1',
    subject,
    intent: 'plan',
    status: 'active',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'https://dmd.nhs.uk',
          code: '42217611000001104',
          display: 'Warfarin 3mg tablets',
        },
      ],
    },
    dosageInstruction: [{ text: 'As directed' }],
    dispenseRequest: { quantity: { value: 56, unit: 'tablet' } },
    authoredOn: '2015-03-20',
  },
  {
    resourceType: 'MedicationRequest',
    id: 'm1-1',
    subject,
    intent: 'order',
    status: 'completed',
    basedOn: [{ reference: 'MedicationRequest/m1' }],
    medicationCodeableConcept: {
      coding: [
        {
          system: 'https://dmd.nhs.uk',
          code: '42217611000001104',
          display: 'Warfarin 3mg tablets',
        },
      ],
    },
    authoredOn: '2026-10-01',
  },
  {
    resourceType: 'Observation',
    id: 'o1',
    subject,
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://snomed.info/sct', code: '165581004', display: 'INR' }] },
    valueQuantity: { value: 2.4, unit: 'ratio' },
    referenceRange: [{ low: { value: 2 }, high: { value: 3 } }],
    effectiveDateTime: '2026-11-01',
  },
  {
    resourceType: 'Observation',
    id: 'bp1',
    subject,
    status: 'final',
    category: [{ coding: [{ code: 'vital-signs' }] }],
    code: {
      coding: [{ system: 'http://snomed.info/sct', code: '75367002', display: 'Blood pressure' }],
    },
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: 140, code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: 85, code: 'mm[Hg]' },
      },
    ],
  },
  {
    resourceType: 'Procedure',
    id: 'pr1',
    subject,
    status: 'completed',
    code: {
      coding: [{ system: 'http://snomed.info/sct', code: '80146002', display: 'Appendicectomy' }],
    },
    performedDateTime: '1990-01-01',
  },
  {
    resourceType: 'Encounter',
    id: 'e1',
    subject,
    status: 'finished',
    class: { code: 'IMP' },
    type: [
      { coding: [{ system: 'http://snomed.info/sct', code: '11429006', display: 'Consultation' }] },
    ],
    period: { start: '2025-01-01' },
  },
  {
    resourceType: 'ServiceRequest',
    id: 's1',
    subject,
    status: 'active',
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005' }] }],
    code: {
      coding: [
        {
          system: 'http://snomed.info/sct',
          code: '183519002',
          display: 'Referral to cardiology service',
        },
      ],
    },
  },
  {
    resourceType: 'Flag',
    id: 'f1',
    subject,
    status: 'active',
    code: {
      coding: [
        { system: 'http://snomed.info/sct', code: '129839007', display: 'At risk for falls' },
      ],
    },
  },
];

const HUGE = 'x'.repeat(200_000);
const brokenValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(HUGE),
  fc.constant({}),
  fc.constant([]),
  fc.constant([null]),
  fc.constant(Number.NaN),
  fc.integer(),
  fc.string(),
  fc.constant({ coding: [{ system: 42, code: null }] }),
  fc.constant({ coding: 'not-an-array' }),
  fc.jsonValue(),
);

/** A valid resource with one to four fields (at any depth) replaced by broken values. */
const brokenResource = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.array(fc.tuple(fc.nat(), fc.nat(), brokenValue), { minLength: 1, maxLength: 4 }),
  )
  .map(([valid, edits]) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    for (const [keyPick, depthPick, value] of edits) {
      let target: Record<string, unknown> = copy;
      for (let depth = depthPick % 3; depth > 0; depth--) {
        const keys = Object.keys(target).filter(
          (k) => typeof target[k] === 'object' && target[k] !== null,
        );
        if (keys.length === 0) break;
        target = target[keys[keyPick % keys.length]!] as Record<string, unknown>;
      }
      const keys = Object.keys(target);
      if (keys.length > 0) target[keys[keyPick % keys.length]!] = value;
    }
    return copy;
  });

const anyInput = fc.oneof(brokenResource, brokenResource, brokenResource, fc.anything());

const seed = Date.now() % 2 ** 31;

describe('malformed input', () => {
  it('never throws out of a normaliser, and every bad entry is counted', function () {
    this.timeout(60_000);
    console.info(`fast-check seed ${seed}`);
    fc.assert(
      fc.property(fc.array(anyInput, { minLength: 1, maxLength: 5 }), (resources) => {
        demographicsFromR4(resources[0]);
        for (const normalise of Object.values(R4_NORMALISERS)) {
          const section = (normalise as (r: unknown[], c: R4Context) => { entries: unknown[] })(
            resources,
            context,
          );
          expect(section.entries).to.be.an('array');
          // No entry carries an absurd string into the model.
          expect(JSON.stringify(section)).not.to.contain(HUGE);
        }
      }),
      { numRuns: 500, seed },
    );
  });

  it('a source answering with broken bundles ends in a value or a typed RecordError', async function () {
    // 500 runs × 11 searches (immunisations added one) of up to 200 KB bodies: over a minute on a
    // loaded 2-core machine, so a wider limit; a hang would still fail.
    this.timeout(240_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyInput, { maxLength: 4 }),
        fc.oneof(fc.constant('bundle'), fc.constant('raw')),
        async (resources, shape) => {
          const body =
            shape === 'bundle'
              ? {
                  resourceType: 'Bundle',
                  type: 'searchset',
                  entry: resources.map((resource) => ({ resource })),
                }
              : resources[0];
          const source = fhirR4Source({
            baseUrl: '/nowhere',
            retry: { sleep: async () => undefined },
            fetch: async (url) =>
              new Response(
                JSON.stringify(
                  url.includes('Patient/_search')
                    ? { resourceType: 'Bundle', entry: [{ resource: VALID[0] }] }
                    : (body ?? null),
                ),
                { status: 200 },
              ),
          });
          const promises = source.fetchSections(SECTION_NAMES, { nhsNumber: '9434765919' });
          for (const outcome of await Promise.allSettled(Object.values(promises))) {
            if (outcome.status === 'rejected') expect(outcome.reason).to.be.instanceOf(RecordError);
          }
        },
      ),
      // The broken resources themselves get 500 runs above; here the point is the source's
      // error typing over whole answers, each of up to 11 searches of up to 200 KB.
      { numRuns: 60, seed },
    );
  });
});
