import { sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, html } from '@open-wc/testing';
import { problemViews } from '@dcr-elements/core';
import type { CareRecordSession, ProblemsSection } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import {
  describeSectionElement,
  shadow,
  shown,
  text,
  type SectionElementSpec,
} from '../../../../test/support/section-element.js';
import { formatDate } from '../shared/format.js';
import { examples } from './problem-list.examples.js';
import type { DcrProblemList } from './problem-list.js';
import '../define/dcr-problem-list.js';

const spec: SectionElementSpec = {
  section: 'problems',
  label: 'Problems',
  render: (session?: CareRecordSession) =>
    html`<dcr-problem-list .session=${session}></dcr-problem-list>`,
  path: '/Condition',
  emptyText: 'No problems recorded.',
  examples,
};

/** The problems value the element was given, read from the same session. */
function readyValue(session: CareRecordSession): Promise<ProblemsSection> {
  return new Promise((resolve) => {
    const off = session.subscribe('problems', (snapshot) => {
      if (snapshot.status !== 'ready') return;
      resolve(snapshot.value);
      queueMicrotask(() => off());
    });
  });
}

/** Each group's heading and its rows as read: the term cell, then the other cells. */
function groupsOf(el: DcrProblemList) {
  return [...shadow(el).querySelectorAll('[part="group"]')].map((group) => ({
    heading: text(group.querySelector('h3')),
    columns: [...group.querySelectorAll('thead th')].map(text),
    rows: [...group.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map(text),
    ),
  }));
}

describe('dcr-problem-list', () => {
  describeSectionElement(spec);

  it('ready: reads the sandbox over HTTP and groups as the HTML view does, newest onset first, with links', async () => {
    const { session, network } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown<DcrProblemList>(spec, session);
    const value = await readyValue(session);
    expect(network.requests.some((r) => r.url.includes('/fhir/r4/Condition?'))).to.equal(true);

    const [active, significantPast, minorPast] = groupsOf(el);
    const views = problemViews(value);
    expect(active!.heading).to.equal(`Active problems (${views.active.length})`);
    expect(active!.columns).to.deep.equal(['Problem', 'Significance', 'Onset', 'Linked to']);
    expect(active!.rows.map((r) => r[0])).to.deep.equal([
      'Heart failure',
      'Chronic kidney disease stage 3',
      'Atrial fibrillation',
      'Type 2 diabetes mellitus',
      'Essential hypertension',
    ]);
    expect(active!.rows[0]).to.deep.equal([
      'Heart failure',
      'Major',
      formatDate('2021-09-01'),
      'Atrial fibrillation',
    ]);
    expect(active!.rows[2]![3]).to.equal('Heart failure');
    expect(active!.rows[1]![3]).to.equal('None');

    expect(significantPast!.heading).to.equal('Significant past problems (2)');
    expect(significantPast!.columns).to.deep.equal(['Problem', 'Onset', 'Ended']);
    expect(significantPast!.rows).to.deep.equal([
      ['Osteoarthritis of knee', '14-Mar-2016', '01-Feb-2017'],
      // Sent with no category and no significance: a problem, and never filed as minor.
      ['Fracture of bone Significance not recorded', '15-Aug-2011', '20-Oct-2011'],
    ]);

    expect(minorPast!.heading).to.equal('Minor past problems (2)');
    expect(minorPast!.rows).to.deep.equal([
      ['Postviral cough', '28-Mar-2019', '02-May-2019', 'Upper respiratory infection'],
      ['Upper respiratory infection', '01-Mar-2019', '20-Mar-2019', 'Postviral cough'],
    ]);
    expect(text(shadow(el).querySelector('[part="disclosure"]'))).to.match(
      /may be incomplete.*As of \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d/,
    );
  });

  it('a group with no problems says so in its place', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.noKnownAllergies, { decision: 'granted' });
    const el = await shown<DcrProblemList>(spec, session);
    const groups = groupsOf(el);
    expect(groups.map((g) => g.heading)).to.deep.equal([
      'Active problems (1)',
      'Significant past problems (0)',
      'Minor past problems (0)',
    ]);
    expect(
      [...shadow(el).querySelectorAll('[part="group"] [part="empty"]')].map(text),
    ).to.deep.equal(['No significant past problems recorded.', 'No minor past problems recorded.']);
  });
});
