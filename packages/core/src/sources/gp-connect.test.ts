import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { RecordError } from '../http/errors.js';
import { GET_STRUCTURED_RECORD_INTERACTION, gpConnectSource } from './gp-connect.js';

const NHS_NUMBER = '9434765919';
const viewer = {
  userId: 'u-42',
  name: 'Dr Claire Jones',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was sent and answers with a fixed status and body. */
function answering(status: number, body: unknown) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit = {}) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/fhir+json' },
    });
  };
  return { fetch, sent };
}

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        id: 'p',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
      },
    },
    {
      resource: {
        resourceType: 'List',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '886921000000105' }] },
        entry: [],
      },
    },
  ],
};

function decode(part: string): Record<string, unknown> {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

describe('gpConnectSource', () => {
  it('makes one POST for several sections and splits the answer per section', async () => {
    const { fetch, sent } = answering(200, bundle);
    const source = gpConnectSource({
      baseUrl: '/gpc/',
      fetch,
      viewer,
      traceId: () => 'trace-1',
      clock: () => new Date(1_700_000_000_000),
    });
    const promises = source.fetchSections(['demographics', 'allergies', 'medications', 'events'], {
      nhsNumber: NHS_NUMBER,
    });
    const [demographics, allergies] = await Promise.all([
      promises.demographics,
      promises.allergies,
    ]);
    await Promise.allSettled([promises.medications, promises.events]);
    expect(sent).to.have.length(1);
    expect(sent[0]!.url).to.equal('/gpc/Patient/$gpc.getstructuredrecord');
    expect(sent[0]!.url).not.to.contain(NHS_NUMBER);
    expect(sent[0]!.init.method).to.equal('POST');
    expect(demographics.patient.nhsNumber).to.equal(NHS_NUMBER);
    expect(allergies.state).to.equal('not-recorded');
  });

  it('sends the Parameters resource for the sections asked for', async () => {
    const { fetch, sent } = answering(200, bundle);
    const source = gpConnectSource({
      baseUrl: '/gpc',
      fetch,
      medicationSearchFromDate: '2025-01-01',
    });
    const promises = source.fetchSections(
      ['allergies', 'medications', 'problems', 'investigations', 'events'],
      { nhsNumber: NHS_NUMBER },
    );
    await Promise.allSettled(Object.values(promises));
    const body = JSON.parse(String(sent[0]!.init.body));
    expect(body).to.deep.equal({
      resourceType: 'Parameters',
      parameter: [
        {
          name: 'patientNHSNumber',
          valueIdentifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER },
        },
        {
          name: 'includeAllergies',
          part: [{ name: 'includeResolvedAllergies', valueBoolean: true }],
        },
        {
          name: 'includeMedication',
          part: [
            { name: 'includePrescriptionIssues', valueBoolean: true },
            { name: 'medicationSearchFromDate', valueDate: '2025-01-01' },
          ],
        },
        { name: 'includeProblems' },
        { name: 'includeConsultations' },
        { name: 'includeInvestigations' },
        { name: 'includeReferrals' },
        // Investigations also show uncategorised observations (weight, drug levels, smoking).
        { name: 'includeUncategorisedData' },
      ],
    });
  });

  it('sends the GP Connect headers and an unsigned audit JWT built from the viewer', async () => {
    const { fetch, sent } = answering(200, bundle);
    const source = gpConnectSource({
      baseUrl: 'https://proxy.example/gpc',
      fetch,
      viewer,
      ssp: { from: '200000000115', to: '200000000116' },
      issuer: 'https://consumer.example/',
      traceId: () => 'trace-1',
      clock: () => new Date(1_700_000_000_000),
    });
    await Promise.allSettled(
      Object.values(source.fetchSections(['allergies'], { nhsNumber: NHS_NUMBER })),
    );
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers['Ssp-TraceID']).to.equal('trace-1');
    expect(headers['Ssp-From']).to.equal('200000000115');
    expect(headers['Ssp-To']).to.equal('200000000116');
    expect(headers['Ssp-InteractionID']).to.equal(GET_STRUCTURED_RECORD_INTERACTION);
    expect(headers['content-type']).to.equal('application/fhir+json');
    const [header, payload, signature] = headers['Authorization']!.replace(/^Bearer /, '').split(
      '.',
    );
    expect(decode(header!)).to.deep.equal({ alg: 'none', typ: 'JWT' });
    expect(signature).to.equal('');
    const claims = decode(payload!);
    expect(claims).to.include({
      iss: 'https://consumer.example/',
      sub: 'u-42',
      aud: 'https://proxy.example/gpc',
      iat: 1_700_000_000,
      exp: 1_700_000_300,
      reason_for_request: 'directcare',
      requested_scope: 'patient/*.read',
    });
    expect(claims.requesting_organization).to.deep.include({
      resourceType: 'Organization',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX1' }],
    });
    const practitioner = claims.requesting_practitioner as {
      id: string;
      name: unknown[];
      identifier: { system: string }[];
    };
    expect(practitioner.id).to.equal('u-42');
    expect(practitioner.name).to.deep.equal([
      { family: 'Jones', given: ['Claire'], prefix: ['Dr'] },
    ]);
    expect(practitioner.identifier.map((i) => i.system)).to.include(
      'https://fhir.nhs.uk/Id/sds-user-id',
    );
    expect((claims.requesting_device as { resourceType: string }).resourceType).to.equal('Device');
    expect(JSON.stringify(claims)).not.to.contain(NHS_NUMBER);
  });

  const outcome = (code: string, issue = 'forbidden') => ({
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: issue,
        details: {
          coding: [
            { system: 'https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1', code },
          ],
        },
        diagnostics: `patient ${NHS_NUMBER} said no`,
      },
    ],
  });

  async function failure(status: number, body: unknown): Promise<RecordError> {
    const { fetch } = answering(status, body);
    const promises = gpConnectSource({ baseUrl: '/gpc', fetch }).fetchSections(
      ['allergies', 'medications'],
      { nhsNumber: NHS_NUMBER },
    );
    const [allergies, medications] = await Promise.allSettled([
      promises.allergies,
      promises.medications,
    ]);
    expect(medications.status).to.equal('rejected');
    if (allergies.status !== 'rejected') throw new Error('expected a rejection');
    return allergies.reason as RecordError;
  }

  it('maps a 403 NO_PATIENT_CONSENT to a source-dissent refusal, without patient data', async () => {
    const error = await failure(403, outcome('NO_PATIENT_CONSENT'));
    expect(error).to.be.instanceOf(RecordError);
    expect(error).to.include({
      kind: 'forbidden',
      status: 403,
      issueCode: 'NO_PATIENT_CONSENT',
      refusal: 'source-dissent',
    });
    expect(error.message).not.to.contain(NHS_NUMBER);
  });

  it('maps the other Spine codes to their kinds and refusals', async () => {
    const cases: [number, string, string, string | undefined][] = [
      [403, 'NO_ORGANISATION_CONSENT', 'forbidden', 'no-agreement'],
      [403, 'ACCESS_DENIED', 'forbidden', 'not-permitted'],
      [404, 'PATIENT_NOT_FOUND', 'not-found', undefined],
      [400, 'INVALID_NHS_NUMBER', 'invalid', undefined],
      [422, 'INVALID_PARAMETER', 'invalid', undefined],
      [500, 'INTERNAL_SERVER_ERROR', 'server', undefined],
      [403, 'SOMETHING_NEW', 'forbidden', undefined],
    ];
    for (const [status, code, kind, refusal] of cases) {
      const error = await failure(status, outcome(code));
      expect(
        { kind: error.kind, refusal: error.refusal, issueCode: error.issueCode },
        code,
      ).to.deep.equal({ kind, refusal, issueCode: code });
    }
  });

  it('reports a section the answer could not supply as unavailable, not empty', async () => {
    const { fetch } = answering(200, { resourceType: 'Bundle', entry: [] });
    const promises = gpConnectSource({ baseUrl: '/gpc', fetch }).fetchSections(
      ['demographics', 'allergies'],
      { nhsNumber: NHS_NUMBER },
    );
    const [demographics, allergies] = await Promise.allSettled([
      promises.demographics,
      promises.allergies,
    ]);
    expect(
      demographics.status === 'rejected' && (demographics.reason as RecordError).kind,
    ).to.equal('not-found');
    expect(allergies.status === 'rejected' && (allergies.reason as RecordError).kind).to.equal(
      'server',
    );
  });
});
