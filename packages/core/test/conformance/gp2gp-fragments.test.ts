// Conformance of the GP Connect (STU3) path over the real supplier-shaped GP2GP adaptor fragments
// (../shared/fixtures/gp2gp-adaptor-fragments, read in place, never copied), every area except
// medication_request (covered by gp2gp-medications.test.ts). Each file (a single resource or a
// partial bundle) is wrapped in a minimal structured-record bundle with a synthetic Patient whose
// id is the one the file's entries name, so they are this patient's. None may throw; the
// expectations below were written from reading the files.
import '@dcr-elements/test-support';
import { fixtureIndex, loadFixture } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SECTION_NAMES, type SectionValues } from '../../src/model/sections.js';
import { normaliseOptions } from '../../src/normalise/options.js';
import { normaliseStructuredRecord } from '../../src/normalise/stu3/structured-record.js';

const ROOT = 'gp2gp-adaptor-fragments';
const AREAS = [
  'allergy',
  'blood_pressure',
  'codeableconcept',
  'condition',
  'diagnosticreport',
  'diagnosticreport-observation',
  'encounter',
  'immunization',
  'observation',
  'observation-pertinent',
  'observation-value',
  'procedurerequest',
  'referral',
];
const NHS_NUMBER = '9434765919';
const options = normaliseOptions({ today: '2026-11-26' });
type Record = Partial<SectionValues>;

/** The file's resources (itself, or its bundle's entries) wrapped with a synthetic Patient. */
function wrap(json: unknown): unknown {
  const file = json as { resourceType?: string; entry?: { resource?: unknown }[] };
  const resources =
    file.resourceType === 'Bundle' ? (file.entry ?? []).map((e) => e.resource) : [json];
  const patientId =
    /"reference":\s*"Patient\/([^"]+)"/.exec(JSON.stringify(json))?.[1] ?? 'synthetic';
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Patient',
          id: patientId,
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
          name: [{ family: 'Synthetic', given: ['Test'] }],
        },
      },
      ...resources
        .filter((r) => (r as { resourceType?: string })?.resourceType !== 'Patient')
        .map((resource) => ({ resource })),
    ],
  };
}

/** Free text that must never reach the model: notes, comments, descriptions. */
function freeTextOf(json: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (['comment', 'description'].includes(key) && value.length >= 12) found.push(value);
      return;
    }
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'note')
          for (const n of [v].flat()) {
            const t = (n as { text?: unknown })?.text;
            if (typeof t === 'string' && t.length >= 12) found.push(t);
          }
        visit(v, k);
      }
    }
  };
  visit(json, '');
  return found;
}

const displays = (entries: readonly { display: string }[] | undefined) =>
  (entries ?? []).map((e) => e.display);

// ---- allergy ---------------------------------------------------------------------------------

/**
 * Allergy fragments 1-13 and 17-24, "without-assertedDate" and "without-endDate" are resolved
 * allergies coded only by the text "test" (no coding): shown by that term, marked uncoded,
 * resolved, never dropped. 14, 15, 16 and 25 are coded (SNOMED CT with Read v2).
 */
const uncodedResolvedTest = (s: Record) => {
  expect(s.allergies?.entries).to.have.length(1);
  expect(s.allergies?.entries[0]).to.include({
    display: 'test',
    uncoded: true,
    status: 'resolved',
  });
  expect(s.allergies?.state).to.equal('recorded');
};
const allergyFiles: { [file: string]: (s: Record) => void } = {
  'example-allergy-intolerance-resource-14.json': (s) => {
    expect(s.allergies?.entries[0]).to.include({
      display: 'Allergy to penicillin',
      status: 'active',
      date: '2020-07-24',
      category: 'medication',
    });
    expect(s.allergies?.entries[0]).not.to.have.property('uncoded');
  },
  'example-allergy-intolerance-resource-15.json': (s) => {
    expect(s.allergies?.entries[0]).to.include({
      display: 'Allergic reaction to wasp sting',
      category: 'environment',
      date: '2010-01-14',
    });
    expect(s.allergies?.entries[0]?.codes.map((c) => c.code)).to.deep.equal([
      'SN59200',
      '300909004',
    ]);
  },
  'example-allergy-intolerance-resource-16.json': (s) => {
    // SNOMED CT's term is preferred over the Read v2 "H/O: aspirin allergy".
    expect(s.allergies?.entries[0]).to.include({ display: 'Aspirin allergy', status: 'active' });
  },
  'example-allergy-intolerance-resource-25.json': (s) => {
    // No onset: dated by its asserted date; resolved.
    expect(s.allergies?.entries[0]).to.include({
      display: 'Pivampicillin adverse reaction',
      status: 'resolved',
      date: '2019-01-28T13:43:36.107+00:00',
    });
  },
  'example-allergy-intolerance-resource-1.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]).to.include({ date: '1978-12-31', onset: '1978-12-31' });
  },
  'example-allergy-intolerance-resource-7.json': (s) => {
    uncodedResolvedTest(s);
    // No onset: dated by its asserted date.
    expect(s.allergies?.entries[0]?.date).to.equal('2010-01-14T09:57:57.33+00:00');
  },
  'example-allergy-intolerance-resource-12.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]?.category).to.equal('biologic');
  },
  'example-allergy-intolerance-resource-13.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]).not.to.have.property('category');
  },
  'example-allergy-intolerance-resource-without-assertedDate.json': uncodedResolvedTest,
  'example-allergy-intolerance-resource-without-endDate.json': uncodedResolvedTest,
  'fhir-bundle.json': (s) => {
    // Conditions and RelatedPersons only: no allergy area in it.
    expect(s).not.to.have.property('allergies');
  },
};
for (const n of [2, 3, 4, 5, 6, 8, 9, 10, 11, 17, 18, 19, 20, 21, 22, 23, 24])
  allergyFiles[`example-allergy-intolerance-resource-${n}.json`] = uncodedResolvedTest;

