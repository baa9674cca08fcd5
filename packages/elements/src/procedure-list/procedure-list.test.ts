import { TEST_VIEWER, sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, html } from '@open-wc/testing';
import { createCareRecordSession, gpConnectSource } from '@dcr-elements/core';
import type { CareRecordSession } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import {
  describeSectionElement,
  shadow,
  shown,
  text,
  type SectionElementSpec,
} from '../../../../test/support/section-element.js';
import { examples } from './procedure-list.examples.js';
import type { DcrProcedureList } from './procedure-list.js';
import '../define/dcr-procedure-list.js';

const spec: SectionElementSpec = {
  section: 'procedures',
  label: 'Procedures',
  render: (session?: CareRecordSession) =>
    html`<dcr-procedure-list .session=${session}></dcr-procedure-list>`,
  path: '/Procedure',
  emptyText: 'No procedures recorded.',
  examples,
};

const rowsOf = (el: DcrProcedureList) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map(text),
  );

describe('dcr-procedure-list', () => {
  describeSectionElement(spec);

  it('ready: reads the sandbox over HTTP; newest first, a month-only date at its own precision', async () => {
    const { session, network } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown<DcrProcedureList>(spec, session);
    expect(network.requests.some((r) => r.url.includes('/fhir/r4/Procedure?'))).to.equal(true);
    expect([...shadow(el).querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Procedure',
      'Performed',
      'Status',
    ]);
    expect(rowsOf(el)).to.deep.equal([
      ['Cataract extraction', '03-Jun-2020', 'Completed'],
      ['Total knee replacement', '20-Jan-2017', 'Completed'],
      ['Appendicectomy', 'Aug-1962', 'Completed'],
    ]);
  });

  it('GP Connect supplies no procedures: "No procedures to show", never "recorded", and the disclosure says why', async () => {
    const session = createCareRecordSession({
      source: gpConnectSource({ baseUrl: '/fhir/gpconnect' }),
      viewer: TEST_VIEWER,
      audit: { record: () => undefined },
      policy: { agreement: ['RX1'] },
    });
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown<DcrProcedureList>(spec, session);
    expect(text(shadow(el).querySelector('[part="empty"]'))).to.equal('No procedures to show.');
    expect(text(shadow(el).querySelector('[part="disclosure"]'))).to.contain(
      'GP Connect does not supply this section.',
    );
  });
});
