// A status, code or unit that names a property every object inherits (constructor, toString,
// __proto__, ...) is an unknown value like any other, never the inherited function or object:
// the normalisers' lookup tables are read by own property only (own-value.ts). Through both
// normalisers; all data synthetic, written for these tests.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SECTION_NAMES } from '../model/sections.js';
import { normaliseOptions } from './options.js';
import { R4_NORMALISERS, type R4Context } from './r4/index.js';
import { medicationsFromR4 } from './r4/medications.js';
import { normaliseStructuredRecord } from './stu3/structured-record.js';
import {
  DMD_SYSTEM,
  NHS_NUMBER,
  SNOMED,
  bundleOf,
  list,
  medicine,
  plan,
  statement,
  subject,
} from './stu3/synthetic-bundles.examples.js';

const INHERITED = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];

const options = normaliseOptions({ today: '2026-11-26' });
const read = (...resources: Record<string, unknown>[]) =>
  normaliseStructuredRecord(bundleOf(...resources), SECTION_NAMES, NHS_NUMBER, options);
const r4: R4Context = { patientId: 'pat', options };
const V2_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v2-0078';

const observation = (id: string, extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject,
  effectiveDateTime: '2026-03-01',
  ...extra,
});
const sodium = { coding: [{ system: SNOMED, code: '1000661000000107', display: 'Sodium' }] };

