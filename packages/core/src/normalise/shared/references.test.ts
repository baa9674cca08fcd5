import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { bundleEntries, referenceIndex, refersToPatient } from './references.js';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: NHS, value: '9434765919' }],
};
const other = {
  resourceType: 'Patient',
  id: 'p2',
  identifier: [{ system: NHS, value: '9434765870' }],
};
const practice = {
  resourceType: 'Organization',
  id: 'org-1',
  identifier: [{ system: ODS, value: 'A81001' }],
};
const aspirin = { resourceType: 'Medication', id: 'm1', code: { text: 'aspirin' } };

describe('referenceIndex', () => {
  it('matches urn:uuid and urn:oid references to the entry with that fullUrl', () => {
    const index = referenceIndex([
      { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: patient },
      { fullUrl: 'urn:oid:1.2.826.0.1285.0.2.0.1', resource: practice },
    ]);
    expect(index.resolve({ reference: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001' })).to.equal(
      patient,
    );
    expect(index.resolve({ reference: 'urn:oid:1.2.826.0.1285.0.2.0.1' })).to.equal(practice);
    expect(index.resolve({ reference: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000099' })).to.equal(
      undefined,
    );
  });

  it('matches Type/id, absolute URLs and version-specific references', () => {
    const index = referenceIndex([{ resource: patient }, { resource: aspirin }]);
    expect(index.resolve({ reference: 'Patient/p1' })).to.equal(patient);
    expect(index.resolve({ reference: 'https://x.nhs.uk/fhir/Patient/p1' })).to.equal(patient);
    expect(index.resolve({ reference: 'https://x.nhs.uk/fhir/Patient/p1/_history/3' })).to.equal(
      patient,
    );
    expect(index.resolve({ reference: 'Medication/m1/_history/1' })).to.equal(aspirin);
    expect(index.resolve({ reference: 'Medication/p1' })).to.equal(undefined);
  });

  it('reads a relative reference against the base of the holder’s RESTful fullUrl first', () => {
    const here = { ...aspirin, code: { text: 'here' } };
    const there = { ...aspirin, code: { text: 'there' } };
    const request = { resourceType: 'MedicationRequest', id: 'r1' };
    const index = referenceIndex([
      { fullUrl: 'https://a.example/fhir/Medication/m1', resource: there },
      { fullUrl: 'https://b.example/fhir/Medication/m1', resource: here },
      { fullUrl: 'https://b.example/fhir/MedicationRequest/r1', resource: request },
    ]);
    expect(index.resolve({ reference: 'Medication/m1' }, request)).to.equal(here);
  });

  it('resolves contained #id references within the resource that holds them', () => {
    const contained = { resourceType: 'Medication', id: 'med', code: { text: 'x' } };
    const request = { resourceType: 'MedicationRequest', id: 'r', contained: [contained] };
    const index = referenceIndex([]);
    expect(index.resolve({ reference: '#med' }, request)).to.equal(contained);
    expect(index.resolve({ reference: '#' }, request)).to.equal(request);
    expect(index.resolve({ reference: '#other' }, request)).to.equal(undefined);
    expect(index.resolve({ reference: '#med' })).to.equal(undefined);
  });

  it('resolves logical references by NHS number and ODS code, never an ambiguous one', () => {
    const index = referenceIndex([{ resource: patient }, { resource: practice }]);
    expect(index.resolve({ identifier: { system: NHS, value: '943 476 5919' } })).to.equal(patient);
    expect(index.resolve({ identifier: { system: ODS, value: 'A81001' } })).to.equal(practice);
    expect(index.resolve({ identifier: { system: ODS, value: 'B99999' } })).to.equal(undefined);
    const twice = referenceIndex([
      { resource: practice },
      { resource: { ...practice, id: 'org-2' } },
    ]);
    expect(twice.resolve({ identifier: { system: ODS, value: 'A81001' } })).to.equal(undefined);
  });

  it('never throws on malformed references or entries', () => {
    const index = referenceIndex([
      { resource: null },
      { resource: 'x' },
      { fullUrl: 42 as unknown as string, resource: { resourceType: 'Patient' } },
    ]);
    for (const bad of [null, 'Patient/p1', 7, {}, { reference: 9 }, { identifier: 'x' }])
      expect(index.resolve(bad, { contained: 'nope' })).to.equal(undefined);
  });
});

describe('bundleEntries', () => {
  it('keeps fullUrls and gives an id-less transaction entry its urn:uuid as id', () => {
    const entries = bundleEntries({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient' },
        },
        { fullUrl: 'https://x/fhir/Patient/p1', resource: patient },
      ],
    });
    expect(entries[0]).to.deep.equal({
      fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001',
      resource: { resourceType: 'Patient', id: '0a1b2c3d-0000-4000-8000-000000000001' },
    });
    expect(entries[1]!.resource).to.equal(patient);
    expect(bundleEntries([patient])).to.deep.equal([{ resource: patient }]);
  });
});

describe('refersToPatient', () => {
  const me = { id: 'p1', nhsNumber: '9434765919' };
  const index = referenceIndex([
    { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: patient },
    { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002', resource: other },
    { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000003', resource: practice },
  ]);
  const ref = (reference: string) => ({ reference });

  it('accepts every form that names the patient', () => {
    expect(refersToPatient(ref('Patient/p1'), {}, me)).to.equal(true);
    expect(refersToPatient(ref('https://x/fhir/Patient/p1/_history/2'), {}, me)).to.equal(true);
    expect(
      refersToPatient(ref('urn:uuid:0a1b2c3d-0000-4000-8000-000000000001'), {}, me, index),
    ).to.equal(true);
    expect(refersToPatient({ identifier: { system: NHS, value: '9434765919' } }, {}, me)).to.equal(
      true,
    );
    const contained = { resourceType: 'Observation', contained: [{ ...patient, id: 'pt' }] };
    expect(refersToPatient(ref('#pt'), contained, me)).to.equal(true);
  });

  it('refuses another patient, a non-patient, an unresolved urn:uuid and no reference', () => {
    expect(refersToPatient(ref('Patient/p2'), {}, me)).to.equal(false);
    expect(
      refersToPatient(ref('urn:uuid:0a1b2c3d-0000-4000-8000-000000000002'), {}, me, index),
    ).to.equal(false);
    expect(
      refersToPatient(ref('urn:uuid:0a1b2c3d-0000-4000-8000-000000000003'), {}, me, index),
    ).to.equal(false);
    expect(refersToPatient(ref('urn:uuid:0a1b2c3d-0000-4000-8000-000000000001'), {}, me)).to.equal(
      false,
    );
    expect(refersToPatient(ref('Group/p1'), {}, me)).to.equal(false);
    expect(refersToPatient({ identifier: { system: NHS, value: '9434765870' } }, {}, me)).to.equal(
      false,
    );
    expect(refersToPatient(undefined, {}, me)).to.equal(false);
  });
});