// ---- blood pressure --------------------------------------------------------------------------

/** Every blood pressure fragment is one Observation (296D5D73...) whose panel code is, oddly, Prothrombin time. */
const reading =
  (values: object, date = '2012-10-08T09:41:49.46+00:00') =>
  (s: Record) => {
    expect(s.bloodPressure?.entries).to.have.length(1);
    expect(s.bloodPressure?.entries[0]).to.deep.include({ ...values, date, unit: 'mmHg' });
    expect(s.bloodPressure?.entries[0]?.display).to.equal('Blood pressure');
    // Never also shown as a result.
    expect(s.investigations?.entries).to.have.length(0);
  };
const noValues = (s: Record) => {
  expect(s.bloodPressure?.entries).to.have.length(0);
  expect(s.bloodPressure?.diagnostics.dropped).to.deep.equal({
    'blood pressure with no values (data absent)': 1,
  });
  expect(s.investigations?.entries).to.have.length(0);
};
const bloodPressureFiles: { [file: string]: (s: Record) => void } = {
  'arterial-pressure-with-data.json': reading({ systolic: 120, diastolic: 75 }),
  'arterial-pressure-with-diastolic-data-only.json': reading({ diastolic: 75, unpaired: true }),
  'arterial-pressure-with-systolic-data-only.json': reading({ systolic: 120, unpaired: true }),
  'arterial-pressure-with-period-date.json': reading(
    { systolic: 120, diastolic: 75 },
    '2010-01-13',
  ),
  'arterial-pressure-without-effective-date.json': reading(
    { systolic: 120, diastolic: 75 },
    '2013-11-18T09:41:49.46+00:00',
  ),
  'blood-pressure-with-codeable-concepts.json': reading({ systolic: 120, diastolic: 75 }),
  'blood-pressure-with-data.json': reading(
    { systolic: 110, diastolic: 55 },
    '2013-11-18T09:41:49.46+00:00',
  ),
  'arterial-pressure-without-data.json': noValues,
  'blood-pressure-without-data.json': noValues,
  'blood-pressure-with-no-codeable-concepts.json': (s) => {
    // No code anywhere (panel or components): not recognisable as anything, counted.
    expect(s.bloodPressure?.entries).to.have.length(0);
    expect(s.investigations?.diagnostics.unparseable).to.deep.equal({
      'Observation without a code or term': 1,
    });
  },
  'observation-with-no-valid-code.json': (s) => {
    // Components carry an invalid SNOMED CT code and no value: not a blood pressure; the
    // observation itself is shown by its (Prothrombin time) term, with no value.
    expect(s.bloodPressure?.entries).to.have.length(0);
    expect(displays(s.investigations?.entries)).to.deep.equal(['Prothrombin time']);
  },
  'empty-observation.json': (s) => {
    expect(s.bloodPressure?.entries).to.have.length(0);
    expect(s.investigations?.entries[0]).to.include({
      display: 'Prothrombin time',
      kind: 'observation',
    });
  },
};

// ---- immunisation ----------------------------------------------------------------------------

/**
 * Immunisation fragments name the vaccination in the VaccinationProcedure extension (Read v2
 * 65M1.00 and SNOMED CT 38598009 Measles-mumps-rubella vaccination) and put only a NullFlavor
 * (UNK) in vaccineCode; most are dated 2010-06-30T05:59:00+01:00, dose 5 mg, first of a course.
 */
