// Observation-like fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/** An Observation with no code at all: nothing names it, so it is counted, never shown. */
const noCode = (s: Sections) => {
  expect(s.investigations?.entries).to.have.length(0);
  expect(s.investigations?.diagnostics.unparseable).to.deep.equal({
    'Observation without a code or term': 1,
  });
};

/**
 * Most observation fragments are one Observation named only by the text "test" (no coding):
 * shown by that term, marked uncoded, as an observation (not a test result).
 */
const uncodedTest =
  (extra: object = {}) =>
  (s: Sections) => {
    expect(s.investigations?.entries).to.have.length(1);
    expect(s.investigations?.entries[0]).to.deep.include({
      display: 'test',
      uncoded: true,
      kind: 'observation',
      ...extra,
    });
  };
/** A single coded Observation outside any report. */
const coded = (extra: object) => (s: Sections) => {
  expect(s.investigations?.entries).to.have.length(1);
  expect(s.investigations?.entries[0]).to.deep.include({ kind: 'observation', ...extra });
  expect(s.investigations?.entries[0]).not.to.have.property('uncoded');
};
const AT_2019 = { date: '2019-06-01T10:30:00+00:00' };
const AT_2010 = { date: '2010-07-14T16:32:51.42+01:00' };
/** Observations with no effective date are dated by when they were issued. */
const ISSUED_2010 = { date: '2010-01-13T15:29:50.3+00:00' };
const flagged = (abnormal: string) => uncodedTest({ ...AT_2019, abnormal });
const notFlagged = (s: Sections) => {
  uncodedTest(AT_2019)(s);
  expect(s.investigations?.entries[0]).not.to.have.property('abnormal');
};

const observationArea: Expectations = {
  'example-observation-resource-1.json': uncodedTest(AT_2010),
  'example-observation-resource-33.json': uncodedTest(AT_2010),
  'example-observation-resource-2.json': uncodedTest(ISSUED_2010),
  'example-observation-resource-4.json': uncodedTest(ISSUED_2010),
  'example-observation-resource-40.json': uncodedTest(ISSUED_2010),
  'example-observation-resource-37.json': uncodedTest({ date: '2019-06-01T10:30:00+00:00' }),
  'example-observation-resource-3.json': uncodedTest({ date: '2010-01-13' }),
  'example-observation-resource-39.json': uncodedTest({ date: '2010-01-13' }),
  'example-observation-resource-44.json': uncodedTest({ date: '2019-07-01T10:30:00+00:00' }),
  'example-observation-resource-5.json': (s) => {
    // Neither effective nor issued: shown undated, never dated by anything else.
    uncodedTest()(s);
    expect(s.investigations?.entries[0]).not.to.have.property('date');
  },
  'example-observation-resource-6.json': uncodedTest({ ...AT_2019, textValue: 'test-string' }),
  'example-observation-resource-7.json': uncodedTest({
    ...AT_2019,
    value: 37.1,
    comparator: '>=',
  }),
  'example-observation-resource-10.json': uncodedTest({
    ...AT_2019,
    value: 37.1,
    comparator: '>=',
    referenceRange: { low: 20, high: 30, unit: 'test-unit' },
  }),
  'example-observation-resource-8.json': (s) => {
    uncodedTest(AT_2019)(s);
    expect(s.investigations?.entries[0]?.codedValue?.map((c) => c.code)).to.deep.equal([
      'test-code',
    ]);
  },
  'example-observation-resource-9.json': uncodedTest(AT_2019),
  'example-observation-resource-24.json': uncodedTest(AT_2019),
  'example-observation-resource-34.json': uncodedTest(AT_2019),
  'example-observation-resource-35.json': uncodedTest(AT_2019),
  'example-observation-resource-11.json': uncodedTest({ ...AT_2019, referenceRange: { high: 20 } }),
  'example-observation-resource-25.json': uncodedTest({ ...AT_2019, referenceRange: { high: 20 } }),
  'example-observation-with-performer-invalid-ref-resource-type.json': uncodedTest(AT_2019),
  'example-observation-resource-41.json': uncodedTest({
    ...AT_2010,
    referenceRange: { low: 10, high: 100, unit: 'ml' },
  }),
  'example-observation-resource-42.json': uncodedTest({
    ...AT_2010,
    referenceRange: { high: 100, unit: 'ml' },
  }),
  'example-observation-resource-43.json': uncodedTest({
    ...AT_2010,
    referenceRange: { low: 10, unit: 'ml' },
  }),
  // HL7 v2 table 0078 interpretations: H, HH, HU high; L, LL, LU low; A, AA abnormal.
  'example-observation-resource-12.json': flagged('high'),
  'example-observation-resource-17.json': flagged('high'),
  'example-observation-resource-18.json': flagged('high'),
  'example-observation-resource-16.json': flagged('high'),
  'example-observation-resource-19.json': flagged('low'),
  'example-observation-resource-20.json': flagged('low'),
  'example-observation-resource-21.json': flagged('low'),
  'example-observation-resource-22.json': flagged('abnormal'),
  'example-observation-resource-23.json': flagged('abnormal'),
  // "Example" is no 0078 code; "Another System" is no known system: no flag is invented.
  'example-observation-resource-13.json': notFlagged,
  // Its only interpretation is "H" in an unknown system ("Another System"): not a flag.
  'example-observation-resource-14.json': (s) => {
    expect(s.investigations?.entries).to.have.length(1);
    expect(s.investigations?.entries[0]).not.to.have.property('abnormal');
  },
  'example-observation-resource-15.json': notFlagged,
  // Components of an uncoded parent: the parent is still shown by its term and date.
  'example-observation-resource-26.json': uncodedTest(AT_2010),
  'example-observation-resource-27.json': uncodedTest(AT_2010),
  'example-observation-resource-28.json': uncodedTest(AT_2010),
  'example-observation-resource-29.json': uncodedTest(AT_2010),
  'example-observation-resource-30.json': uncodedTest(AT_2010),
  'example-observation-resource-31.json': uncodedTest(AT_2010),
  'example-observation-resource-32.json': uncodedTest(AT_2010),
  'example-observation-resource-36.json': uncodedTest(),
  'example-observation-resource-38.json': uncodedTest(),
  'example-observation-with-body-site.json': (s) => {
    expect(s.investigations?.entries[0]).to.include({ display: 'MRI of rib', date: '2023-01-23' });
  },
  'example-observation-with-attachment.json': (s) => {
    expect(s.investigations?.entries[0]).to.include({
      display: 'Comment note',
      date: '2010-01-13',
    });
  },
  'example-observation-with-sampleddata.json': (s) => {
    expect(s.investigations?.entries[0]).to.include({
      display: 'Comment note',
      date: '2010-01-13',
    });
  },
};

