import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CareRecordSession, SectionName } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { exampleSession } from '../shared/example-sessions.js';
import { formatDate } from '../shared/format.js';
import { monitoringRule } from '../shared/monitoring.js';
import { trendChart } from './investigations.js';
import { examples } from './investigations.examples.js';
import type { DcrInvestigations } from './investigations.js';
import '../define/dcr-investigations.js';

const WAIT = { timeout: 10_000 };
const INR_TITLE = 'International normalized ratio';

const root = (el: DcrInvestigations): ShadowRoot => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: DcrInvestigations): Promise<void> {
  await waitUntil(
    () => !root(el).querySelector('[part="message"] .skeleton'),
    'investigations still loading',
    WAIT,
  );
  await el.updateComplete;
}

/** The element showing a sandbox patient's results, and its monitoring panel once medicines arrive. */
async function viewing(
  patient: (typeof SANDBOX_PATIENTS)[keyof typeof SANDBOX_PATIENTS],
  attributes: { trend?: string; groupBy?: 'test' | 'date' } = {},
): Promise<{ el: DcrInvestigations; session: CareRecordSession }> {
  const { session } = sandboxSession();
  await viewPatient(session, patient, { decision: 'granted' });
  const el = await fixture<DcrInvestigations>(
    html`<dcr-investigations .session=${session} trend=${attributes.trend ?? ''}
      group-by=${attributes.groupBy ?? 'test'}></dcr-investigations>`,
  );
  await waitUntil(() => root(el).querySelector('table, [part="empty"]'), 'no results', WAIT);
  return { el, session };
}

function groupTitled(el: DcrInvestigations, title: string): Element {
  const group = [...root(el).querySelectorAll('[part="group"]')].find((g) =>
    text(g.querySelector('h3')).startsWith(title),
  );
  if (!group) throw new Error(`no group ${title}`);
  return group;
}

/** Date and result cells of a results table, as read. */
function tableRows(group: Element): { date: string; result: string }[] {
  return [...group.querySelectorAll('table tbody tr')].map((tr) => ({
    date: text(tr.querySelector('th')),
    result: text(tr.querySelector('td .value')),
  }));
}

/** Each line of the monitoring panel as read: "<medicine> — <test result>", one per test. */
async function monitoringItems(el: DcrInvestigations): Promise<string[]> {
  await waitUntil(() => root(el).querySelector('[part="monitoring"] li'), 'no monitoring', WAIT);
  return [...root(el).querySelectorAll('[part="monitoring"] > ul > li')].flatMap((li) => {
    const nested = [...li.querySelectorAll('li')];
    if (nested.length === 0) return [text(li)];
    const medicine = text(li).slice(0, text(li).indexOf(text(nested[0])) - 1);
    return nested.map((test) => `${medicine} — ${text(test)}`);
  });
}

async function tabTo(el: DcrInvestigations, match: (active: Element) => boolean): Promise<Element> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement;
    if (active && match(active)) return active;
  }
  throw new Error('control not reachable by Tab');
}