const mmr =
  (extra: object = {}) =>
  (s: Record) => {
    expect(s.immunisations?.entries).to.have.length(1);
    expect(s.immunisations?.entries[0]).to.deep.include({
      display: 'Measles-mumps-rubella vaccination',
      status: 'completed',
      ...extra,
    });
    expect(s.immunisations?.entries[0]?.codes.map((c) => c.code)).not.to.include('UNK');
  };
const MMR_GIVEN = {
  date: '2010-06-30T05:59:00+01:00',
  doseSequence: 1,
  dose: { value: 5, unit: 'mg' },
};
const immunisationFiles: { [file: string]: (s: Record) => void } = {
  'immunization-all-pertinent-information.json': mmr({ ...MMR_GIVEN, primarySource: true }),
  'immunization-primary-source-false.json': mmr({ ...MMR_GIVEN, primarySource: false }),
  'immunization-no-primary-source.json': (s) => {
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('primarySource');
  },
  'immunization-dose-quantity-as-code.json': mmr({ dose: { value: 5, unit: 'mg' } }),
  'immunization-vaccine-code-given.json': (s) => {
    // The procedure names it; the vaccine code is kept among the codes.
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]?.codes.map((c) => c.code)).to.include('123456789');
  },
  'immunization-no-date.json': (s) => {
    mmr()(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('date');
  },
  'immunization-site-term-text-no-display.json': (s) => {
    mmr()(s);
    expect(s.immunisations?.entries[0]?.site?.map((c) => c.code)).to.deep.equal([
      '1697821000006102',
    ]);
  },
  'immunization-with-no-relation-to-condition.json': (s) => {
    expect(s.immunisations?.entries[0]).to.include({
      display: 'Measles mumps and rubella vaccination - second dose',
      date: '2020-11-02',
    });
  },
  'fhir-bundle.json': (s) => {
    // Two Conditions coded 170433008 and a Location: problems, no immunisation.
    expect(s.immunisations?.entries).to.have.length(0);
    expect(s.problems?.entries.map((e) => e.date)).to.deep.equal(['2020-11-02', '2020-11-02']);
  },
};

// ---- referral --------------------------------------------------------------------------------

/** Most referral fragments are one ReferralRequest (E63AF323...) dated 2010-01-19, routine. */
const referral =
  (extra: object = {}) =>
  (s: Record) => {
    const referrals = (s.events?.entries ?? []).filter((e) => e.kind === 'referral');
    expect(referrals).to.have.length(1);
    expect(referrals[0]).to.deep.include(extra);
    // The specialty is a NullFlavor (UNK, unknown): never shown as a service.
    expect(JSON.stringify(referrals[0]?.service ?? [])).not.to.contain('UNK');
  };
const ROUTINE = { date: '2010-01-19', priority: 'routine' };
const referralFiles: { [file: string]: (s: Record) => void } = {
  'example-referral-request-with-optional-fields.json': (s) => {
    referral({ ...ROUTINE, display: 'Referral' })(s);
    expect(JSON.stringify(s.events)).not.to.contain('low blood pressure');
  },
  'example-referral-request-with-asap-priority.json': referral({ priority: 'asap' }),
  'example-referral-request-with-urgent-priority.json': referral({ priority: 'urgent' }),
  'example-referral-request-with-routine-priority.json': referral({ priority: 'routine' }),
  'example-referral-request-with-unsupported-priority.json': referral({ priority: 'stat' }),
  'example-referral-request-no-optional-fields.json': (s) => {
    // No date: shown undated, not dropped.
    referral({ display: 'Referral' })(s);
    expect(s.events?.entries[0]).not.to.have.property('date');
  },
  'example-referral-request-with-reason-codes.json': referral({
    ...ROUTINE,
    display: 'Referral to orthopaedic service',
  }),
  'example-referral-request-with-services-requested.json': (s) => {
    referral({ ...ROUTINE, display: 'General practice service' })(s);
    expect(s.events?.entries[0]?.service?.map((c) => c.code)).to.deep.equal([
      '1060971000000108',
      '325851000000107',
      'gp-practice',
    ]);
  },
  'example-referral-request-no-resolved-reference-recipient.json': (s) => {
    // The recipient is not in the bundle and has no display: no name to show.
    referral(ROUTINE)(s);
    expect(s.events?.entries[0]).not.to.have.property('recipients');
  },
  'fhir-bundle.json': (s) => {
    const referrals = (s.events?.entries ?? []).filter((e) => e.kind === 'referral');
    expect(referrals).to.have.length(2);
    expect(referrals.map((r) => r.date)).to.deep.equal(['2021-01-01', undefined]);
  },
};

// ---- encounter -------------------------------------------------------------------------------

