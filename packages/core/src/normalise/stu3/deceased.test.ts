// Patient.deceased[x] reaches the demographics on the GP Connect path as on the R4 path.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SECTION_NAMES } from '../../model/sections.js';
import { normaliseOptions } from '../options.js';
import { normaliseStructuredRecord } from './structured-record.js';

const NHS_NUMBER = '9000000009';
const bundleWith = (deceased: Record<string, unknown>) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
        name: [{ use: 'official', family: 'Example', given: ['Alex'] }],
        ...deceased,
      },
    },
  ],
});

const deceasedIn = (deceased: Record<string, unknown>) =>
  normaliseStructuredRecord(bundleWith(deceased), SECTION_NAMES, NHS_NUMBER, normaliseOptions())
    .demographics?.patient;

describe('GP Connect: Patient.deceased[x]', () => {
  it('carries a boolean or a date, and nothing when the source says nothing or sends no date', () => {
    expect(deceasedIn({ deceasedBoolean: true })?.deceased).to.equal(true);
    expect(deceasedIn({ deceasedDateTime: '2026-10-01' })?.deceased).to.equal('2026-10-01');
    expect(deceasedIn({})).not.to.have.property('deceased');
    expect(deceasedIn({ deceasedDateTime: 'yesterday' })).not.to.have.property('deceased');
  });
});
