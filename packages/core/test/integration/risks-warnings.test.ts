// Risks and warnings over the network against the sandbox: the palliative patient's register
// entry and DNACPR decision reach the clinician through both national APIs, though GP Connect
// has no warnings list; a page asking for risks and warnings with other sections still makes one
// GP Connect POST.
import {
  SANDBOX_FHIR_R4,
  TEST_VIEWER,
  recordingFetch,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';

const SOURCES: [string, () => RecordSource][] = [
  ['GP Connect', () => gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: TEST_VIEWER })],
  ['FHIR R4', () => fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 })],
];

const read = (source: RecordSource, nhsNumber: string) =>
  source.fetchSections(['risksWarnings'], { nhsNumber }).risksWarnings;

describe('Risks and warnings from the sandbox', function () {
  this.timeout(20_000);

  for (const [name, source] of SOURCES) {
    it(`${name}: the palliative patient's register entry and DNACPR decision come first`, async () => {
      const section = await read(source(), SANDBOX_PATIENTS.palliative.nhsNumber);
      expect(section.entries.map((w) => [w.kind, w.display, w.status, w.origin])).to.deep.equal([
        // Newest first within a kind: the care plan was recorded after the register entry.
        ['end-of-life', 'Has end of life care plan', 'active', 'derived'],
        ['end-of-life', 'On palliative care register', 'active', 'derived'],
        ['resuscitation', 'Not for cardiopulmonary resuscitation', 'active', 'derived'],
      ]);
      expect(section.entries[2]?.derivedFrom).to.deep.equal({
        section: 'investigations',
        id: 'palliative-dnacpr',
      });
    });
  }

  it('GP Connect: the child protection plan is derived; the R4 Flag has no GP Connect form', async () => {
    const { nhsNumber } = SANDBOX_PATIENTS.safeguarding;
    const gpc = await read(SOURCES[0]![1](), nhsNumber);
    expect(gpc.basis).to.equal('coded-entries');
    expect(gpc.entries.map((w) => [w.display, w.origin])).to.deep.equal([
      ['Subject to child protection plan', 'derived'],
    ]);
    const r4 = await read(SOURCES[1]![1](), nhsNumber);
    expect(r4.basis).to.equal('flags-and-coded-entries');
    expect(r4.entries.map((w) => [w.display, w.origin])).to.deep.equal([
      ['Subject to child protection plan', 'derived'],
      ['Child is cause for safeguarding concern', 'flag'],
    ]);
  });

  it('GP Connect: risks and warnings asked for with problems and results make one POST', async () => {
    const network = recordingFetch();
    const session = createCareRecordSession({
      source: gpConnectSource({
        baseUrl: '/fhir/gpconnect',
        viewer: TEST_VIEWER,
        fetch: network.fetch,
      }),
      viewer: TEST_VIEWER,
      audit: { record: () => undefined },
      policy: { agreement: [TEST_VIEWER.organisation] },
    });
    for (const section of ['risksWarnings', 'problems', 'investigations'] as const)
      session.subscribe(section, () => undefined);
    await viewPatient(session, SANDBOX_PATIENTS.palliative, { decision: 'granted' });
    await sessionReaches(session, 'ready', 'partial');
    const risks = await session.section('risksWarnings');
    expect(risks.entries).to.have.length(3);
    // Problems were covered by the same answer: no second POST.
    await session.section('diagnoses');
    const posts = network.requests.filter((r) => r.url.includes('gpc.getstructuredrecord'));
    expect(posts).to.have.length(1);
    session.end();
  });
});
