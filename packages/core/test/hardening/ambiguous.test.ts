// Two Patients with one NHS number, from either source: the session is `ambiguous` (not
// `unavailable` with "try again"), nothing is fetched beyond the lookup, and it is audited.
import {
  SANDBOX_FHIR_R4,
  TEST_VIEWER,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { AuditRecord } from '../../src/audit/audit-record.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';

const { typical } = SANDBOX_PATIENTS;

/** Forwards to the sandbox; the patient lookup's (or structured record's) Patient sent twice. */
function duplicating(requests: string[]) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    requests.push(input);
    const response = await fetch(input, init);
    const duplicate = /\/Patient\/(_search|\$gpc\.getstructuredrecord)/.test(input);
    if (!duplicate || !response.ok) return response;
    const bundle = (await response.json()) as { entry: { resource: Record<string, unknown> }[] };
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!;
    bundle.entry.push({ ...patient, resource: { ...patient.resource, id: 'second-registration' } });
    return Response.json(bundle);
  };
}

const SOURCES: [string, (fetchFn: typeof fetch) => RecordSource][] = [
  ['FHIR R4', (f) => fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: f })],
  [
    'GP Connect',
    (f) => gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: TEST_VIEWER, fetch: f }),
  ],
];

describe('more than one record for one NHS number', () => {
  for (const [name, source] of SOURCES) {
    it(`${name}: ambiguous, said plainly, audited, nothing of the record fetched`, async () => {
      const requests: string[] = [];
      const audit: AuditRecord[] = [];
      const session = createCareRecordSession({
        source: source(duplicating(requests) as typeof fetch),
        viewer: TEST_VIEWER,
        audit: { record: (r) => audit.push(r) },
        policy: { agreement: ['RX1'] },
      });
      session.subscribe('allergies', () => undefined);
      await viewPatient(session, typical, { decision: 'granted' });
      await sessionReaches(session, 'ambiguous');
      expect(session.stateReason).to.equal(
        'Two or more GP records carry this NHS number, so none can be shown safely.',
      );
      expect(session.current('allergies')).to.equal(undefined);
      if (name === 'FHIR R4')
        expect(requests.filter((r) => !r.includes('/Patient/_search'))).to.deep.equal([]);
      expect(audit.map((r) => `${r.action}:${r.detail ?? ''}`)).to.include('error:ambiguous');
      session.close();
    });
  }
});