describe('a code that names a property of every object is an unknown code', () => {
  it('an encounter or referral status is "unknown" (R4 and STU3)', () => {
    for (const status of INHERITED) {
      const r4Events = R4_NORMALISERS.events(
        [
          {
            resourceType: 'Encounter',
            id: 'e1',
            status,
            subject,
            type: [{ coding: [{ system: SNOMED, code: '185317003', display: 'Telephone' }] }],
            period: { start: '2026-01-05' },
          },
          {
            resourceType: 'ServiceRequest',
            id: 'r1',
            status,
            intent: 'order',
            subject,
            category: [{ coding: [{ system: SNOMED, code: '3457005' }] }],
            code: {
              coding: [{ system: SNOMED, code: '183524004', display: 'Psychiatry referral' }],
            },
            authoredOn: '2026-01-04',
          },
        ],
        r4,
      );
      expect(
        r4Events.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([
        ['e1', 'unknown'],
        ['r1', 'unknown'],
      ]);
      const { events } = read(
        { resourceType: 'Encounter', id: 'e2', status, subject, period: { start: '2026-01-05' } },
        { resourceType: 'ReferralRequest', id: 'r2', status, subject, authoredOn: '2026-01-04' },
      );
      expect(
        events?.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([
        ['e2', 'unknown'],
        ['r2', 'unknown'],
      ]);
    }
  });

  it('a GP Connect result, blood pressure, problem or medication status is read as unknown', () => {
    for (const status of INHERITED) {
      const { investigations, bloodPressure, problems, medications } = read(
        observation('na', { status, code: sodium, valueQuantity: { value: 140, unit: 'mmol/L' } }),
        observation('bp', {
          status,
          code: { coding: [{ system: SNOMED, code: '75367002' }] },
          component: [
            {
              code: { coding: [{ system: SNOMED, code: '72313002' }] },
              valueQuantity: { value: 128, unit: 'mm[Hg]' },
            },
            {
              code: { coding: [{ system: SNOMED, code: '1091811000000102' }] },
              valueQuantity: { value: 82, unit: 'mm[Hg]' },
            },
          ],
        }),
        {
          resourceType: 'Condition',
          id: 'c1',
          clinicalStatus: status,
          subject,
          code: { coding: [{ system: SNOMED, code: '195967001', display: 'Asthma' }] },
          onsetDateTime: '2020-01-01',
        },
        list('717711000000103', ['Condition/c1']),
        medicine('med', DMD_SYSTEM, '42294811000001108', 'Furosemide 40mg tablets'),
        plan('plan', 'med', 'repeat', { status }),
        statement('st', 'plan', 'med', { status }),
      );
      expect(
        investigations?.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([['na', 'unknown']]);
      expect(
        bloodPressure?.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([['bp', 'unknown']]);
      // No clinical status is read as active, as a problem without one always has been.
      expect(
        problems?.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([['c1', 'active']]);
      expect(
        medications?.entries.map((e) => [e.id, e.status]),
        status,
      ).to.deep.equal([['st', 'unknown']]);
    }
  });

  it('an interpretation code does not flag a result abnormal (R4 and STU3)', () => {
    const flags = INHERITED.map((code) => {
      const result = observation('na', {
        code: sodium,
        valueQuantity: { value: 140, unit: 'mmol/L' },
        interpretation: [{ coding: [{ system: V2_INTERPRETATION, code }] }],
      });
      const fromR4 = R4_NORMALISERS.investigations([result], r4).entries[0];
      const fromStu3 = read(result).investigations?.entries[0];
      return [code, fromR4?.abnormal, fromStu3?.abnormal];
    });
    expect(flags).to.deep.equal(INHERITED.map((code) => [code, undefined, undefined]));
  });

  it('a coding is not a blood pressure part or panel (R4 and STU3)', () => {
    for (const code of INHERITED) {
      const reading = observation('x', {
        code: { coding: [{ system: SNOMED, code, display: 'Something else' }] },
        valueQuantity: { value: 120, unit: 'mm[Hg]' },
        component: [
          {
            code: { coding: [{ system: SNOMED, code }] },
            valueQuantity: { value: 80, unit: 'mm[Hg]' },
          },
        ],
      });
      expect(R4_NORMALISERS.bloodPressure([reading], r4).entries, code).to.deep.equal([]);
      expect(R4_NORMALISERS.investigations([reading], r4).entries[0]?.id, code).to.equal('x');
      const { bloodPressure, investigations } = read(reading);
      expect(bloodPressure?.entries, code).to.deep.equal([]);
      expect(investigations?.entries[0]?.id, code).to.equal('x');
    }
  });

  it('a GP Connect List so coded is an unknown List, like any code this library does not know', () => {
    const warningsFor = (code: string) => {
      // An item no section reads, so the List is not covered by the sections' own reading.
      const values = read(list(code, ['Appointment/a1']));
      return SECTION_NAMES.filter((s) => s !== 'demographics').map((s) => [s, values[s]?.warnings]);
    };
    const unknown = warningsFor('1234567890');
    for (const code of INHERITED) expect(warningsFor(code), code).to.deep.equal(unknown);
  });

  it('an expected supply duration in such a unit has no length in days', () => {
    for (const code of INHERITED) {
      const { entries } = medicationsFromR4(
        [
          {
            resourceType: 'MedicationRequest',
            id: 'plan',
            status: 'active',
            intent: 'plan',
            subject,
            courseOfTherapyType: { coding: [{ code: 'continuous' }] },
            medicationCodeableConcept: {
              coding: [{ system: DMD_SYSTEM, code: '42294811000001108', display: 'Furosemide' }],
            },
            authoredOn: '2026-01-10',
            dispenseRequest: { expectedSupplyDuration: { value: 28, code } },
          },
        ],
        r4,
      );
      expect(entries[0]?.repeat?.expectedSupplyDays, code).to.equal(undefined);
    }
  });
});

describe('a page that adds to Object.prototype', () => {
  it('adds no impossible dates to a record that holds none', () => {
    const condition = {
      resourceType: 'Condition',
      id: 'c1',
      subject: { reference: 'Patient/pat' },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'problem-list-item',
            },
          ],
        },
      ],
      code: { coding: [{ system: SNOMED, code: '49436004', display: 'Atrial fibrillation' }] },
      onsetDateTime: '2020-03-01',
    };
    const clean = R4_NORMALISERS.problems([condition], r4).diagnostics.impossibleDates;
    // An enumerable, impossible "date" every object would inherit: read by for-in unless checked.
    Object.defineProperty(Object.prototype, 'recordedDate', {
      value: '2024-02-30',
      enumerable: true,
      configurable: true,
    });
    try {
      const polluted = R4_NORMALISERS.problems([condition], r4).diagnostics.impossibleDates;
      expect(polluted).to.equal(clean);
    } finally {
      delete (Object.prototype as Record<string, unknown>).recordedDate;
    }
  });
});
