// Blood pressure fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import { displays, type Expectations, type Sections } from './types.js';

/** Every blood pressure fragment is one Observation (296D5D73...) whose panel code is, oddly, Prothrombin time. */
const reading =
  (values: object, date = '2012-10-08T09:41:49.46+00:00') =>
  (s: Sections) => {
    expect(s.bloodPressure?.entries).to.have.length(1);
    expect(s.bloodPressure?.entries[0]).to.deep.include({ ...values, date, unit: 'mmHg' });
    expect(s.bloodPressure?.entries[0]?.display).to.equal('Blood pressure');
    // Never also shown as a result.
    expect(s.investigations?.entries).to.have.length(0);
  };
const noValues = (s: Sections) => {
  expect(s.bloodPressure?.entries).to.have.length(0);
  expect(s.bloodPressure?.diagnostics.dropped).to.deep.equal({
    'blood pressure with no values (data absent)': 1,
  });
  expect(s.investigations?.entries).to.have.length(0);
};
export const bloodPressureFiles: Expectations = {
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
