import {
  describeAccessibility,
  expectDeveloperWarnings,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createCareRecordSession, fhirR4Source, staticSource } from '@dcr-elements/core';
import type { CareRecordSession } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { exampleSession, type ExampleState } from '../shared/example-sessions.js';
import { formatDate } from '../shared/format.js';
import { examples } from './risks-warnings.examples.js';
import type { DcrRisksWarnings } from './risks-warnings.js';
import '../define/dcr-risks-warnings.js';

const WAIT = { timeout: 10_000 };
const root = (el: DcrRisksWarnings) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the element shows something other than its loading skeleton. */
async function settled(el: DcrRisksWarnings): Promise<void> {
  await waitUntil(
    () =>
      !root(el).querySelector('[part="message"] .skeleton') &&
      root(el).querySelector('[part="list"], [part="empty"], [part="message"]'),
    'risks and warnings still loading',
    WAIT,
  );
  await el.updateComplete;
}

async function shown(session: CareRecordSession): Promise<DcrRisksWarnings> {
  const el = await fixture<DcrRisksWarnings>(
    html`<dcr-risks-warnings .session=${session}></dcr-risks-warnings>`,
  );
  await settled(el);
  return el;
}

/** Each warning as the clinician reads it: category, term, date line, origin. */
function warnings(el: DcrRisksWarnings, part = 'list'): string[][] {
  return [...root(el).querySelectorAll(`[part="${part}"] [part="warning"]`)].map((li) => [
    text(li.querySelector('[part="kind"]')),
    text(li.querySelector('.term')),
    text(li.querySelector('.when')),
    text(li.querySelector('[part="origin"]')),
  ]);
}

/**
 * A record in hand: a DNACPR decision later replaced by a "for CPR" decision, and a child
 * protection plan later ended by its removal code (codes from core's warning-codes.ts).
 */
function endedRecordSession(): CareRecordSession {
  const SCT = 'http://snomed.info/sct';
  const subject = { reference: 'Patient/p1' };
  const finding = (id: string, code: string, display: string, date: string) => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: SCT, code, display }] },
    subject,
    effectiveDateTime: date,
  });
  const resources = [
    {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
      name: [{ family: 'Endson', given: ['Ada'] }],
      birthDate: '1950-01-02',
    },
    finding('dnacpr', '450476008', 'Not for cardiopulmonary resuscitation', '2021-04-01'),
    finding('cpr', '450475007', 'For cardiopulmonary resuscitation', '2024-09-12'),
    finding('plan', '342191000000101', 'Subject to child protection plan', '2019-01-10'),
    finding(
      'plan-ended',
      '342891000000105',
      'No longer subject to child protection plan',
      '2020-06-30',
    ),
  ];
  return createCareRecordSession({
    source: staticSource(resources, { normalise: { today: '2026-11-26' } }),
    viewer: {
      userId: 'u',
      name: 'Dr Test',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    },
    audit: { record: () => undefined },
    policy: { agreement: ['RX1'] },
  });
}

async function endedRecord(showEnded = false): Promise<DcrRisksWarnings> {
  const session = endedRecordSession();
  await viewPatient(
    session,
    { nhsNumber: '9434765919', family: 'Endson', given: 'Ada', birthDate: '1950-01-02' },
    { decision: 'granted' },
  );
  const el = await fixture<DcrRisksWarnings>(
    showEnded
      ? html`<dcr-risks-warnings show-ended .session=${session}></dcr-risks-warnings>`
      : html`<dcr-risks-warnings .session=${session}></dcr-risks-warnings>`,
  );
  await settled(el);
  return el;
}

