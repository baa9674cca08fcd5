// The sandbox, exercised over real HTTP from the browser (it is mounted on the test page's origin).
import '@dcr-elements/test-support';
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { NHS_NUMBER_SYSTEM, isValidNhsNumber } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../src/synthetic/roster.js';

const typical = SANDBOX_PATIENTS.typical;

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(url, init);
  expect(response.headers.get('content-type')).to.contain('application/fhir+json');
  return { status: response.status, body: await response.json() };
}

describe('sandbox FHIR R4 server', () => {
  it('describes itself at /metadata', async () => {
    const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/metadata`);
    expect(status).to.equal(200);
    expect(body.resourceType).to.equal('CapabilityStatement');
    expect(body.fhirVersion).to.equal('4.0.1');
    const types = body.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).to.include.members([
      'Patient',
      'AllergyIntolerance',
      'MedicationRequest',
      'Observation',
    ]);
  });

  it('pages a search result with Bundle.link next until every entry is read', async () => {
    const pageSize = 5;
    let url: string | undefined =
      `${SANDBOX_FHIR_R4}/Observation?patient=${typical.id}&_count=${pageSize}`;
    const ids = new Set<string>();
    let pages = 0;
    let total = 0;
    while (url) {
      const { status, body } = await getJson(url);
      expect(status).to.equal(200);
      expect(body.resourceType).to.equal('Bundle');
      expect(body.type).to.equal('searchset');
      expect(body.entry.length).to.be.at.most(pageSize);
      total = body.total;
      for (const entry of body.entry) ids.add(entry.resource.id);
      url = body.link.find((link: { relation: string }) => link.relation === 'next')?.url;
      pages++;
    }
    expect(total).to.be.greaterThan(pageSize * 2);
    expect(ids.size).to.equal(total);
    expect(pages).to.equal(Math.ceil(total / pageSize));
  });

  it('finds a patient by NHS number with a POST search (identifier kept out of the URL)', async () => {
    const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/Patient/_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ identifier: `${NHS_NUMBER_SYSTEM}|${typical.nhsNumber}` }),
    });
    expect(status).to.equal(200);
    expect(body.entry).to.have.length(1);
    expect(body.entry[0].resource.id).to.equal(typical.id);
  });

  it('answers an unknown resource type with a 404 OperationOutcome', async () => {
    const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/NotAResource?patient=x`);
    expect(status).to.equal(404);
    expect(body.resourceType).to.equal('OperationOutcome');
    expect(body.issue[0].code).to.equal('not-supported');
  });

  it('answers a missing resource with a 404 OperationOutcome', async () => {
    const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/Patient/no-such-patient`);
    expect(status).to.equal(404);
    expect(body.resourceType).to.equal('OperationOutcome');
    expect(body.issue[0].code).to.equal('not-found');
  });

  it('refuses writes to the clinical record', async () => {
    const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient' }),
    });
    expect(status).to.equal(405);
    expect(body.resourceType).to.equal('OperationOutcome');
  });

  it('serves every roster patient with a valid NHS number and UK Core shape', async () => {
    for (const patient of Object.values(SANDBOX_PATIENTS)) {
      expect(isValidNhsNumber(patient.nhsNumber), patient.id).to.equal(true);
      const { status, body } = await getJson(`${SANDBOX_FHIR_R4}/Patient/${patient.id}`);
      expect(status).to.equal(200);
      expect(body.meta.profile).to.include(
        'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
      );
      expect(body.identifier[0]).to.include({
        system: NHS_NUMBER_SYSTEM,
        value: patient.nhsNumber,
      });
    }
  });
});
