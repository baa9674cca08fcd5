import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CareRecordSession, EventsSection } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { defineOnce } from '../define/define-once.js';
import { DcrSession } from '../session/dcr-session.js';
import { exampleSession } from '../shared/example-sessions.js';
import { formatDate } from '../shared/format.js';
import { virtualizerModule } from '../shared/lazy-virtualizer.js';
import { examples } from './events-timeline.examples.js';
import type { DcrEventsTimeline } from './events-timeline.js';
import '../define/dcr-events-timeline.js';

defineOnce('dcr-session', DcrSession);

const WAIT = { timeout: 10_000 };
/**
 * The sandbox's largest page: the huge timeline's 10,000 events in 11 requests rather than 101,
 * each of which waits its turn at the one test server behind the file running beside this one.
 */
const PAGE = { pageSize: 1000 };
const typical = SANDBOX_PATIENTS.typical;

const root = (el: DcrEventsTimeline): ShadowRoot => el.shadowRoot!;
const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The rows that exist in the DOM right now (date headers and events). */
const renderedRows = (el: DcrEventsTimeline) => [
  ...root(el).querySelectorAll<HTMLElement>('.scroller > [role="row"]'),
];

async function settled(el: DcrEventsTimeline): Promise<void> {
  await waitUntil(
    () => !root(el).querySelector('[part="message"] .skeleton'),
    'timeline still loading',
    WAIT,
  );
  await el.updateComplete;
  if (root(el).querySelector('[role="grid"]')) {
    await waitUntil(() => renderedRows(el).length > 0, 'virtualizer rendered no rows', WAIT);
  }
}

function readyValue(session: CareRecordSession): Promise<EventsSection> {
  return new Promise((resolve) => {
    let done = false;
    const off = session.subscribe('events', (snapshot) => {
      if (snapshot.status !== 'ready' || done) return;
      done = true;
      resolve(snapshot.value);
      queueMicrotask(() => off());
    });
  });
}

async function timelineFor(patient: (typeof SANDBOX_PATIENTS)[keyof typeof SANDBOX_PATIENTS]) {
  const { session, audit } = sandboxSession(PAGE);
  await viewPatient(session, patient, { decision: 'granted' });
  const el = await fixture<DcrEventsTimeline>(
    html`<dcr-events-timeline .session=${session}></dcr-events-timeline>`,
  );
  await waitUntil(
    () => root(el).querySelector('[role="grid"], [part="empty"]'),
    'events not shown',
    WAIT,
  );
  await settled(el);
  const value = await readyValue(session);
  return { el, session, value, audit };
}

/** What the focused element in the timeline is. */
const focused = (el: DcrEventsTimeline) => root(el).activeElement as HTMLElement | null;