/** Encounter fragments: one finished consultation F550CC56 from 2010-01-13T15:20:00+00:00. */
const encounter =
  (display: string, extra: object = {}) =>
  (s: Record) => {
    expect(s.events?.entries).to.have.length(1);
    expect(s.events?.entries[0]).to.deep.include({
      kind: 'encounter',
      status: 'finished',
      display,
      date: '2010-01-13T15:20:00+00:00',
      ...extra,
    });
  };
const encounterFiles: { [file: string]: (s: Record) => void } = {
  'example-encounter-resource-1.json': encounter('A+E report', {
    end: '2010-01-13T16:20:00+00:00',
  }),
  'example-encounter-resource-5.json': encounter('Telephone Consultation'),
  'example-encounter-resource-2.json': (s) => {
    encounter('Telephone call to a patient')(s);
    expect(s.events?.entries[0]).not.to.have.property('end');
  },
  'example-encounter-resource-11.json': encounter('GP Surgery', { uncoded: true }),
  'example-encounter-resource-12.json': encounter('Consultation'),
  'example-encounter-resource-13.json': encounter('Consultation'),
  'example-encounter-resource-3.json': (s) => {
    // An empty period: no date, counted.
    expect(s.events?.entries).to.have.length(0);
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
  'example-encounter-resource-4.json': (s) => {
    expect(s.events?.entries).to.have.length(0);
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
};

// ---- observation-like ------------------------------------------------------------------------

const observationFiles: { [area: string]: { [file: string]: (s: Record) => void } } = {
  'observation-value': {
    'example-observation-resource-with-value-1.json': (s) => {
      // No code at all: nothing names it, counted (its value alone means nothing).
      expect(s.investigations?.entries).to.have.length(0);
      expect(s.investigations?.diagnostics.unparseable).to.deep.equal({
        'Observation without a code or term': 1,
      });
    },
  },
  'diagnosticreport-observation': {
    'observation_with_value_string.json': (s) => {
      // Not in a report here: an observation, its valueString shown as the result.
      expect(s.investigations?.entries[0]).to.deep.include({
        display: 'Serum iron level',
        textValue: 'Test value string',
        date: '2003-06-16',
        kind: 'observation',
        referenceRange: { low: 11, high: 29, unit: 'umol/L' },
      });
    },
    'observation_test_result.json': (s) => {
      expect(s.investigations?.entries[0]).to.include({
        display: 'Red blood cell count',
        value: 4.57,
        unit: '10*12/L',
        date: '2019-04-06T12:00:00+00:00',
      });
    },
  },
};

const EXPECTATIONS: { [area: string]: { [file: string]: (s: Record) => void } } = {
  allergy: allergyFiles,
  blood_pressure: bloodPressureFiles,
  immunization: immunisationFiles,
  referral: referralFiles,
  encounter: encounterFiles,
  ...observationFiles,
};

describe('GP2GP adaptor fragments (STU3, every area but medication)', function () {
  let index: { [folder: string]: string[] } | undefined;

  before(async function () {
    index = await fixtureIndex();
    if (!index?.[`${ROOT}/allergy`]) this.skip();
  });

  it('has every expected file', function () {
    for (const [area, files] of Object.entries(EXPECTATIONS))
      for (const file of Object.keys(files))
        expect(index?.[`${ROOT}/${area}`], area).to.include(file);
    expect(index?.[`${ROOT}/allergy`]).to.have.length(28);
    expect(index?.[`${ROOT}/blood_pressure`]).to.have.length(12);
    expect(index?.[`${ROOT}/immunization`]).to.have.length(32);
    expect(index?.[`${ROOT}/referral`]).to.have.length(41);
    expect(index?.[`${ROOT}/encounter`]).to.have.length(18);
  });

  it('reads every file without throwing, never shows a degrade display or free text, and meets its expectations', async function () {
    this.timeout(120_000);
    let read = 0;
    for (const area of AREAS) {
      for (const file of index?.[`${ROOT}/${area}`] ?? []) {
        const json = await loadFixture(`${ROOT}/${area}`, file);
        let record: Record = {};
        expect(() => {
          record = normaliseStructuredRecord(wrap(json), SECTION_NAMES, NHS_NUMBER, options);
        }, `${area}/${file}`).not.to.throw();
        read += 1;
        try {
          const shown = JSON.stringify(
            Object.values(record).flatMap((v) => (v as { entries?: unknown[] }).entries ?? []),
          );
          expect(shown).not.to.match(/"display":"Transfer-degraded/);
          for (const text of freeTextOf(json)) expect(shown).not.to.contain(text);
          EXPECTATIONS[area]?.[file]?.(record);
        } catch (error) {
          throw new Error(`${area}/${file}: ${(error as Error).message}`);
        }
      }
    }
    expect(read).to.equal(283);
  });
});
