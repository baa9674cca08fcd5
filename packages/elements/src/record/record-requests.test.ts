// DESIGN §9, requests: a page with every element (dcr-record) makes no more requests to the FHIR
// R4 server than the biggest single element's page, counted as the browser sends them (resource
// timing), with the source as a host makes it (no fetch of its own: batches on).
import { SANDBOX_FHIR_R4, TEST_VIEWER, viewPatient } from '@dcr-elements/test-support';
import { expect, waitUntil } from '@open-wc/testing';
import { createCareRecordSession, fhirR4Source } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { RECORD_TABS } from './record-tabs.js';
import { DcrRecord } from './record.js';
import '../define/dcr-record.js';

const SINGLE_ELEMENTS = [
  'dcr-patient-banner',
  'dcr-allergy-banner',
  ...new Set(RECORD_TABS.map((tab) => tab.tag)),
];

/** Requests the page sent to the sandbox's FHIR R4 base since the last call. */
function takeRequests(): string[] {
  const sent = performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith(SANDBOX_FHIR_R4))
    .map((e) => new URL(e.name).pathname);
  performance.clearResourceTimings();
  return sent;
}

/** Mounts `tag` on a fresh session for the typical patient; its requests once every section is in. */
async function requestsOf(tag: string): Promise<string[]> {
  const session = createCareRecordSession({
    source: fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, normalise: { today: '2026-11-20' } }),
    viewer: TEST_VIEWER,
    audit: { record: () => undefined },
    policy: { agreement: ['RX1'] },
  });
  takeRequests();
  const el = Object.assign(document.createElement(tag), { session });
  document.body.append(el);
  await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
  await waitUntil(() => session.state === 'ready', `${tag}: ${session.state}`, {
    timeout: 20_000,
  });
  // Nothing more goes out once the page is quiet.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sent = takeRequests();
  session.close();
  el.remove();
  return sent;
}

describe('requests of a whole-record page (FHIR R4)', function () {
  this.timeout(120_000);
  before(async () => {
    performance.setResourceTimingBufferSize(1000);
    // Every tab's element registered, as the record does when it loads them, so each can be
    // mounted alone.
    await Promise.all(Object.values(DcrRecord.tabLoaders).map((load) => load?.()));
  });

  it('are no more than the biggest single element’s', async () => {
    const single = new Map<string, string[]>();
    for (const tag of SINGLE_ELEMENTS) single.set(tag, await requestsOf(tag));
    const record = await requestsOf('dcr-record');
    const biggest = Math.max(...[...single.values()].map((sent) => sent.length));
    expect(record.length, record.join(', ')).to.be.at.most(biggest);
    // The patient lookup, then one batch for the banner and medicines and one for the rest.
    expect(record).to.deep.equal([
      `${SANDBOX_FHIR_R4}/Patient/_search`,
      SANDBOX_FHIR_R4,
      SANDBOX_FHIR_R4,
    ]);
    // And no single element got worse than one request per search (the medication list sent
    // its two searches as one batch).
    expect(single.get('dcr-medication-list')).to.deep.equal([
      `${SANDBOX_FHIR_R4}/Patient/_search`,
      SANDBOX_FHIR_R4,
    ]);
    expect(single.get('dcr-allergy-banner')).to.deep.equal([
      `${SANDBOX_FHIR_R4}/Patient/_search`,
      `${SANDBOX_FHIR_R4}/AllergyIntolerance`,
    ]);
  });
});
