// One request set for GP Connect, measured on the network against the sandbox: a page with every
// section makes one $gpc.getstructuredrecord POST per grant, and later section() calls are served
// from what was already fetched.
import {
  TEST_VIEWER,
  recordingFetch,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { SECTION_NAMES } from '../../src/model/sections.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';

function open() {
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
  const posts = () =>
    network.requests.filter((r) => r.method === 'POST' && r.url.includes('gpc.getstructuredrecord'))
      .length;
  return { session, posts };
}

/** Every section read, ignoring the ones GP Connect has no area for (they fail as unavailable). */
async function readEverySection(session: ReturnType<typeof open>['session']) {
  for (const section of SECTION_NAMES) await session.section(section).catch(() => undefined);
}

describe('GP Connect: one request set per grant', function () {
  this.timeout(20_000);

  it('a page subscribing to every section makes one POST, and section() calls after it make none', async () => {
    const { session, posts } = open();
    // A page with every element: each subscribes in the same task as it connects.
    for (const section of SECTION_NAMES) session.subscribe(section, () => undefined);
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    await sessionReaches(session, 'ready', 'partial');
    expect(posts()).to.equal(1);
    await readEverySection(session);
    expect(posts()).to.equal(1);
    // A new grant (the patient selected again) is a new request set: one more POST.
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    for (const section of SECTION_NAMES) session.subscribe(section, () => undefined);
    await readEverySection(session);
    expect(posts()).to.equal(2);
    session.end();
  });

  it('serves a later section from an earlier answer that covered its clinical area', async () => {
    const { session, posts } = open();
    session.subscribe('problems', () => undefined);
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    await session.section('problems');
    expect(posts()).to.equal(1);
    // Diagnoses come from the same GP Connect area (includeProblems) as problems.
    const diagnoses = await session.section('diagnoses');
    expect(diagnoses.entries).to.be.an('array');
    expect(posts()).to.equal(1);
    // Allergies were not asked for yet: one more POST, then served.
    await session.section('allergies');
    await session.section('allergies');
    expect(posts()).to.equal(2);
    session.end();
  });
});