describe('dcr-investigations', () => {
  describeAccessibility<DcrInvestigations>(examples, (el, example) =>
    example.name === 'Loading'
      ? waitUntil(() => root(el).querySelector('[role="status"] .skeleton'), 'no skeleton', WAIT)
      : example.name.startsWith('On ')
        ? waitUntil(
            () =>
              root(el).querySelector('[part="monitoring"] li') &&
              root(el).querySelector('[part="trend"]'),
            'no panel or trend',
            WAIT,
          )
        : settled(el),
  );

  it('Done when: the INR trend plots every INR in date order and its table holds the same values (warfarin patient)', async () => {
    const { el } = await viewing(SANDBOX_PATIENTS.typical, { trend: '165581004' });
    const inr = groupTitled(el, INR_TITLE);
    await waitUntil(() => inr.querySelector('[part="trend"]'), 'no trend', WAIT);
    const points = [...inr.querySelectorAll('[part="trend"] [data-point]')].map((p) => ({
      date: p.getAttribute('data-date')!,
      value: p.getAttribute('data-value')!,
    }));
    const rows = tableRows(inr);
    expect(points).to.have.length(20);
    expect(rows).to.have.length(20);
    // Oldest first, strictly by date.
    const dates = points.map((p) => p.date);
    expect(dates).to.deep.equal([...dates].sort());
    expect(new Set(dates).size).to.equal(20);
    // The table (newest first) reads exactly the plotted values, date for date.
    expect(rows.map((r) => ({ date: r.date, result: r.result })).reverse()).to.deep.equal(
      points.map((p) => ({ date: formatDate(p.date), result: `${p.value} ratio` })),
    );
    // The 2.0-3.0 target range is shaded and named.
    expect(inr.querySelector('[part="trend"] .band')).to.not.equal(null);
    expect(text(inr.querySelector('figcaption'))).to.contain(
      'reference range 2 to 3 ratio, shaded',
    );
    const svg = inr.querySelector('[part="trend"]')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(`${INR_TITLE} trend`);
  });

  describe('says what each session state means', () => {
    it('ready: the latest INR beside each warfarin repeat, results by test with value, range, flag in words and status', async () => {
      const { el } = await viewing(SANDBOX_PATIENTS.typical);
      const items = await monitoringItems(el);
      const inr = tableRows(groupTitled(el, INR_TITLE));
      const latestInr = `INR ${inr[0]!.result} on ${inr[0]!.date}`;
      expect(items.find((i) => i.startsWith('Warfarin 3mg tablets'))).to.match(
        new RegExp(`^Warfarin 3mg tablets — ${latestInr.replace(/[.()]/g, '\\$&')}`),
      );
      expect(items.find((i) => i.startsWith('Warfarin 1mg tablets'))).to.contain(latestInr);
      // The stale lithium repeat: no lithium level held, said in words, with its last issue.
      const priadel = `Priadel 400mg modified-release tablets (not issued since ${formatDate('2010-01-14')})`;
      expect(items).to.include(`${priadel} — no serum lithium in the record`);
      expect(items).to.include(`${priadel} — no TSH in the record`);
      const headers = [...groupTitled(el, INR_TITLE).querySelectorAll('thead th')].map(text);
      expect(headers).to.deep.equal(['Date', 'Result', 'Reference range', 'Status']);
      const row = groupTitled(el, INR_TITLE).querySelector('tbody tr')!;
      expect(text(row.querySelectorAll('td')[1])).to.equal('2 to 3 ratio');
      expect(text(row.querySelectorAll('td')[2])).to.equal('Final');
      // Every abnormal row says High or Low in words, not by colour alone.
      for (const abnormal of root(el).querySelectorAll('tr.abnormal'))
        expect(text(abnormal.querySelector('[part="flag"]'))).to.match(/^(High|Low|Abnormal)$/);
      expect(text(root(el).querySelector('[part="disclosure"]'))).to.contain('may be incomplete');
    });

    it('ready on lithium: a high level, results with no unit, an eGFR bound, and the monitoring panel', async () => {
      const { el } = await viewing(SANDBOX_PATIENTS.lithium);
      const items = await monitoringItems(el);
      const on = formatDate('2026-11-14');
      expect(items).to.deep.equal([
        `Lithium carbonate 400mg modified-release tablets — Serum lithium 1.32 mmol/L on ${on} High`,
        `Lithium carbonate 400mg modified-release tablets — eGFR 54 mL/min/1.73m2 on ${on} Low`,
        `Lithium carbonate 400mg modified-release tablets — TSH 6.8 mU/L on ${on} High`,
      ]);
      const lithium = [...groupTitled(el, 'Lithium').querySelectorAll('tbody tr')];
      const noUnit = lithium.find((tr) => text(tr).includes('No unit recorded'))!;
      expect(text(noUnit.querySelector('td'))).to.equal('1.1 High No unit recorded');
      expect(text(noUnit.querySelectorAll('td')[1])).to.equal('None given');
      expect(tableRows(groupTitled(el, 'eGFR')).map((r) => r.result)).to.include(
        '>90 mL/min/1.73m2',
      );
    });

    it('ready on a transferred record: a text result keeps what was sent', async () => {
      const { el } = await viewing(SANDBOX_PATIENTS.transferred);
      const inr = groupTitled(el, INR_TITLE);
      expect(text(inr.querySelector('tbody td'))).to.equal(
        '2.4 No unit recorded Sent as “Ap 2.400”',
      );
    });

    it('ready with nothing recorded: says "No investigation results recorded", never blank', async () => {
      const { el } = await viewing(SANDBOX_PATIENTS.nothingRecorded);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
        'No investigation results recorded',
      );
      expect(root(el).querySelector('[part="monitoring"]')).to.equal(null);
    });

    it('loading: a status saying investigations are loading', async () => {
      const el = await fixture<DcrInvestigations>(
        html`<dcr-investigations .session=${exampleSession('loading')}></dcr-investigations>`,
      );
      await waitUntil(
        () => root(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Loading investigations');
    });

    it('section failed (partial): an alert that does not claim nothing is recorded, with a retry', async () => {
      const el = await fixture<DcrInvestigations>(
        html`<dcr-investigations .session=${exampleSession('granted', { failPath: '/Observation' })}></dcr-investigations>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('Investigations could not be loaded');
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      expect(text(alert.querySelector('button'))).to.equal('Try again');
    });

    it('refused or unreachable: each state says so and shows no results', async () => {
      const cases = [
        ['unavailable', 'GP record unavailable'],
        ['source-dissent', 'GP record not shared'],
        ['consent-declined', 'Consent to view declined'],
        ['not-permitted', 'You cannot view GP records'],
        ['no-agreement', 'No sharing agreement'],
        ['not-found', 'No GP record found'],
        ['identity-mismatch', 'Record does not match this patient'],
        ['ended', 'Viewing ended'],
      ] as const;
      for (const [state, title] of cases) {
        const session = exampleSession(state);
        const el = await fixture<DcrInvestigations>(
          html`<dcr-investigations .session=${session}></dcr-investigations>`,
        );
        await sessionReaches(session, state);
        // One style per state: failures are alerts, refusals and normal outcomes a status.
        await waitUntil(
          () => text(root(el).querySelector('[part="message"]')).includes(title),
          state,
          WAIT,
        );
        const failure = ['unavailable', 'identity-mismatch'].includes(state);
        expect(root(el).querySelector('[part="message"]')!.getAttribute('role'), state).to.equal(
          failure ? 'alert' : 'status',
        );
        expect(root(el).querySelector('table'), state).to.equal(null);
      }
    });

    it('awaiting consent and not connected: says so, nothing fetched', async () => {
      expectDeveloperWarnings(); // the second element has no session, on purpose
      const { session, network } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.typical);
      const waiting = await fixture<DcrInvestigations>(
        html`<dcr-investigations .session=${session}></dcr-investigations>`,
      );
      expect(text(root(waiting).querySelector('[role="status"]'))).to.contain(
        'Waiting for consent to view',
      );
      expect(network.requests).to.have.length(0);
      const alone = await fixture<DcrInvestigations>(
        html`<dcr-investigations></dcr-investigations>`,
      );
      expect(text(root(alone).querySelector('[role="status"]'))).to.contain(
        'not connected to the GP record',
      );
    });
  });

  it('groups by date: newest day first, each day a table of its tests', async () => {
    const { el } = await viewing(SANDBOX_PATIENTS.lithium, { groupBy: 'date' });
    const days = [...root(el).querySelectorAll('[part="group"] h3')].map(text);
    expect(days[0]).to.equal(formatDate('2026-11-14'));
    const first = root(el).querySelector('[part="group"]')!;
    expect([...first.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Test',
      'Result',
      'Reference range',
      'Status',
    ]);
    // Lithium, eGFR, creatinine and TSH were taken that day.
    expect(first.querySelectorAll('tbody tr').length).to.equal(4);
  });

  it('is keyboard-complete: group-by radios and every trend toggle', async () => {
    const { el } = await viewing(SANDBOX_PATIENTS.lithium);
    await monitoringItems(el);
    const radio = (await tabTo(el, (a) => a.matches('input[type="radio"]'))) as HTMLInputElement;
    expect(radio.value).to.equal('test');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.groupBy).to.equal('date');
    expect(text(root(el).querySelector('[part="group"] h3'))).to.equal(formatDate('2026-11-14'));
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.groupBy).to.equal('test');
    const toggles = [...root(el).querySelectorAll('[part="trend-toggle"]')];
    expect(toggles.length).to.be.greaterThan(1);
    for (const toggle of toggles) {
      const reached = await tabTo(el, (a) => a === toggle);
      expect(reached.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const panel = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(false);
      await waitUntil(() => panel.querySelector('[part="trend"]'), 'no trend', WAIT);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.hidden).to.equal(true);
    }
  });

  it('records that investigations and, with monitoring shown, medications were shown', async () => {
    const { session, audit } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await fixture<DcrInvestigations>(
      html`<dcr-investigations .session=${session}></dcr-investigations>`,
    );
    await monitoringItems(el);
    const shown = (section: SectionName) =>
      audit.filter((r) => r.action === 'section-shown' && r.sections?.includes(section));
    await waitUntil(() => shown('medications').length > 0, 'no medications audit', WAIT);
    expect(shown('investigations')).to.have.length(1);
    expect(shown('medications')).to.have.length(1);
  });
  describe('the drug monitoring rule, loaded when there are medicines to check', () => {
    const original = { ...monitoringRule };
    afterEach(() => Object.assign(monitoringRule, original));

    /** The rule as never loaded on this page, its loads counted and held until `release`. */
    function freshRule(options: { failFirst?: boolean } = {}) {
      monitoringRule.value = undefined;
      const loads = { count: 0, release: () => undefined as void };
      const held = new Promise<void>((resolve) => (loads.release = resolve));
      monitoringRule.load = async () => {
        loads.count++;
        await held;
        if (options.failFirst && loads.count === 1)
          throw new TypeError('Failed to fetch dynamically imported module');
        return original.load();
      };
      return loads;
    }

    it('loads it once medicines arrive, says it is checking meanwhile, then shows the right result', async () => {
      const loads = freshRule();
      const { el } = await viewing(SANDBOX_PATIENTS.lithium);
      await waitUntil(() => loads.count > 0, 'rule never loaded', WAIT);
      expect(text(root(el).querySelector('[part="monitoring"][role="status"]'))).to.equal(
        'Checking monitoring for current medicines',
      );
      loads.release();
      const items = await monitoringItems(el);
      expect(items[0]).to.equal(
        `Lithium carbonate 400mg modified-release tablets — Serum lithium 1.32 mmol/L on ${formatDate('2026-11-14')} High`,
      );
      expect(loads.count).to.equal(1);
    });

    it('is not loaded for a record with no medicines', async () => {
      const loads = freshRule();
      const { el, session } = await viewing(SANDBOX_PATIENTS.nothingRecorded);
      await waitUntil(() => session.current('medications')?.status === 'ready', 'no meds', WAIT);
      await el.updateComplete;
      expect(loads.count).to.equal(0);
      expect(root(el).querySelector('[part="monitoring"]')).to.equal(null);
    });

    it('says monitoring could not be checked when the rule fails to load, and "Try again" loads it', async () => {
      const loads = freshRule({ failFirst: true });
      loads.release();
      const { el } = await viewing(SANDBOX_PATIENTS.typical);
      await waitUntil(
        () => root(el).querySelector('[part="monitoring"][role="alert"]'),
        'no alert',
        WAIT,
      );
      const alert = root(el).querySelector('[part="monitoring"][role="alert"]')!;
      expect(text(alert.querySelector('p'))).to.equal(
        'Monitoring for current medicines could not be checked: this part of the page did not load.',
      );
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      const items = await monitoringItems(el);
      expect(items.find((i) => i.startsWith('Warfarin 3mg tablets'))).to.match(/ — INR \d/);
      expect(loads.count).to.equal(2);
    });
  });
  describe('the trend chart, loaded when a trend is first opened', () => {
    const original = { ...trendChart };
    afterEach(() => Object.assign(trendChart, original));

    it('a chart that fails to load is said, the table stays, and "Try again" draws it', async () => {
      trendChart.value = undefined;
      let loads = 0;
      trendChart.load = () =>
        ++loads === 1
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : original.load();
      const { el } = await viewing(SANDBOX_PATIENTS.typical, { trend: '165581004' });
      const inr = groupTitled(el, INR_TITLE);
      await waitUntil(() => inr.querySelector('[role="alert"]'), 'no alert', WAIT);
      expect(text(inr.querySelector('[role="alert"] p'))).to.equal(
        'The trend could not be shown: this part of the page did not load. The table below holds the same results.',
      );
      expect(tableRows(inr).length).to.be.greaterThan(1);
      await expect(el).to.be.accessible();
      inr.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await waitUntil(() => inr.querySelector('[part="trend"] [data-point]'), 'no trend', WAIT);
      expect(inr.querySelector('[role="alert"]')).to.equal(null);
      expect(loads).to.equal(2);
    });
  });
});
