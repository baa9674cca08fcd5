import { TEST_VIEWER, sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, html } from '@open-wc/testing';
import { createCareRecordSession, gpConnectSource } from '@dcr-elements/core';
import type { CareRecordSession } from '@dcr-elements/core';
import { daysBefore } from '../../../sandbox/src/synthetic/dates.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import {
  describeSectionElement,
  shadow,
  shown,
  text,
  type SectionElementSpec,
} from '../../../../test/support/section-element.js';
import { formatDate } from '../shared/format.js';
import { examples } from './diagnosis-list.examples.js';
import type { DcrDiagnosisList } from './diagnosis-list.js';
import '../define/dcr-diagnosis-list.js';

const spec: SectionElementSpec = {
  section: 'diagnoses',
  label: 'Diagnoses',
  render: (session?: CareRecordSession) =>
    html`<dcr-diagnosis-list .session=${session}></dcr-diagnosis-list>`,
  path: '/Condition',
  emptyText: 'No diagnoses recorded.',
  examples,
};

const rowsOf = (el: DcrDiagnosisList) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map(text),
  );

describe('dcr-diagnosis-list', () => {
  describeSectionElement(spec);

  it('ready: reads the sandbox over HTTP; newest onset first, with status and the date a resolved one ended', async () => {
    const { session, network } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown<DcrDiagnosisList>(spec, session);
    expect(network.requests.some((r) => r.url.includes('/fhir/r4/Condition?'))).to.equal(true);
    expect([...shadow(el).querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Diagnosis',
      'Onset',
      'Status',
    ]);
    expect(rowsOf(el)).to.deep.equal([
      ['Upper respiratory infection', formatDate(daysBefore(11)), 'Active'],
      [
        'Urinary tract infection',
        formatDate(daysBefore(150)),
        `Resolved ${formatDate(daysBefore(140))}`,
      ],
      [
        'Community acquired pneumonia',
        formatDate(daysBefore(341)),
        `Resolved ${formatDate(daysBefore(320))}`,
      ],
    ]);
    expect(shadow(el).querySelector('table')!.getAttribute('aria-labelledby')).to.equal('heading');
  });

  it('GP Connect has no separate diagnosis list: "No diagnoses to show", never "recorded", and the disclosure says why', async () => {
    const session = createCareRecordSession({
      source: gpConnectSource({ baseUrl: '/fhir/gpconnect' }),
      viewer: TEST_VIEWER,
      audit: { record: () => undefined },
      policy: { agreement: ['RX1'] },
    });
    // Asthma, a problem, and nothing coded as an encounter diagnosis.
    await viewPatient(session, SANDBOX_PATIENTS.noKnownAllergies, { decision: 'granted' });
    const el = await shown<DcrDiagnosisList>(spec, session);
    expect(text(shadow(el).querySelector('[part="empty"]'))).to.equal('No diagnoses to show.');
    expect(text(shadow(el).querySelector('[part="disclosure"]'))).to.contain(
      'GP Connect has no separate diagnosis list: diagnoses appear as problems.',
    );
  });
});