describe('dcr-risks-warnings', function () {
  this.timeout(30_000);

  describeAccessibility<DcrRisksWarnings>(examples, (el, example) =>
    example.name === 'Loading'
      ? waitUntil(() => root(el).querySelector('[role="status"] .skeleton'), 'no skeleton', WAIT)
      : settled(el),
  );

  describe('says what each session state means', () => {
    it('GP Connect over HTTP: the palliative patient’s register and DNACPR decision come first, derived from coded entries', async () => {
      const el = await shown(
        exampleSession('granted', { patient: 'palliative', source: 'gp-connect' }),
      );
      const rows = warnings(el);
      expect(rows.map((r) => r.slice(0, 2))).to.deep.equal([
        ['Palliative care / end of life', 'Has end of life care plan'],
        ['Palliative care / end of life', 'On palliative care register'],
        ['Resuscitation decision', 'Not for cardiopulmonary resuscitation'],
      ]);
      expect(rows[2]![3]).to.equal('Derived from a coded entry in the GP record');
      expect(rows[1]![3]).to.equal('Derived from a coded problem in the GP record');
      expect(rows[2]![2]).to.match(/^Date \d{2}-[A-Z][a-z]{2}-\d{4}$/);
      // Palliative care and resuscitation are marked as the priority, every one of them.
      expect(root(el).querySelectorAll('[part="list"] .priority')).to.have.length(3);
      expect(text(root(el).querySelector('[part="basis"]'))).to.equal(
        'GP Connect has no warnings list: these are derived from the GP record’s coded entries only. A warning recorded another way is not shown.',
      );
      // Said once, above: the source's own derived notice is not repeated in the footer.
      expect(text(root(el).querySelector('[part="disclosure"]'))).not.to.contain('cannot supply');
    });

    it('FHIR R4 over HTTP: the same palliative patient reads the same', async () => {
      const el = await shown(exampleSession('granted', { patient: 'palliative' }));
      expect(warnings(el).map((r) => r[1])).to.deep.equal([
        'Has end of life care plan',
        'On palliative care register',
        'Not for cardiopulmonary resuscitation',
      ]);
    });

    it('safeguarding (R4): a Flag says it was recorded by the source, a coded problem that it was derived', async () => {
      const el = await shown(exampleSession('granted', { patient: 'safeguarding' }));
      expect(warnings(el).map((r) => [r[0], r[1], r[3]])).to.deep.equal([
        [
          'Safeguarding',
          'Subject to child protection plan',
          'Derived from a coded problem in the GP record',
        ],
        ['Safeguarding', 'Child is cause for safeguarding concern', 'Flag recorded by the source'],
      ]);
      expect(root(el).querySelectorAll('.priority')).to.have.length(0);
      expect(text(root(el).querySelector('[part="basis"]'))).to.contain(
        'Flags recorded by the source, and warnings derived',
      );
    });

    it('none found: says so plainly, and that GP Connect has no warnings list', async () => {
      const el = await shown(
        exampleSession('granted', { patient: 'noKnownAllergies', source: 'gp-connect' }),
      );
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
        'No risks or warnings found in the coded record.',
      );
      expect(text(root(el).querySelector('[part="basis"]'))).to.contain(
        'GP Connect has no warnings list',
      );
      expect(root(el).querySelector('[part="list"]')).to.equal(null);
    });

    it('loading: a status, never an empty list', async () => {
      const el = await fixture<DcrRisksWarnings>(
        html`<dcr-risks-warnings .session=${exampleSession('loading')}></dcr-risks-warnings>`,
      );
      await waitUntil(
        () => root(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal(
        'Loading risks and warnings',
      );
      expect(root(el).querySelector('[part="empty"]')).to.equal(null);
    });

    it('could not be loaded: an alert that does not read as "none", with a retry', async () => {
      const el = await shown(exampleSession('granted', { failPath: '/Flag' }));
      const alert = root(el).querySelector('[role="alert"]');
      expect(text(alert)).to.contain('Risks and warnings could not be loaded');
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      expect(alert?.querySelector('button')?.textContent).to.equal('Try again');
    });

    it('no session: a neutral message, and a console warning for the developer', async () => {
      const developer = expectDeveloperWarnings();
      const el = await fixture<DcrRisksWarnings>(html`<dcr-risks-warnings></dcr-risks-warnings>`);
      expect(text(root(el).querySelector('[role="status"]'))).to.contain(
        'GP record not available here',
      );
      expect(developer).to.have.length(1);
    });

    // One style per state: failures are alerts; refusals and normal outcomes a status.
    const refusals: [ExampleState, string, string][] = [
      ['not-permitted', '[role="status"]', 'You cannot view GP records'],
      ['no-agreement', '[role="status"]', 'No sharing agreement'],
      ['consent-declined', '[role="status"]', 'Consent to view declined'],
      ['source-dissent', '[role="status"]', 'GP record not shared'],
      ['not-found', '[role="status"]', 'No GP record found'],
      ['identity-mismatch', '[role="alert"]', 'Record does not match this patient'],
      ['unavailable', '[role="alert"]', 'GP record unavailable'],
      ['ended', '[role="status"]', 'Viewing ended'],
      ['awaiting-consent', '[role="status"]', 'Waiting for consent to view'],
    ];
    for (const [state, role, title] of refusals) {
      it(`${state}: "${title}", and no warnings`, async () => {
        const el = await fixture<DcrRisksWarnings>(
          html`<dcr-risks-warnings .session=${exampleSession(state)}></dcr-risks-warnings>`,
        );
        await waitUntil(
          () => text(root(el).querySelector(role)).includes(title),
          `${state} not shown`,
          WAIT,
        );
        expect(root(el).querySelector('[part="list"], [part="empty"]')).to.equal(null);
      });
    }

    it('override: the record is shown as with consent', async () => {
      const el = await shown(exampleSession('override', { patient: 'palliative' }));
      expect(warnings(el)).to.have.length(3);
    });
  });

  it('ended warnings are behind a toggle, with the date they ended; show-ended opens them', async () => {
    const el = await endedRecord();
    expect(warnings(el)).to.deep.equal([
      [
        'Resuscitation decision',
        'For cardiopulmonary resuscitation',
        `Date ${formatDate('2024-09-12')}`,
        'Derived from a coded entry in the GP record',
      ],
    ]);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(text(toggle)).to.equal('Show ended warnings (2)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('[part="ended"]')!.hasAttribute('hidden')).to.equal(true);

    const open = await endedRecord(true);
    expect(warnings(open, 'ended').map((r) => [r[1], r[2]])).to.deep.equal([
      [
        'Not for cardiopulmonary resuscitation',
        `Date ${formatDate('2021-04-01')} Ended ${formatDate('2024-09-12')}`,
      ],
      [
        'Subject to child protection plan',
        `Date ${formatDate('2019-01-10')} Ended ${formatDate('2020-06-30')}`,
      ],
    ]);
    // An ended DNACPR is not marked as a priority: the decision in force is.
    expect(root(open).querySelectorAll('[part="ended"] .priority')).to.have.length(0);
  });

  it('is keyboard-complete: the ended toggle opens and closes with Enter and Space', async () => {
    const el = await endedRecord();
    await sendKeys({ press: 'Tab' });
    const toggle = root(el).activeElement as HTMLButtonElement;
    expect(toggle.getAttribute('part')).to.equal('toggle');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide ended warnings (2)');
    expect(warnings(el, 'ended')).to.have.length(2);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(warnings(el, 'ended')).to.have.length(0);
  });

  it('is keyboard-complete: Try again is reached by Tab and fetches again', async () => {
    let fail = true;
    const session = createCareRecordSession({
      source: fhirR4Source({
        baseUrl: '/fhir/r4',
        retry: { retries: 0 },
        fetch: (input, init) =>
          fail && input.includes('/Flag')
            ? Promise.reject(new TypeError('offline'))
            : fetch(input, init),
      }),
      viewer: {
        userId: 'u',
        name: 'Dr Test',
        roles: ['R8000'],
        organisation: 'RX1',
        setting: 'emergency',
      },
      audit: { record: () => undefined },
      policy: { agreement: ['RX1'] },
    });
    await viewPatient(session, SANDBOX_PATIENTS.palliative, { decision: 'granted' });
    const el = await shown(session);
    expect(text(root(el).querySelector('[role="alert"]'))).to.contain('could not be loaded');
    fail = false;
    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement)).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[part="list"]'), 'no list after retry', WAIT);
    expect(warnings(el)).to.have.length(3);
  });
});
