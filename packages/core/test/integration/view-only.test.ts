// View-only (docs/architecture.md#rules; evidence in docs/hazard-log.md): a whole view of a
// record, through either source, only reads. The one write a session makes is the audit trail,
// which goes to its sink, not to the record's server.
import { TEST_VIEWER, recordingFetch, viewPatient } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { SECTION_NAMES } from '../../src/model/sections.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';

/** A read: GET, or POST of a search (`_search`) or of the structured-record query operation. */
const isRead = ({ method, url }: { method: string; url: string }) =>
  method === 'GET' ||
  (method === 'POST' && /\/_search$|\/Patient\/\$gpc\.getstructuredrecord$/.test(url));

const SOURCES: [string, (fetch: typeof globalThis.fetch) => RecordSource][] = [
  ['FHIR R4', (fetch) => fhirR4Source({ baseUrl: '/fhir/r4', fetch })],
  [
    'GP Connect',
    (fetch) => gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: TEST_VIEWER, fetch }),
  ],
];

describe('view-only: a whole view makes only reads', function () {
  this.timeout(20_000);
  for (const [name, sourceOf] of SOURCES) {
    it(`${name}: every section of the typical patient, then the end, without a write`, async () => {
      const network = recordingFetch();
      const session = createCareRecordSession({
        source: sourceOf(network.fetch as typeof globalThis.fetch),
        viewer: TEST_VIEWER,
        audit: { record: () => undefined },
        policy: { agreement: [TEST_VIEWER.organisation] },
      });
      for (const section of SECTION_NAMES) session.subscribe(section, () => undefined);
      await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
      for (const section of SECTION_NAMES) await session.section(section).catch(() => undefined);
      expect(session.state).to.be.oneOf(['ready', 'partial']);
      session.end();
      session.close();
      expect(network.requests.length).to.be.greaterThan(0);
      expect(network.requests.filter((r) => !isRead(r))).to.deep.equal([]);
    });
  }
});
