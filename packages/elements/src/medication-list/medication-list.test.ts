import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createCareRecordSession, medicationViews, staticSource } from '@dcr-elements/core';
import type { CareRecordSession, MedicationsSection } from '@dcr-elements/core';
import { amoxicillin500mgCapsules, furosemide40mgTablets } from '../../../sandbox/src/codes.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrEntrySelectEvent } from '../events.js';
import { exampleSession } from '../shared/example-sessions.js';
import { examples } from './medication-list.examples.js';
import { formatQuantity } from './medication-query.js';
import type { DcrMedicationList } from './medication-list.js';
import '../define/dcr-medication-list.js';
import { defineOnce } from '../define/define-once.js';
import { formatDate } from '../shared/format.js';
import { DcrSession } from '../session/dcr-session.js';

defineOnce('dcr-session', DcrSession);

const WAIT = { timeout: 10_000 };
const typical = SANDBOX_PATIENTS.typical;

function root(el: DcrMedicationList): ShadowRoot {
  return el.shadowRoot!;
}

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element shows something other than its loading skeleton. */
async function settled(el: DcrMedicationList): Promise<void> {
  await waitUntil(
    () => !root(el).querySelector('[part="message"] .skeleton'),
    'medication list still loading',
    WAIT,
  );
  await el.updateComplete;
}

/** Medication names in the order shown. */
function names(el: DcrMedicationList): string[] {
  return [...root(el).querySelectorAll('[part="expand"]')].map((b) => text(b));
}

/** Each group heading as shown, with the names under it, in order. */
function groupsShown(el: DcrMedicationList): { heading: string; names: string[] }[] {
  const groups: { heading: string; names: string[] }[] = [];
  for (const body of root(el).querySelectorAll('[part="table"] > tbody')) {
    const heading = body.querySelector('[part="group"]');
    if (heading) groups.push({ heading: text(heading), names: [] });
    else groups.at(-1)!.names.push(text(body.querySelector('[part="expand"]')));
  }
  return groups;
}

function rowOf(el: DcrMedicationList, name: string): HTMLTableRowElement {
  const button = [...root(el).querySelectorAll('[part="expand"]')].find((b) => text(b) === name);
  if (!button) throw new Error(`no row for ${name}`);
  return button.closest('tr')!;
}

async function ready(session: CareRecordSession): Promise<DcrMedicationList> {
  const el = await fixture<DcrMedicationList>(
    html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
  );
  await waitUntil(
    () => root(el).querySelector('table, [part="empty"]'),
    'medications not shown',
    WAIT,
  );
  return el;
}

async function typicalList(): Promise<{
  el: DcrMedicationList;
  session: CareRecordSession;
  value: MedicationsSection;
  audit: { action: string; sections?: string[] }[];
}> {
  const { session, audit } = sandboxSession();
  await viewPatient(session, typical, { decision: 'granted' });
  const el = await ready(session);
  const value = await readyValue(session);
  return { el, session, value, audit };
}

/**
 * The medications value the element was given. (Not `session.section()`: it throws when the value
 * is already held, reported to core.)
 */
function readyValue(session: CareRecordSession): Promise<MedicationsSection> {
  return new Promise((resolve) => {
    let done = false;
    const off = session.subscribe('medications', (snapshot) => {
      if (snapshot.status !== 'ready' || done) return;
      done = true;
      resolve(snapshot.value);
      queueMicrotask(() => off());
    });
  });
}

/** Tabs until the focused element inside the list satisfies `match` (at most 30 presses). */
async function tabTo(el: DcrMedicationList, match: (active: Element) => boolean): Promise<Element> {
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement;
    if (active && match(active)) return active;
  }
  throw new Error('control not reachable by Tab');
}

/**
 * A record in hand (synthetic UK Core resources) read on a fixed day: an amoxicillin course
 * issued four months ago (no longer current, still "recent acute" in the GP Connect HTML view)
 * and a furosemide repeat still active at the practice but last issued in January 2010.
 */
