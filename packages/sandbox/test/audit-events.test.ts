// The sandbox's one writable resource: AuditEvents, stored once per id and searchable.
import '@dcr-elements/test-support';
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { getJson } from './helpers.js';

const unique = () =>
  `ae-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

function auditEvent(id: string, userId: string, nhsNumber = '9992345675'): fhir4.AuditEvent {
  return {
    resourceType: 'AuditEvent',
    id,
    type: {
      system: 'http://dicom.nema.org/resources/ontology/DCM',
      code: '110110',
      display: 'Patient Record',
    },
    action: 'R',
    recorded: '2026-11-26T09:30:00.000Z',
    outcome: '0',
    agent: [
      {
        requestor: true,
        who: { identifier: { system: 'https://fhir.nhs.uk/Id/sds-user-id', value: userId } },
      },
    ],
    source: { observer: { display: 'dcr-elements' } },
    entity: [
      { what: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } } },
    ],
  };
}

const put = (event: fhir4.AuditEvent, id = event.id) =>
  fetch(`${SANDBOX_FHIR_R4}/AuditEvent/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(event),
  });

describe('sandbox AuditEvent receipt', () => {
  it('stores a PUT once: a second write of the same id neither duplicates nor changes it', async () => {
    const id = unique();
    const first = await put(auditEvent(id, 'user-a'));
    expect(first.status).to.equal(201);
    const again = await put({ ...auditEvent(id, 'user-a'), outcome: '8' });
    expect(again.status).to.equal(200);
    expect(((await again.json()) as fhir4.AuditEvent).outcome).to.equal('0');
    const { body } = await getJson(`${SANDBOX_FHIR_R4}/AuditEvent?_id=${id}`);
    expect(body.total).to.equal(1);
    expect((await getJson(`${SANDBOX_FHIR_R4}/AuditEvent/${id}`)).body.id).to.equal(id);
  });

  it('accepts POST keyed by the body id, idempotently', async () => {
    const id = unique();
    const post = () =>
      fetch(`${SANDBOX_FHIR_R4}/AuditEvent`, {
        method: 'POST',
        body: JSON.stringify(auditEvent(id, 'user-b')),
      });
    expect((await post()).status).to.equal(201);
    expect((await post()).status).to.equal(200);
    expect((await getJson(`${SANDBOX_FHIR_R4}/AuditEvent?_id=${id}`)).body.total).to.equal(1);
  });

  it('refuses what is not a valid AuditEvent, and every other write', async () => {
    const id = unique();
    expect(
      (await put({ ...auditEvent(id, 'u'), outcome: '5' } as unknown as fhir4.AuditEvent)).status,
    ).to.equal(400);
    expect(
      (await put({ ...auditEvent(id, 'u'), clinicalNote: 'x' } as unknown as fhir4.AuditEvent))
        .status,
    ).to.equal(400);
    expect((await put(auditEvent(id, 'u'), 'another-id')).status).to.equal(400);
    expect((await getJson(`${SANDBOX_FHIR_R4}/AuditEvent/${id}`)).status).to.equal(404);
    const patientWrite = await fetch(`${SANDBOX_FHIR_R4}/Patient/${id}`, {
      method: 'PUT',
      body: '{}',
    });
    expect(patientWrite.status).to.equal(405);
    expect(
      (await fetch(`${SANDBOX_FHIR_R4}/AuditEvent/${id}`, { method: 'DELETE' })).status,
    ).to.equal(405);
  });

  it('searches by agent and entity identifier, with paging links', async () => {
    const userId = unique();
    const ids = Array.from({ length: 5 }, (_, n) => `${userId}-${n}`);
    for (const id of ids)
      expect((await put(auditEvent(id, userId, '9993456780'))).status).to.equal(201);
    const seen: string[] = [];
    let url: string | undefined =
      `${SANDBOX_FHIR_R4}/AuditEvent?agent-identifier=https://fhir.nhs.uk/Id/sds-user-id|${userId}&_count=2`;
    while (url) {
      const { body } = await getJson(url);
      expect(body.total).to.equal(5);
      seen.push(...body.entry.map((e: { resource: fhir4.AuditEvent }) => e.resource.id));
      url = body.link.find((l: fhir4.BundleLink) => l.relation === 'next')?.url;
    }
    expect(seen).to.deep.equal(ids);
    const byPatient = await getJson(
      `${SANDBOX_FHIR_R4}/AuditEvent?entity-identifier=9993456780&agent-identifier=${userId}`,
    );
    expect(byPatient.body.total).to.equal(5);
    expect((await getJson(`${SANDBOX_FHIR_R4}/AuditEvent?unknown-param=1`)).status).to.equal(400);
  });

  it('reads the trail newest first with _sort=-date (oldest first with date), by the time recorded', async () => {
    const userId = unique();
    // Stored out of order; one instant in another offset, so a string sort would misplace it.
    const recorded = [
      '2026-11-26T09:30:00.000Z',
      '2026-11-26T11:00:00+01:00', // 10:00Z
      '2026-11-26T09:45:00.000Z',
      '2026-11-26T10:15:00.000Z',
    ];
    for (const [n, when] of recorded.entries())
      expect(
        (await put({ ...auditEvent(`${userId}-${n}`, userId), recorded: when })).status,
      ).to.equal(201);
    const read = async (sort: string) =>
      (
        await getJson(`${SANDBOX_FHIR_R4}/AuditEvent?agent-identifier=${userId}&_sort=${sort}`)
      ).body.entry.map((e: { resource: fhir4.AuditEvent }) => e.resource.id);
    expect(await read('-date')).to.deep.equal([3, 1, 2, 0].map((n) => `${userId}-${n}`));
    expect(await read('date')).to.deep.equal([0, 2, 1, 3].map((n) => `${userId}-${n}`));
    const pageTwo = await getJson(
      `${SANDBOX_FHIR_R4}/AuditEvent?agent-identifier=${userId}&_sort=-date&_count=2&_offset=2`,
    );
    expect(
      pageTwo.body.entry.map((e: { resource: fhir4.AuditEvent }) => e.resource.id),
    ).to.deep.equal([`${userId}-2`, `${userId}-0`]);
    expect((await getJson(`${SANDBOX_FHIR_R4}/AuditEvent?_sort=outcome`)).status).to.equal(400);
  });
});
