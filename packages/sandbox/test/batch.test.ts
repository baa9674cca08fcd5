// FHIR `batch` (POST of a Bundle to the base): each entry answered as the same request on its own
// would be, with its own status; fault profiles draw per entry (docs/sandbox.md).
import { clearFaults, configureFaults, SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../src/synthetic/roster.js';
import { getJson, type Json } from './helpers.js';

const { typical, optedOut } = SANDBOX_PATIENTS;
const PROFILE = 'x-dcr-sandbox-profile';

const batch = (urls: string[], method = 'GET') => ({
  resourceType: 'Bundle',
  type: 'batch',
  entry: urls.map((url) => ({ request: { method, url } })),
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(SANDBOX_FHIR_R4, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', ...headers },
    body: JSON.stringify(body),
  });
}

const ids = (bundle: Json): string[] => (bundle.entry ?? []).map((e: Json) => e.resource.id);

describe('sandbox batch', () => {
  afterEach(clearFaults);

  it('answers each entry, in order, as the same search made on its own', async () => {
    const searches = [
      `AllergyIntolerance?patient=${typical.id}&_count=100`,
      `MedicationRequest?patient=${typical.id}&_include=MedicationRequest:medication&_count=100`,
      `Observation?patient=${typical.id}&_count=5`,
    ];
    const response = await post(batch(searches));
    expect(response.status).to.equal(200);
    const body: Json = await response.json();
    expect(body.resourceType).to.equal('Bundle');
    expect(body.type).to.equal('batch-response');
    expect(body.entry.map((e: Json) => e.response.status)).to.deep.equal([
      '200 OK',
      '200 OK',
      '200 OK',
    ]);
    for (const [i, search] of searches.entries()) {
      const alone = await getJson(`${SANDBOX_FHIR_R4}/${search}`);
      expect(ids(body.entry[i].resource), search).to.deep.equal(ids(alone.body));
      expect(ids(alone.body), search).not.to.be.empty;
    }
    // Paging as on its own: the next link of the five-result page.
    const next = body.entry[2].resource.link.find((l: Json) => l.relation === 'next');
    expect(next.url).to.include('/Observation?').and.include('_offset=5');
  });

  it('refuses a refused patient’s clinical entry with 403, and answers the others', async () => {
    const response = await post(
      batch([
        `AllergyIntolerance?patient=${optedOut.id}`,
        `AllergyIntolerance?patient=${typical.id}`,
        `Patient/${optedOut.id}`,
      ]),
    );
    const body: Json = await response.json();
    expect(response.status).to.equal(200);
    const [refused, answered, patient] = body.entry;
    expect(refused.response.status).to.equal('403 Forbidden');
    expect(refused.response.outcome.resourceType).to.equal('OperationOutcome');
    expect(refused.resource).to.equal(undefined);
    expect(answered.response.status).to.equal('200 OK');
    expect(answered.resource.entry.length).to.be.greaterThan(0);
    expect(patient.resource.id).to.equal(optedOut.id);
  });

  it('answers each entry’s own failure: unknown type 404, a write 405', async () => {
    const unknown = await (await post(batch(['Basic?patient=x']))).json();
    expect(unknown.entry[0].response.status).to.equal('404 Not Found');
    const write = await (await post(batch(['AllergyIntolerance'], 'POST'))).json();
    expect(write.entry[0].response.status).to.equal('405 Method Not Allowed');
  });

  it('refuses what is not a batch: a transaction, or no Bundle', async () => {
    expect(
      (await post({ resourceType: 'Bundle', type: 'transaction', entry: [] })).status,
    ).to.equal(400);
    expect((await post({ resourceType: 'Patient' })).status).to.equal(400);
  });

  it('says so in its CapabilityStatement', async () => {
    const { body } = await getJson(`${SANDBOX_FHIR_R4}/metadata`);
    expect(body.rest[0].interaction).to.deep.equal([{ code: 'batch' }]);
  });

  describe('fault injection per entry', () => {
    const searches = [
      `AllergyIntolerance?patient=${typical.id}`,
      `Observation?patient=${typical.id}&_count=5`,
    ];

    it('a status drawn for one entry is that entry’s answer, never the others’', async () => {
      await configureFaults('entry-faults', {
        pathContains: '/Observation',
        queue: [{ status: 500 }, { status: 503 }],
      });
      const headers = { [PROFILE]: 'entry-faults' };
      for (const status of ['500 Internal Server Error', '503 Service Unavailable', '200 OK']) {
        const response = await post(batch(searches), headers);
        expect(response.status).to.equal(200);
        const body: Json = await response.json();
        expect(body.entry[0].response.status).to.equal('200 OK');
        expect(body.entry[1].response.status).to.equal(status);
        if (status !== '200 OK')
          expect(body.entry[1].response.outcome.resourceType).to.equal('OperationOutcome');
      }
    });

    it('a truncation drawn for an entry cuts the whole answer; a reset drops it', async () => {
      await configureFaults('entry-cut', {
        pathContains: '/Observation',
        queue: [{ truncate: true }],
      });
      const cut = await post(batch(searches), { [PROFILE]: 'entry-cut' });
      let parsed = true;
      await cut.json().catch(() => (parsed = false));
      expect(parsed).to.equal(false);

      // Chromium resends a request itself on a reset connection: more resets than it resends.
      await configureFaults('entry-reset', {
        pathContains: '/Observation',
        queue: Array(12).fill({ reset: true }),
      });
      let failed = false;
      await post(batch(searches), { [PROFILE]: 'entry-reset' }).catch(() => (failed = true));
      expect(failed).to.equal(true);
    });

    it('latency drawn for an entry delays the whole answer', async () => {
      await configureFaults('entry-slow', {
        pathContains: '/Observation',
        latencyMs: { min: 300, max: 300 },
      });
      const started = performance.now();
      const response = await post(batch(searches), { [PROFILE]: 'entry-slow' });
      await response.json();
      expect(performance.now() - started).to.be.at.least(290);
    });

    it('the batch request itself draws too, by the base path', async () => {
      await configureFaults('whole', { pathContains: '/fhir/r4', queue: [{ status: 503 }] });
      const response = await post(batch(searches), { [PROFILE]: 'whole' });
      expect(response.status).to.equal(503);
    });
  });
});