function groupedRecordSession(): CareRecordSession {
  const subject = { reference: 'Patient/p1' };
  const order = (id: string, code: object, start: string, extra: object = {}) => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'completed',
    intent: 'order',
    subject,
    medicationCodeableConcept: { coding: [code] },
    authoredOn: start,
    dispenseRequest: { validityPeriod: { start }, quantity: { value: 21, unit: 'capsule' } },
    ...extra,
  });
  const resources = [
    {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
      name: [{ family: 'Groupson', given: ['Ada'] }],
      birthDate: '1950-01-02',
    },
    order('amox', amoxicillin500mgCapsules, '2026-07-20'),
    {
      resourceType: 'MedicationRequest',
      id: 'furo',
      status: 'active',
      intent: 'plan',
      subject,
      courseOfTherapyType: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy',
            code: 'continuous',
          },
        ],
      },
      medicationCodeableConcept: { coding: [furosemide40mgTablets] },
      authoredOn: '2009-06-01',
      dispenseRequest: { expectedSupplyDuration: { value: 28, unit: 'day', code: 'd' } },
    },
    order('furo-1', furosemide40mgTablets, '2010-01-14', {
      basedOn: [{ reference: 'MedicationRequest/furo' }],
    }),
  ];
  const session = createCareRecordSession({
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
    clock: () => new Date('2026-11-26T10:00:00Z'),
  });
  return session;
}