export const observationFiles: { [area: string]: Expectations } = {
  observation: observationArea,
  // Every observation-value and observation-pertinent fragment has no code at all: its value,
  // range or interpretation alone names nothing, so each is counted, never shown.
  'observation-value': Object.fromEntries(
    [
      'with-interpretation-4',
      'with-reference-range-full-data',
      'with-reference-range-high-only',
      'with-reference-range-low-only',
      'with-reference-range-text-only',
      'with-value-1',
      'with-value-3',
    ].map((n) => [`example-observation-resource-${n}.json`, noCode]),
  ),
  'observation-pertinent': {
    ...Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => [
        `example-observation-resource-with-pert-info-${n}.json`,
        noCode,
      ]),
    ),
    'invalid-value-observation-resource.json': noCode,
  },
  'diagnosticreport-observation': {
    // Single Observations with their report, members and specimens absent: each is shown as an
    // observation by its SNOMED CT term, dated by its effective time (else when issued).
    ...Object.fromEntries(
      [
        'input-observation-related-to-specimen.json',
        'observation_associated_with_specimen_1.json',
        'observation_associated_with_specimen_1_with_ignored_member.json',
        'observation_associated_with_specimen_1_with_related_comment.json',
        'observation_with_data_absent_reason_and_interpretation_and_body_site_and_method.json',
      ].map((file) => [file, coded({ display: 'Urine pregnancy test', date: '2010-02-23' })]),
    ),
    'observation_associated_with_specimen_3.json': coded({
      display: 'Serum ACTH (adrenocorticotrophic hormone) level',
      date: '2010-02-23',
    }),
    'observation_associated_with_specimen_2.json': coded({
      display: 'Serum oestradiol level',
      date: '2010-02-23',
      value: 8.8,
      unit: 'mmol/L',
      // 8.8 against a range of 10 to 90.
      abnormal: 'low',
    }),
    'observation_with_effectiveperiod_start_and_no_effectivedatetime.json': coded({
      display: 'Serum oestradiol level',
      date: '1997-10-20',
      value: 8.8,
    }),
    'observation_with_no_effectiveperiod_and_no_effectivedatetime.json': coded({
      display: 'Serum oestradiol level',
      date: '2010-02-25T15:41:00+00:00',
      value: 8.8,
    }),
    'observation_referenced_by_diagnosticreport_result.json': coded({
      // "Ap 2.400": the INR is 2.4, the text kept as sent. Named by the chosen description, not
      // the preferred term "INR - international normalised ratio".
      display: 'International normalised ratio',
      date: '2010-02-23',
      value: 2.4,
      textValue: 'Ap 2.400',
    }),
    'observation_with_reference_range_and_interpretation.json': (s) => {
      coded({
        display: 'Serum iron level',
        date: '2003-06-16',
        value: 1779,
        unit: 'umol/L',
        referenceRange: { low: 11, high: 29, unit: 'umol/L' },
      })(s);
      // Interpretation A (abnormal), and far above the range: flagged either way.
      expect(s.investigations?.entries[0]?.abnormal).to.be.oneOf(['abnormal', 'high']);
    },
    'observation_test_group_header.json': coded({
      display: 'Collision of spacecraft with meteorite',
      date: '2020-12-15T15:17:04.917+00:00',
    }),
    'observation_filing_comment.json': coded({
      display: 'Comment note',
      date: '2020-12-15T15:17:04.917+00:00',
    }),
    'input_default_observation.json': noCode,
    'observation_with_interpretation_code_abnormal.json': flagged('abnormal'),
    'observation_with_interpretation_code_low.json': flagged('low'),
    // Two codings of an unknown system and v2 0078 H: the known one counts.
    'observation_with_multiple_interpretations.json': flagged('high'),
    'observation_with_referencerange_and_no_valuequantity.json': uncodedTest({
      ...AT_2019,
      referenceRange: { low: 11, high: 29, unit: 'umol/L' },
    }),
    'observation_with_value_quantity_and_reference_range.json': uncodedTest({
      ...AT_2019,
      value: 37.1,
      comparator: '>=',
      referenceRange: { low: 20, high: 30, unit: 'test-unit' },
    }),
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
