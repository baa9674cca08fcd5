import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { RecordError } from '../http/errors.js';
import { staticSource } from './static.js';

const subject = { reference: 'Patient/p1' };
const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
        name: [{ family: 'Example', given: ['Alex'] }],
      },
    },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        patient: subject,
        code: {
          coding: [
            { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' },
          ],
        },
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'c1',
        subject,
        category: [{ coding: [{ code: 'problem-list-item' }] }],
        code: {
          coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }],
        },
      },
    },
  ],
};

describe('staticSource', () => {
  it('serves sections from a bundle in hand through the R4 normalisers', async () => {
    const source = staticSource(bundle);
    const { demographics, allergies, problems } = source.fetchSections(
      ['demographics', 'allergies', 'problems'],
      { nhsNumber: '9434765919' },
    );
    expect((await demographics).patient).to.include({ family: 'Example', nhsNumber: '9434765919' });
    expect((await demographics).patient.provenance.source).to.equal('static');
    expect((await allergies).state).to.equal('no-known-allergies');
    expect((await problems).entries.map((p) => p.display)).to.deep.equal(['Asthma']);
  });

  it('answers not-found for a patient it does not hold', async () => {
    const error = await staticSource(bundle.entry.map((e) => e.resource))
      .fetchSections(['allergies'], { nhsNumber: '9993456780' })
      .allergies.then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(RecordError);
    expect((error as RecordError).kind).to.equal('not-found');
  });
});