describe('dcr-medication-list', () => {
  it('groups as the GP Connect HTML view: a recent antibiotic is shown by default, a stale repeat says so', async () => {
    const session = groupedRecordSession();
    await viewPatient(
      session,
      { nhsNumber: '9434765919', family: 'Groupson', given: 'Ada', birthDate: '1950-01-02' },
      { decision: 'granted' },
    );
    const el = await ready(session);
    const value = await readyValue(session);
    const amoxicillin = value.entries.find((m) => m.name === amoxicillin500mgCapsules.display);
    // The core calls the course finished (issued more than 28 days ago) ...
    expect(amoxicillin?.current).to.equal(false);
    // ... yet the default view still lists it, as "Recent Acute Medication" would, under the
    // GP Connect HTML view's group headings, current repeats first.
    expect(groupsShown(el)).to.deep.equal([
      { heading: 'Current repeats (1)', names: [furosemide40mgTablets.display] },
      {
        heading: 'Acute medication in the last 12 months (1)',
        names: [amoxicillin500mgCapsules.display],
      },
    ]);
    expect(
      [...root(el).querySelectorAll('[part="group"] [role="heading"]')].map((h) =>
        h.getAttribute('aria-level'),
      ),
    ).to.deep.equal(['3', '3']);
    const furosemide = rowOf(el, furosemide40mgTablets.display);
    expect(text(furosemide.querySelector('[part="not-issued"]'))).to.equal(
      `Not issued since ${formatDate('2010-01-14')}`,
    );
    expect(
      rowOf(el, amoxicillin500mgCapsules.display).querySelector('[part="not-issued"]'),
    ).to.equal(null);
    el.view = 'past';
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
  });

  describeAccessibility<DcrMedicationList>(examples, (el, example) =>
    example.name === 'Loading'
      ? waitUntil(() => root(el).querySelector('[role="status"] .skeleton'), 'no skeleton', WAIT)
      : settled(el),
  );

  describe('says what each session state means', () => {
    it('ready: lists current medication with dose, quantity, dates and issue count', async () => {
      const { el, value } = await typicalList();
      // The default view is the core's grouping (current repeats, acutes of the last 12 months).
      const current = medicationViews(value, new Date().toISOString()).current;
      expect(names(el)).to.have.length(current.length);
      expect(text(root(el).querySelector('[part="summary"]'))).to.equal(
        `Showing ${current.length} current medications, sorted by name (a to z).`,
      );
      const headers = [...root(el).querySelectorAll('thead th')].map((th) => text(th));
      expect(headers).to.deep.equal([
        'Medication',
        'Type',
        'Dose',
        'Quantity',
        'Started',
        'Last issued',
        'Issues',
      ]);
      const furosemide = rowOf(el, 'Furosemide 40mg tablets');
      expect([...furosemide.querySelectorAll('td')].map((td) => text(td))).to.deep.include.members([
        'Repeat',
        'One tablet each morning',
        '56 tablets',
      ]);
      // Current repeats, then acutes of the last 12 months (the recent antibiotic among them),
      // each sorted A to Z; the past apixaban is not among the current ones.
      const groups = groupsShown(el);
      expect(groups.map((g) => g.heading)).to.deep.equal([
        'Current repeats (7)',
        'Acute medication in the last 12 months (3)',
      ]);
      for (const g of groups)
        expect(g.names).to.deep.equal([...g.names].sort((a, b) => a.localeCompare(b)));
      expect(groups[1]!.names).to.include('Doxycycline 100mg capsules');
      expect(names(el)).not.to.include('Apixaban 5mg tablets');
      expect(text(root(el).querySelector('[part="disclosure"]'))).to.match(
        /may be incomplete.*As of \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d, from GP practice Y12345\./,
      );
    });

    it('ready with nothing recorded: says "No medications recorded", never blank', async () => {
      const { session } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.nothingRecorded, { decision: 'granted' });
      const el = await ready(session);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal('No medications recorded');
      expect(root(el).querySelector('table')).to.equal(null);
      expect(text(root(el).querySelector('[part="disclosure"]'))).to.contain('may be incomplete');
    });

    it('loading: a status saying medications are loading', async () => {
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${exampleSession('loading')}></dcr-medication-list>`,
      );
      await waitUntil(
        () => root(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Loading medications');
    });

    it('section failed (partial): an alert that does not claim nothing is recorded, with a retry', async () => {
      const session = exampleSession('granted', { failPath: '/MedicationRequest' });
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('Medications could not be loaded');
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      expect(alert.querySelector('button')!.textContent).to.equal('Try again');
    });

    it('unavailable: an alert that the GP record could not be reached', async () => {
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${exampleSession('unavailable')}></dcr-medication-list>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      expect(text(root(el).querySelector('[role="alert"]'))).to.contain('GP record unavailable');
      expect(root(el).querySelector('table')).to.equal(null);
    });

    it('unavailable: "Try again" checks the record again', async () => {
      const session = exampleSession('unavailable');
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no retry', WAIT);
      const retry = root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!;
      expect(text(retry)).to.equal('Try again');
      retry.click();
      // The whole check restarts for the same patient (the earlier grant went with the failure).
      expect(session.state).to.equal('loading');
    });

    it('source dissent: says the record is not shared, and shows nothing', async () => {
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${exampleSession('source-dissent')}></dcr-medication-list>`,
      );
      await waitUntil(
        () => text(root(el).querySelector('[part="message"]')).includes('GP record not shared'),
        'no message',
        WAIT,
      );
      expect(root(el).querySelector('table')).to.equal(null);
    });

    it('awaiting consent: a status asking for consent, nothing fetched', async () => {
      const { session, network } = sandboxSession();
      await viewPatient(session, typical);
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.contain(
        'Waiting for consent to view',
      );
      expect(network.requests).to.have.length(0);
    });

    it('consent declined, not permitted, no agreement, not found, ended: each says so, in its one style', async () => {
      const cases = [
        ['consent-declined', 'Consent to view declined', 'calm'],
        ['not-permitted', 'You cannot view GP records', 'attention'],
        ['no-agreement', 'No sharing agreement', 'attention'],
        ['not-found', 'No GP record found', 'attention'],
        ['ended', 'Viewing ended', 'calm'],
      ] as const;
      for (const [state, title, tone] of cases) {
        const session = exampleSession(state);
        const el = await fixture<DcrMedicationList>(
          html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
        );
        await sessionReaches(session, state);
        await el.updateComplete;
        const message = root(el).querySelector('[part="message"]')!;
        expect(text(message), state).to.contain(title);
        expect(message.classList.contains(`tone-${tone}`), state).to.equal(true);
        // Normal states and refusals are not alarms: only failures are announced as alerts.
        expect(message.getAttribute('role'), state).to.equal('status');
      }
    });

    it('without a session: a neutral message, and a console warning for the developer', async () => {
      const warnings = expectDeveloperWarnings();
      const el = await fixture<DcrMedicationList>(
        html`<dcr-medication-list></dcr-medication-list>`,
      );
      const message = root(el).querySelector('[part="message"]')!;
      expect(text(message)).to.equal(
        'GP record not available here This part of the page is not connected to the GP record. If this continues, tell your IT service desk.',
      );
      expect(message.getAttribute('role')).to.equal('status');
      expect(warnings).to.deep.equal([
        'dcr-elements: <dcr-medication-list> has no care record session. Put it inside <dcr-session> or <dcr-consent-gate>, or set its .session property.',
      ]);
    });
  });

  it('Done when: warfarin is marked high-risk with its last issue date; expanding shows all 13 issues in date order', async () => {
    const { el, value } = await typicalList();
    const warfarin = value.entries.find((m) => m.name === 'Warfarin 3mg tablets')!;
    expect(warfarin.highRisk).to.equal(true);
    expect(warfarin.issues).to.have.length(13);
    const row = rowOf(el, 'Warfarin 3mg tablets');
    // Marked in words and with an icon, not by colour alone.
    expect(text(row.querySelector('[part="high-risk"]'))).to.equal('High-risk: anticoagulant');
    expect(row.querySelector('[part="high-risk"] svg')).to.exist;
    const lastIssuedCell = row.querySelectorAll('td')[4]!;
    expect(lastIssuedCell.innerText.replace(/\s+/g, ' ')).to.equal(
      `${formatDate(warfarin.lastIssued!.date)} 56 tablets`,
    );
    // Started in 2015; the record holds only the last year's issues, and says so.
    const earliest = formatDate(warfarin.issues[0]!.date);
    expect(text(row.querySelectorAll('td')[5]!)).to.equal(`13 since ${earliest}`);
    // Furosemide is not high-risk, and carries no marker.
    expect(rowOf(el, 'Furosemide 40mg tablets').querySelector('[part="high-risk"]')).to.equal(null);

    const button = row.querySelector<HTMLButtonElement>('[part="expand"]')!;
    const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
    const selected = oneEvent(el, 'dcr-entry-select') as Promise<DcrEntrySelectEvent>;
    button.click();
    const event = await selected;
    expect(event.detail).to.deep.equal({ section: 'medications', id: warfarin.id, expanded: true });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    const issues = panel.querySelector('[part="issues"]')!;
    expect(text(issues.querySelector('caption'))).to.equal(
      `Issues of Warfarin 3mg tablets: 13 in the record, newest first Started 20-Mar-2015; the record holds issues from ${earliest}.`,
    );
    const shownDates = [...issues.querySelectorAll('tbody tr td:first-child')].map((td) =>
      text(td),
    );
    const expected = [...warfarin.issues].reverse().map((issue) => formatDate(issue.date));
    expect(shownDates).to.deep.equal(expected);
    // Strictly newest first, and the gaps between issues are shown (the oldest has none).
    const isoShown = [...warfarin.issues]
      .map((i) => i.date)
      .sort()
      .reverse();
    expect(isoShown).to.deep.equal([...warfarin.issues].reverse().map((i) => i.date));
    const gaps = [...issues.querySelectorAll('tbody tr td:last-child')].map((td) => text(td));
    // Not "First issue": the warfarin was started years before the oldest issue the record holds.
    expect(gaps.at(-1)).to.equal('Earliest in the record');
    expect(gaps.slice(0, -1).every((g) => Number(g) >= 25 && Number(g) <= 31)).to.equal(true);
    expect(
      [...issues.querySelectorAll('tbody tr td:nth-child(2)')].every(
        (td) => text(td) === '56 tablets',
      ),
    ).to.equal(true);
  });

  it('shows a stopped medicine as past: greyed, "Stopped" and its date beside the name, the high-risk marker subdued but still said', async () => {
    const { el } = await typicalList();
    el.view = 'past';
    await el.updateComplete;
    expect(groupsShown(el)).to.deep.equal([
      { heading: 'Stopped and discontinued repeats (1)', names: ['Apixaban 5mg tablets'] },
    ]);
    let apixaban = rowOf(el, 'Apixaban 5mg tablets');
    expect(apixaban.classList.contains('past')).to.equal(true);
    expect(text(apixaban.querySelector('th'))).to.equal(
      'Apixaban 5mg tablets Stopped 20-Mar-2015 Reason: Drug therapy discontinued High-risk: anticoagulant',
    );
    el.view = 'all';
    el.style.width = '1100px'; // the table layout (below 50rem each medicine is a card)
    await el.updateComplete;
    const warfarin = rowOf(el, 'Warfarin 3mg tablets');
    apixaban = rowOf(el, 'Apixaban 5mg tablets');
    expect(warfarin.querySelector('[part="past-status"]')).to.equal(null);
    // Greyed against the current warfarin; its marker loses the red, keeps the words.
    const look = (row: Element, selector: string) => getComputedStyle(row.querySelector(selector)!);
    expect(look(apixaban, 'td').color).not.to.equal(look(warfarin, 'td').color);
    expect(look(apixaban, 'td').color).to.equal(
      getComputedStyle(root(el).querySelector('.summary')!).color,
    );
    expect(look(apixaban, '[part="high-risk"]').borderTopColor).not.to.equal(
      look(warfarin, '[part="high-risk"]').borderTopColor,
    );
    expect(getComputedStyle(warfarin.querySelector('th')!).boxShadow).to.contain('inset');
    expect(getComputedStyle(apixaban.querySelector('th')!).boxShadow).to.equal('none');
  });

  it('writes quantities with their units as a clinician says them', () => {
    expect(formatQuantity({ value: 56, unit: 'tablet' })).to.equal('56 tablets');
    expect(formatQuantity({ value: 1, unit: 'tablet' })).to.equal('1 tablet');
    expect(formatQuantity({ value: 5, unit: 'pre-filled disposable injection' })).to.equal(
      '5 pre-filled disposable injections',
    );
    expect(formatQuantity({ value: 12, unit: 'suppository' })).to.equal('12 suppositories');
    expect(formatQuantity({ value: 100, unit: 'ml' })).to.equal('100 ml');
    expect(formatQuantity({ value: 28, unit: 'capsules' })).to.equal('28 capsules');
    expect(formatQuantity({ value: 2 })).to.equal('2');
    expect(formatQuantity(undefined)).to.equal('Not known');
  });

  it('marks a transfer-degraded and an uncoded medicine, shown by the term as recorded', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.transferred, { decision: 'granted' });
    const el = await ready(session);
    const mark = (name: string) => text(rowOf(el, name).querySelector('[part="term-mark"]'));
    expect(mark('Bendroflumethiazide 2.5mg tablets')).to.equal(
      'Degraded in transfer: shown as recorded',
    );
    expect(mark('Flucloxacillin 500mg capsules')).to.equal('Uncoded: shown as recorded');
    // The recent antibiotic known only by its name is still in the default view.
    expect(groupsShown(el).map((g) => g.heading)).to.deep.equal([
      'Current repeats (1)',
      'Acute medication in the last 12 months (1)',
    ]);
    expect(text(root(el))).not.to.contain('Transfer-degraded medication entry');
  });

  it('stacks each medication at 390 px, every value named, nothing cut off', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, typical, { decision: 'granted' });
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><dcr-medication-list view="all" .session=${session}></dcr-medication-list></div>`,
    );
    const el = box.querySelector('dcr-medication-list')!;
    await waitUntil(() => root(el).querySelector('table'), 'not shown', WAIT);
    const wrap = root(el).querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth, 'no horizontal scrolling').to.be.at.most(wrap.clientWidth);
    const right = box.getBoundingClientRect().right;
    for (const cell of root(el).querySelectorAll<HTMLElement>('tr[part="row"] > *'))
      expect(cell.getBoundingClientRect().right, text(cell)).to.be.at.most(right + 0.5);
    const warfarin = rowOf(el, 'Warfarin 3mg tablets');
    expect(getComputedStyle(warfarin).display).to.equal('block');
    // Each value is shown beside its column's name (the header row itself is out of sight).
    const cells = [...warfarin.querySelectorAll<HTMLElement>('td')];
    const headers = [...root(el).querySelectorAll('thead th')].map((th) => text(th));
    expect(cells.map((td) => td.dataset.label)).to.deep.equal(headers.slice(1));
    for (const td of cells)
      expect(getComputedStyle(td, '::before').content, td.dataset.label).not.to.equal('none');
    expect(root(el).querySelector('thead')!.getBoundingClientRect().height).to.be.at.most(1);
    // Wide, the same element is a table again.
    box.style.width = '1000px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(getComputedStyle(warfarin).display).to.equal('table-row');
  });

  it('reads a fourteen-year medication history: apixaban current, the warfarin it replaced stopped', async function () {
    this.timeout(20_000);
    const { session } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.hugeTimeline, { decision: 'granted' });
    const el = await fixture<DcrMedicationList>(
      html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
    );
    await waitUntil(() => root(el).querySelector('table'), 'medications not shown', {
      timeout: 18_000,
    });
    const current = groupsShown(el);
    expect(current[0]!.names).to.include('Apixaban 5mg tablets');
    expect(names(el)).not.to.include('Warfarin 3mg tablets');
    el.view = 'past';
    await el.updateComplete;
    expect(text(rowOf(el, 'Warfarin 3mg tablets').querySelector('[part="past-status"]'))).to.match(
      /^Stopped \d\d-[A-Z][a-z]{2}-\d{4}$/,
    );
    expect(
      groupsShown(el).find((g) => g.heading.startsWith('Older acute'))!.names.length,
    ).to.be.greaterThan(40);
  });

  it('says how many entries could not be shown when the record sent some it could not read', async () => {
    const { session } = sandboxSession({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!input.includes('/MedicationRequest')) return response;
        const bundle = (await response.json()) as fhir4.Bundle;
        // An issue whose authorisation is not in the record: counted, never shown alone.
        bundle.entry = [
          ...(bundle.entry ?? []),
          {
            resource: {
              resourceType: 'MedicationRequest',
              id: 'test-orphan-issue',
              status: 'completed',
              intent: 'order',
              subject: { reference: `Patient/${typical.id}` },
              medicationCodeableConcept: { coding: [furosemide40mgTablets] },
              basedOn: [{ reference: 'MedicationRequest/not-in-the-record' }],
              dispenseRequest: { validityPeriod: { start: '2026-10-01' } },
            } as fhir4.MedicationRequest,
            search: { mode: 'match' },
          },
        ];
        return new Response(JSON.stringify(bundle), {
          headers: { 'content-type': 'application/fhir+json' },
        });
      },
    });
    await viewPatient(session, typical, { decision: 'granted' });
    const el = await ready(session);
    expect(text(root(el).querySelector('[part="disclosure"] .not-shown'))).to.equal(
      '1 entry could not be shown: it could not be read.',
    );
  });

  it('sorts by last issued and by start date (newest first) within each group, and filters by type and name', async () => {
    const { el, value } = await typicalList();
    el.view = 'all';
    el.sort = 'last-issued';
    await el.updateComplete;
    const byName = new Map(value.entries.map((m) => [m.name, m]));
    const groups = groupsShown(el);
    expect(groups.map((g) => g.heading.replace(/ \(\d+\)$/, ''))).to.deep.equal([
      'Current repeats',
      'Acute medication in the last 12 months',
      'Stopped and discontinued repeats',
    ]);
    for (const g of groups) {
      const issued = g.names.map((n) => byName.get(n)!.lastIssued?.date ?? '');
      expect(issued).to.deep.equal([...issued].sort().reverse());
    }
    el.sort = 'started';
    await el.updateComplete;
    for (const g of groupsShown(el)) {
      const started = g.names.map((n) => byName.get(n)!.started ?? '');
      expect(started).to.deep.equal([...started].sort().reverse());
    }
    el.kind = 'acute';
    await el.updateComplete;
    expect(names(el).sort()).to.deep.equal(
      value.entries
        .filter((m) => m.kind === 'acute')
        .map((m) => m.name)
        .sort(),
    );
    el.kind = 'repeat';
    el.filter = 'WARF';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Warfarin 1mg tablets', 'Warfarin 3mg tablets']);
    expect(text(root(el).querySelector('[part="summary"]'))).to.match(
      /^Showing 2 of \d+ medications/,
    );
    el.filter = 'nothing like this';
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
      'No medications match the type and name filters.',
    );
  });

  it('ignores attribute values it does not know, keeping safe defaults', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, typical, { decision: 'granted' });
    const el = await fixture<DcrMedicationList>(
      html`<dcr-medication-list view="everything" sort="colour" kind="injections" .session=${session}></dcr-medication-list>`,
    );
    await waitUntil(() => root(el).querySelector('table'), 'not shown', WAIT);
    expect(text(root(el).querySelector('[part="summary"]'))).to.match(
      /current medications, sorted by name/,
    );
  });

  it('works inside <dcr-session>, and records that medications were shown', async () => {
    const { session, audit } = sandboxSession();
    await viewPatient(session, typical, { decision: 'granted' });
    const wrapper = await fixture(
      html`<dcr-session .session=${session}><dcr-medication-list></dcr-medication-list></dcr-session>`,
    );
    const el = wrapper.querySelector('dcr-medication-list')!;
    await waitUntil(() => root(el).querySelector('table'), 'not shown', WAIT);
    await waitUntil(
      () => audit.some((r) => r.action === 'section-shown' && r.sections?.includes('medications')),
      'no section-shown audit',
      WAIT,
    );
    expect(
      audit.filter((r) => r.action === 'section-shown' && r.sections?.includes('medications')),
    ).to.have.length(1);
  });

  it('is keyboard-complete: view radios, type and sort selects, name filter, table region and expand buttons', async () => {
    const { el } = await typicalList();
    const radio = (await tabTo(el, (a) => a.matches('input[type="radio"]'))) as HTMLInputElement;
    expect(radio.value).to.equal('current');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('past');
    expect(names(el)).to.include('Apixaban 5mg tablets');
    expect(names(el)).not.to.include('Warfarin 3mg tablets');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('all');

    const kind = (await tabTo(el, (a) => a.matches('select'))) as HTMLSelectElement;
    expect(text(kind.closest('label')!.querySelector('span'))).to.equal('Type');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.kind).to.equal('repeat');

    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement!.closest('label')!.querySelector('span'))).to.equal(
      'Sort by',
    );
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.sort).to.equal('last-issued');

    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.matches('input[type="search"]')).to.equal(true);
    await sendKeys({ type: 'warfarin 3' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Warfarin 3mg tablets']);

    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.matches('[role="region"]')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    const button = root(el).activeElement as HTMLButtonElement;
    expect(button.getAttribute('part')).to.equal('expand');
    expect(text(button)).to.equal('Warfarin 3mg tablets');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).querySelectorAll('[part="issues"] tbody tr')).to.have.length(13);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('[part="issues"]')).to.equal(null);
  });

  it('retries a failed section from the keyboard', async () => {
    let failMedications = true;
    const { session } = sandboxSession({
      fetch: (input, init) =>
        failMedications && input.includes('/MedicationRequest')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : fetch(input, init),
    });
    await viewPatient(session, typical, { decision: 'granted' });
    const el = await fixture<DcrMedicationList>(
      html`<dcr-medication-list .session=${session}></dcr-medication-list>`,
    );
    await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no retry', WAIT);
    failMedications = false;
    const retry = await tabTo(el, (a) => a.textContent === 'Try again');
    expect(retry.tagName).to.equal('BUTTON');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('table'), 'retry did not load medications', WAIT);
    expect(names(el)).to.include('Warfarin 3mg tablets');
  });
});