describe('dcr-events-timeline', () => {
  describeAccessibility<DcrEventsTimeline>(examples, (el, example) =>
    example.name === 'Loading'
      ? waitUntil(() => root(el).querySelector('[role="status"] .skeleton'), 'no skeleton', WAIT)
      : settled(el),
  );

  describe('says what each session state means', () => {
    it('ready: events newest first, grouped under date headers, in a labelled grid', async () => {
      const { el, value } = await timelineFor(typical);
      const grid = root(el).querySelector('[role="grid"]')!;
      expect(grid.getAttribute('aria-label')).to.equal('Events, newest first, grouped by date');
      expect([...grid.querySelectorAll('[role="columnheader"]')].map(text)).to.deep.equal([
        'Kind',
        'Event',
        'Where and who',
      ]);
      expect(text(root(el).querySelector('[part="summary"]'))).to.equal(
        `Showing ${value.entries.length} events, newest first.`,
      );
      const rows = renderedRows(el);
      expect(rows[0]!.getAttribute('part')).to.equal('date-row');
      // Every event is shown under a header carrying its date, and the headers go back in time.
      const headers = rows
        .filter((r) => r.getAttribute('part') === 'date-row')
        .map((r) => text(r.querySelector('[role="rowheader"]')).split(' ')[0]!);
      const days = [...new Set(value.entries.map((e) => e.start!.slice(0, 10)))].sort().reverse();
      expect(headers).to.deep.equal(days.map((d) => formatDate(d)));
      expect(rows.filter((r) => r.getAttribute('part') === 'row')).to.have.length(
        value.entries.length,
      );
      // Each event: what kind (in a clinician's words), its term, and where and who; a finished
      // event needs no "Finished".
      const admission = rows.find((r) => r.classList.contains('admission'))!;
      const stay = value.entries.find((e) => e.kind === 'admission')!;
      expect(text(admission.querySelector('[part="kind"]'))).to.equal(
        `${formatDate(stay.start)}, Admission`,
      );
      expect(text(admission.querySelector('.event'))).to.equal(
        `Hospital admission Until ${formatDate(stay.end)}`,
      );
      expect(text(admission.querySelector('[part="where"]'))).to.equal(
        'Ward 7 (respiratory), Riverside University Hospitals (A&E) HUSSAIN, Imran (Dr)',
      );
      const attendance = rows.find((r) => r.classList.contains('emergency'))!;
      expect(text(attendance.querySelector('[part="kind"]'))).to.match(/, A&E attendance$/);
      expect(text(attendance.querySelector('[part="where"]'))).to.equal(
        'Emergency department, Riverside University Hospitals (A&E) OKAFOR, Grace (Dr)',
      );
      const gp = rows.find((r) => text(r.querySelector('.event')) === 'Telephone encounter')!;
      expect(text(gp.querySelector('[part="kind"]'))).to.match(/, Contact$/);
      expect(text(gp.querySelector('[part="where"]'))).to.equal(
        'Riverside Medical Practice BENNETT, Sarah (Dr)',
      );
      const referral = rows.find((r) => text(r).includes('Referral to cardiology service'))!;
      expect(text(referral.querySelector('.event'))).to.equal(
        'Referral to cardiology service Urgent In progress',
      );
      expect(text(referral.querySelector('[part="where"]'))).to.equal(
        'To Cardiology outpatients, Riverside University Hospitals From BENNETT, Sarah (Dr)',
      );
      expect(text(grid)).not.to.match(/Encounter|Finished/);
      expect(text(root(el).querySelector('[part="disclosure"]'))).to.match(
        /may be incomplete.*As of \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d/,
      );
    });

    it('ready with nothing recorded: says "No events recorded", never blank', async () => {
      const { el } = await timelineFor(SANDBOX_PATIENTS.nothingRecorded);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal('No events recorded');
      expect(root(el).querySelector('[role="grid"]')).to.equal(null);
    });

    it('loading: a status saying events are loading', async () => {
      const el = await fixture<DcrEventsTimeline>(
        html`<dcr-events-timeline .session=${exampleSession('loading')}></dcr-events-timeline>`,
      );
      await waitUntil(
        () => root(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Loading events');
    });

    it('section failed (partial): an alert that does not claim nothing is recorded, with a retry', async () => {
      const el = await fixture<DcrEventsTimeline>(
        html`<dcr-events-timeline .session=${exampleSession('granted', { failPath: '/Encounter' })}></dcr-events-timeline>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('Events could not be loaded');
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      expect(alert.querySelector('button')!.textContent).to.equal('Try again');
    });

    it('unavailable, source dissent, awaiting consent: each says so and shows no events', async () => {
      const cases = [
        ['unavailable', '[role="alert"]', 'GP record unavailable'],
        ['source-dissent', '[role="status"]', 'GP record not shared'],
        ['awaiting-consent', '[role="status"]', 'Waiting for consent to view'],
      ] as const;
      for (const [state, role, title] of cases) {
        const el = await fixture<DcrEventsTimeline>(
          html`<dcr-events-timeline .session=${exampleSession(state)}></dcr-events-timeline>`,
        );
        await waitUntil(
          () => text(root(el).querySelector(role)).includes(title),
          `${state} not shown`,
          WAIT,
        );
        expect(root(el).querySelector('[role="grid"]')).to.equal(null);
      }
    });

    it('unavailable: offers "Try again"', async () => {
      const el = await fixture<DcrEventsTimeline>(
        html`<dcr-events-timeline .session=${exampleSession('unavailable')}></dcr-events-timeline>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no retry', WAIT);
      expect(text(root(el).querySelector('[role="alert"] button'))).to.equal('Try again');
    });

    it('without a session: a neutral message, and a console warning for the developer', async () => {
      const warnings = expectDeveloperWarnings();
      const el = await fixture<DcrEventsTimeline>(
        html`<dcr-events-timeline></dcr-events-timeline>`,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal(
        'GP record not available here This part of the page is not connected to the GP record. If this continues, tell your IT service desk.',
      );
      expect(warnings).to.have.length(1);
    });
  });

  it('states the latest admission and A&E attendance above the timeline, before any scrolling', async () => {
    const { el, value } = await timelineFor(typical);
    const latest = root(el).querySelector('[part="latest"]')!;
    const stay = value.entries.find((e) => e.kind === 'admission')!;
    const attendance = value.entries.find((e) => e.emergency)!;
    expect(
      [...latest.querySelectorAll('div')].map(
        (d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`,
      ),
    ).to.deep.equal([
      `Latest admission: ${formatDate(stay.start)} to ${formatDate(stay.end)}, Ward 7 (respiratory), Riverside University Hospitals (A&E)`,
      `Latest A&E attendance: ${formatDate(attendance.start)} to ${formatDate(attendance.end)}, Emergency department, Riverside University Hospitals (A&E)`,
    ]);
    // Above the grid, and inside the first screen of a 390 by 844 phone.
    const grid = root(el).querySelector('[role="grid"]')!;
    expect(
      latest.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect(latest.getBoundingClientRect().bottom - el.getBoundingClientRect().top).to.be.lessThan(
      844,
    );

    // A record of GP contacts only says so, rather than leaving the reader to scroll for one.
    const { session } = sandboxSession({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!input.includes('/Encounter')) return response;
        const bundle = (await response.json()) as fhir4.Bundle;
        bundle.entry = (bundle.entry ?? []).filter(
          (e) => !['IMP', 'EMER'].includes((e.resource as fhir4.Encounter).class?.code ?? ''),
        );
        return new Response(JSON.stringify(bundle), {
          headers: { 'content-type': 'application/fhir+json' },
        });
      },
    });
    await viewPatient(session, typical, { decision: 'granted' });
    const gpOnly = await fixture<DcrEventsTimeline>(
      html`<dcr-events-timeline .session=${session}></dcr-events-timeline>`,
    );
    await waitUntil(() => root(gpOnly).querySelector('[part="latest"]'), 'not shown', WAIT);
    expect(
      [...root(gpOnly).querySelectorAll('[part="latest"] div')].map(
        (d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`,
      ),
    ).to.deep.equal([
      'Latest admission: None in the record',
      'Latest A&E attendance: None in the record',
    ]);
  });

  it('says how many events could not be shown when the record sent some for another patient', async () => {
    const { session } = sandboxSession({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!input.includes('/Encounter')) return response;
        const bundle = (await response.json()) as fhir4.Bundle;
        const first = bundle.entry![0]!.resource as fhir4.Encounter;
        const another: fhir4.Encounter = {
          ...first,
          id: 'test-other-patient',
          subject: { reference: 'Patient/someone-else' },
        };
        bundle.entry!.push({ resource: another, search: { mode: 'match' } });
        return new Response(JSON.stringify(bundle), {
          headers: { 'content-type': 'application/fhir+json' },
        });
      },
    });
    await viewPatient(session, typical, { decision: 'granted' });
    const el = await fixture<DcrEventsTimeline>(
      html`<dcr-events-timeline .session=${session}></dcr-events-timeline>`,
    );
    await waitUntil(() => root(el).querySelector('[part="disclosure"]'), 'not shown', WAIT);
    expect(text(root(el).querySelector('[part="disclosure"] .not-shown'))).to.equal(
      '1 entry could not be shown: it could not be matched to this patient.',
    );
  });

  it('stacks each event at 390 px: nothing overprints', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, typical, { decision: 'granted' });
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><dcr-events-timeline .session=${session}></dcr-events-timeline></div>`,
    );
    const el = box.querySelector('dcr-events-timeline')!;
    await waitUntil(() => renderedRows(el).length > 0, 'no rows', WAIT);
    const right = box.getBoundingClientRect().right;
    for (const row of renderedRows(el).filter((r) => r.getAttribute('part') === 'row')) {
      const cells = [...row.querySelectorAll('[role="gridcell"]')].map((c) =>
        c.getBoundingClientRect(),
      );
      for (let i = 1; i < cells.length; i++)
        expect(cells[i]!.top, text(row)).to.be.at.least(cells[i - 1]!.bottom - 0.5);
      for (const cell of cells) expect(cell.right).to.be.at.most(right + 0.5);
    }
    // The header row is for screen readers only; it cannot overprint either.
    expect(root(el).querySelector('.columns')!.getBoundingClientRect().height).to.be.at.most(1);
  });

  it('renders every row of a typical record, and every row of a huge one while printing', async function () {
    this.timeout(30_000);
    const small = await timelineFor(typical);
    const rowCount = (el: DcrEventsTimeline) =>
      Number(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')) - 1;
    // A typical record is not virtualised: a print or a full-page capture holds every row.
    expect(renderedRows(small.el)).to.have.length(rowCount(small.el));
    fixtureCleanup();

    const { el } = await timelineFor(SANDBOX_PATIENTS.hugeTimeline);
    expect(renderedRows(el).length).to.be.lessThan(100);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(renderedRows(el)).to.have.length(rowCount(el));
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await waitUntil(() => renderedRows(el).length < 100, 'still every row after printing', WAIT);
    // The same through the property <dcr-record> sets while it prints.
    el.printing = true;
    await el.updateComplete;
    expect(renderedRows(el)).to.have.length(rowCount(el));
    el.printing = false;
    await el.updateComplete;
    await waitUntil(() => renderedRows(el).length < 100, 'still every row after printing', WAIT);
  });

  it('filters by kind (attribute and property) and by date range', async () => {
    const { el, value } = await timelineFor(typical);
    el.kinds = ['admission', 'referral'];
    await el.updateComplete;
    await nextFrame();
    const kinds = renderedRows(el)
      .filter((r) => r.getAttribute('part') === 'row')
      .map((r) => text(r.querySelector('[part="kind"]')).split(', ')[1]);
    const expected = value.entries.filter((e) => e.kind !== 'encounter');
    expect(kinds).to.have.length(expected.length);
    expect(kinds.every((k) => k === 'Admission' || k === 'Referral')).to.equal(true);
    expect(text(root(el).querySelector('[part="summary"]'))).to.equal(
      `Showing ${expected.length} of ${value.entries.length} events, newest first.`,
    );

    el.kinds = ['encounter', 'admission', 'referral'];
    const admission = value.entries.find((e) => e.kind === 'admission')!;
    el.from = admission.start!.slice(0, 10);
    el.to = admission.start!.slice(0, 10);
    await el.updateComplete;
    await nextFrame();
    const inRange = value.entries.filter((e) => e.start!.slice(0, 10) === el.from);
    expect(renderedRows(el).filter((r) => r.getAttribute('part') === 'row')).to.have.length(
      inRange.length,
    );
    expect(text(root(el).querySelector('[part="summary"]'))).to.contain(
      `from ${formatDate(el.from)} to ${formatDate(el.to)}`,
    );

    el.from = '2030-01-01';
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
      'No events match the type and date filters.',
    );

    expectDeveloperWarnings(); // the element below has no session, on purpose
    const fromAttribute = await fixture<DcrEventsTimeline>(
      html`<dcr-events-timeline kinds="referral nonsense"></dcr-events-timeline>`,
    );
    expect(fromAttribute.kinds).to.deep.equal(['referral']);
  });

  it('is keyboard-complete: kind checkboxes, date inputs and roving focus through the rows', async () => {
    const { el, value } = await timelineFor(typical);
    await sendKeys({ press: 'Tab' });
    const encounters = focused(el) as HTMLInputElement;
    expect(encounters.type).to.equal('checkbox');
    expect(text(encounters.closest('label'))).to.match(/^Contacts and attendances \(\d+\)$/);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.kinds).to.deep.equal(['admission', 'referral']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.kinds).to.deep.equal(['encounter', 'admission', 'referral']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.kinds).to.deep.equal(['encounter', 'referral']);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.kinds).to.deep.equal(['encounter', 'admission']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;

    // Dates are typed the UK way, shown back as dd-Mmm-yyyy, never the browser's mm/dd/yyyy.
    await sendKeys({ press: 'Tab' });
    const from = focused(el) as HTMLInputElement;
    expect(from.type).to.equal('text');
    expect(text(from.labels![0])).to.equal('From');
    expect(from.getAttribute('aria-describedby')).to.equal('from-hint');
    await sendKeys({ type: '01/01/2020' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.from).to.equal('2020-01-01');
    expect(from.value).to.equal('01-Jan-2020');
    await sendKeys({ press: 'Tab' });
    const to = focused(el) as HTMLInputElement;
    expect(text(to.labels![0])).to.equal('To');
    await sendKeys({ type: '12 Dec 2030' });
    await sendKeys({ press: 'Tab' }); // leaving the field reads it too
    await el.updateComplete;
    expect(el.to).to.equal('2030-12-12');
    expect(to.value).to.equal('12-Dec-2030');
    // Not a date: said next to the field, the filter left as it was.
    to.focus();
    to.select();
    await sendKeys({ type: '31/02/2030' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.to).to.equal('2030-12-12');
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el).getElementById('to-error'))).to.equal(
      'Enter a real date as day, month and year, for example 12-Mar-2024.',
    );
    expect(to.getAttribute('aria-describedby')).to.equal('to-hint to-error');
    // Before the From date: said too.
    to.select();
    await sendKeys({ type: '12-Mar-2019' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(root(el).getElementById('to-error'))).to.equal(
      'The To date must be on or after the From date (01-Jan-2020).',
    );
    // Cleared: no bound, no error.
    to.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.to).to.equal('');
    expect(root(el).getElementById('to-error')).to.equal(null);
    expect(to.getAttribute('aria-invalid')).to.equal('false');
    el.from = '';
    el.to = '';
    await el.updateComplete;
    await nextFrame();

    // Into the grid: one tab stop, on the first row; arrows, End and Home move the focus.
    for (let i = 0; i < 5 && !focused(el)?.matches('[role="row"]'); i++)
      await sendKeys({ press: 'Tab' });
    const rowCount =
      Number(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')) - 1;
    expect(focused(el)!.dataset.index).to.equal('0');
    expect(root(el).querySelectorAll('.scroller [tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(el)?.dataset.index === '1', 'ArrowDown did not move', WAIT);
    expect(focused(el)!.getAttribute('part')).to.equal('row');
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => focused(el)?.dataset.index === String(rowCount - 1),
      'End did not move to the last row',
      WAIT,
    );
    expect(text(focused(el))).to.contain(formatDate(newestLast(value)));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.dataset.index).to.equal(String(rowCount - 1));
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(
      () => focused(el)?.dataset.index === String(rowCount - 2),
      'ArrowUp did not move',
      WAIT,
    );
    await sendKeys({ press: 'Home' });
    await waitUntil(
      () => focused(el)?.dataset.index === '0',
      'Home did not move to the first row',
      WAIT,
    );
    expect(focused(el)!.getAttribute('part')).to.equal('date-row');
  });

  it('works inside <dcr-session>, and records that events were shown', async () => {
    const { session, audit } = sandboxSession();
    await viewPatient(session, typical, { decision: 'granted' });
    const wrapper = await fixture(
      html`<dcr-session .session=${session}><dcr-events-timeline></dcr-events-timeline></dcr-session>`,
    );
    const el = wrapper.querySelector('dcr-events-timeline')!;
    await waitUntil(() => root(el).querySelector('[role="grid"]'), 'not shown', WAIT);
    await waitUntil(
      () => audit.some((r) => r.action === 'section-shown' && r.sections?.includes('events')),
      'no section-shown audit',
      WAIT,
    );
    expect(
      audit.filter((r) => r.action === 'section-shown' && r.sections?.includes('events')),
    ).to.have.length(1);
  });

  it('off screen, where the virtualizer holds no rows, still takes Tab and hands the focus to a row', async function () {
    this.timeout(20_000);
    const { session } = sandboxSession(PAGE);
    await viewPatient(session, SANDBOX_PATIENTS.hugeTimeline, { decision: 'granted' });
    const below = await fixture<HTMLDivElement>(
      html`<div style="margin-top: 300vh">
        <dcr-events-timeline .session=${session}></dcr-events-timeline>
      </div>`,
    );
    const el = below.querySelector<DcrEventsTimeline>('dcr-events-timeline')!;
    // Off screen whatever an earlier test left scrolled (it used to pass or fail on that).
    window.scrollTo(0, 0);
    await waitUntil(() => root(el).querySelector('.scroller.virtual'), 'no virtual list', WAIT);
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    // Laid out: the virtualizer has sized its scroller (one frame was a guess under load).
    await waitUntil(
      () => scroller.querySelector<HTMLElement>('[virtualizer-sizer]')?.style.transform,
      'the virtualizer did not lay out',
      WAIT,
    );
    await nextFrame();
    expect(renderedRows(el), 'rows in the DOM off screen').to.have.length(0);
    expect(scroller.tabIndex, 'the scroller is a tab stop while it holds no rows').to.equal(0);

    scroller.focus();
    await waitUntil(
      () => focused(el)?.getAttribute('role') === 'row',
      'the focus did not go on to a row',
      WAIT,
    );
    expect(focused(el)!.dataset.index).to.equal('0');
    await el.updateComplete;
    expect(scroller.hasAttribute('tabindex'), 'one tab stop once rows are in').to.equal(false);
    window.scrollTo(0, 0);
  });

  it('when the virtualizer cannot be loaded, a long timeline keeps its window of rows, and every row is reached through "Show more"', async function () {
    this.timeout(30_000);
    const original = { load: virtualizerModule.load, value: virtualizerModule.value };
    virtualizerModule.value = undefined;
    let loads = 0;
    virtualizerModule.load = () => {
      loads++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    try {
      const { el, session } = await timelineFor(SANDBOX_PATIENTS.hugeTimeline);
      await waitUntil(() => loads > 0, 'the virtualizer was never asked for', WAIT);
      await el.updateComplete;
      expect(root(el).querySelector('.scroller.virtual'), 'a virtualised scroller').to.equal(null);
      const more = () => root(el).querySelector<HTMLButtonElement>('button.list-more');
      const rowCount =
        Number(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')) - 1;
      const before = renderedRows(el).length;
      expect(before).to.be.within(50, 200);
      expect(text(more())).to.match(/^Show 50 more events \([\d,]+ not shown yet\)$/);
      await expect(el).to.be.accessible();
      more()!.click();
      await el.updateComplete;
      expect(renderedRows(el).length).to.be.at.least(before + 50);
      // The window flows in the page (no scroller of its own hides the button), and grows as the
      // page scrolls down to it.
      const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
      expect(scroller.scrollHeight).to.equal(scroller.clientHeight);
      const grown = renderedRows(el).length;
      more()!.scrollIntoView();
      await waitUntil(() => renderedRows(el).length > grown, 'did not grow when scrolled to', WAIT);
      // The keyboard reaches past the window's end (as End does, to the last row).
      const last = renderedRows(el).at(-1)!;
      const beyond = String(Number(last.dataset.index) + 1);
      last.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(
        () => focused(el)?.dataset.index === beyond,
        'the arrow key did not reach past the window',
        WAIT,
      );
      expect(rowCount).to.be.greaterThan(Number(beyond));
      // A failed load is not asked for again by this timeline on every render.
      expect(loads).to.equal(1);

      // The next section (the record viewed again) asks again, and once it loads, virtualises.
      virtualizerModule.load = original.load;
      await viewPatient(session, SANDBOX_PATIENTS.hugeTimeline, { decision: 'granted' });
      await waitUntil(
        () => root(el).querySelector('.scroller.virtual'),
        'the next section was not virtualised',
        WAIT,
      );
    } finally {
      virtualizerModule.load = original.load;
      virtualizerModule.value ??= original.value;
    }
  });

  it('Done when: 10,000 events render a first screen and scroll to the end, with only a screenful of rows in the DOM', async function () {
    this.timeout(20_000);
    const { el, value } = await timelineFor(SANDBOX_PATIENTS.hugeTimeline);
    expect(value.entries).to.have.length(10_000);
    const rowCount =
      Number(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')) - 1;
    expect(rowCount).to.be.greaterThan(10_000);
    const atTop = renderedRows(el);
    expect(atTop[0]!.dataset.index).to.equal('0');
    expect(atTop.length, 'rows in the DOM at the top').to.be.lessThan(100);

    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    const lastIndex = String(rowCount - 1);
    for (let i = 0; i < 100 && !renderedRows(el).some((r) => r.dataset.index === lastIndex); i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await nextFrame();
    }
    await nextFrame();
    const atEnd = renderedRows(el);
    expect(
      atEnd.some((r) => r.dataset.index === lastIndex),
      'last row rendered',
    ).to.equal(true);
    expect(atEnd.length, 'rows in the DOM at the end').to.be.lessThan(100);
    expect(atEnd.some((r) => r.dataset.index === '0')).to.equal(false);
    // The oldest event is at the bottom.
    expect(text(atEnd.find((r) => r.dataset.index === lastIndex))).to.contain(
      formatDate(newestLast(value)),
    );
    // Scrolled by pointer, the one tab stop follows onto a row that is on screen.
    await el.updateComplete;
    const tabStops = renderedRows(el).filter((r) => r.tabIndex === 0);
    expect(tabStops).to.have.length(1);
    expect(Number(tabStops[0]!.dataset.index)).to.be.greaterThan(rowCount - 100);

    // From the keyboard: Home brings back the first row, which was virtualised away, and End the last.
    tabStops[0]!.focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(
      () => focused(el)?.dataset.index === '0',
      'Home did not reach the first row',
      WAIT,
    );
    expect(renderedRows(el).length).to.be.lessThan(100);
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => focused(el)?.dataset.index === lastIndex,
      'End did not reach the last row',
      WAIT,
    );
    expect(renderedRows(el).length).to.be.lessThan(100);
  });

  it('scrolled a screen at a time, then to the end, leaves nothing behind in the scroller (each screen costs the same)', async function () {
    this.timeout(60_000);
    const { el } = await timelineFor(SANDBOX_PATIENTS.hugeTimeline);
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    const comments = () =>
      [...scroller.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    // 150 screens replace the rows thousands of times over (a leak of one node per row removed
    // leaves thousands); the whole timeline is about 1,900 screens, 35 s at one a frame.
    const SCREENS = 150;
    let screens = 0;
    while (
      scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 &&
      screens < SCREENS
    ) {
      scroller.scrollTop += scroller.clientHeight;
      screens++;
      await nextFrame();
    }
    expect(screens, 'screens scrolled').to.equal(SCREENS);
    // Then a jump to the end (reaching it is the Done when test's); rows replaced at once.
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame();
    await nextFrame();
    // Two markers a row (lit's), and the list's own: lit's repeat left one more for every row it
    // ever removed (lit/lit#5298), which the virtualizer then walked past on every frame.
    const rows = renderedRows(el).length;
    expect(rows).to.be.greaterThan(0);
    expect(comments(), 'comment nodes in the scroller').to.be.at.most(2 * rows + 4);
  });
});

/** The oldest event's day (the timeline's last row). */
function newestLast(value: EventsSection): string {
  return value.entries.map((e) => e.start ?? '').sort()[0]!;
}
