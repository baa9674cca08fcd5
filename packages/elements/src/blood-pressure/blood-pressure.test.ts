import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { exampleSession } from '../shared/example-sessions.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { examples } from './blood-pressure.examples.js';
import type { DcrBloodPressure } from './blood-pressure.js';
import '../define/dcr-blood-pressure.js';

const WAIT = { timeout: 10_000 };

const root = (el: DcrBloodPressure): ShadowRoot => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: DcrBloodPressure): Promise<void> {
  await waitUntil(
    () => !root(el).querySelector('[part="message"] .skeleton'),
    'blood pressure still loading',
    WAIT,
  );
  await el.updateComplete;
}

async function viewing(
  patient: (typeof SANDBOX_PATIENTS)[keyof typeof SANDBOX_PATIENTS],
): Promise<DcrBloodPressure> {
  const { session } = sandboxSession();
  await viewPatient(session, patient, { decision: 'granted' });
  const el = await fixture<DcrBloodPressure>(
    html`<dcr-blood-pressure .session=${session}></dcr-blood-pressure>`,
  );
  await waitUntil(() => root(el).querySelector('table, [part="empty"]'), 'no readings', WAIT);
  return el;
}

/** Date, reading, method and status of each table row, as read. */
function rows(el: DcrBloodPressure): string[][] {
  return [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => text(cell)),
  );
}

describe('dcr-blood-pressure', () => {
  describeAccessibility<DcrBloodPressure>(examples, (el, example) =>
    example.name === 'Loading'
      ? waitUntil(() => root(el).querySelector('[role="status"] .skeleton'), 'no skeleton', WAIT)
      : settled(el),
  );

  describe('says what each session state means', () => {
    it('ready: each reading with its method, lone halves as "systolic only" / "diastolic only", chart and table agreeing', async () => {
      const el = await viewing(SANDBOX_PATIENTS.lithium);
      expect([...root(el).querySelectorAll('thead th')].map(text)).to.deep.equal([
        'Date',
        'Reading',
        'Method',
        'Status',
      ]);
      const at = (days: string, time: string) => formatDateTime(`${days}T${time}:00Z`);
      expect(rows(el)).to.deep.equal([
        [at('2026-11-14', '09:40'), '101 mmHg diastolic only', 'Not recorded', 'Final'],
        [at('2026-10-31', '11:05'), '164 mmHg systolic only', 'Not recorded', 'Final'],
        [at('2026-10-11', '08:00'), '141/87 mmHg', 'Home (average)', 'Final'],
        [at('2026-05-24', '10:20'), '134/88 mmHg', 'Standing', 'Final'],
        [at('2026-05-24', '10:20'), '152/96 mmHg', 'Sitting', 'Final'],
        [at('2026-01-24', '10:20'), '146/92 mmHg', 'Sitting', 'Final'],
        [at('2025-10-16', '10:20'), '138/86 mmHg', 'Sitting', 'Final'],
      ]);
      // The chart plots each half on its own line: the lone systolic has no diastolic point.
      const points = (line: string) =>
        [...root(el).querySelectorAll(`[part="trend"] [data-line="${line}"]`)].map((p) =>
          Number(p.getAttribute('data-value')),
        );
      expect(points('Systolic')).to.deep.equal([138, 146, 152, 134, 141, 164]);
      expect(points('Diastolic')).to.deep.equal([86, 92, 96, 88, 87, 101]);
      // NICE NG136 clinic thresholds are drawn and named.
      const labels = [...root(el).querySelectorAll('[part="trend"] .threshold-label')].map(text);
      expect(labels).to.deep.equal([
        '140 stage 1',
        '90',
        '160 stage 2',
        '100',
        '180 severe',
        '120',
      ]);
      expect(text(root(el).querySelector('figcaption'))).to.contain(
        'stage 1 140/90, stage 2 160/100, severe 180/120 mmHg',
      );
    });

    it('ready: the typical patient’s twelve readings, newest first', async () => {
      const el = await viewing(SANDBOX_PATIENTS.typical);
      const read = rows(el);
      expect(read).to.have.length(12);
      const dates = [...root(el).querySelectorAll('[part="trend"] [data-line="Systolic"]')].map(
        (p) => p.getAttribute('data-date')!,
      );
      expect(read.map((r) => r[0])).to.deep.equal(dates.map((d) => formatDate(d)).reverse());
      expect(text(root(el).querySelector('[part="disclosure"]'))).to.contain('may be incomplete');
    });

    it('ready with nothing recorded: says "No blood pressure readings recorded"', async () => {
      const el = await viewing(SANDBOX_PATIENTS.nothingRecorded);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
        'No blood pressure readings recorded',
      );
      expect(root(el).querySelector('[part="trend"]')).to.equal(null);
    });

    it('loading: a status saying blood pressure is loading', async () => {
      const el = await fixture<DcrBloodPressure>(
        html`<dcr-blood-pressure .session=${exampleSession('loading')}></dcr-blood-pressure>`,
      );
      await waitUntil(
        () => root(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Loading blood pressure');
    });

    it('section failed (partial): an alert with a retry that works from the keyboard', async () => {
      let fail = true;
      const { session } = sandboxSession({
        fetch: (input, init) =>
          fail && input.includes('/Observation')
            ? Promise.reject(new TypeError('Failed to fetch'))
            : fetch(input, init),
      });
      await viewPatient(session, SANDBOX_PATIENTS.lithium, { decision: 'granted' });
      const el = await fixture<DcrBloodPressure>(
        html`<dcr-blood-pressure .session=${session}></dcr-blood-pressure>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no alert', WAIT);
      expect(text(root(el).querySelector('[role="alert"]'))).to.contain(
        'Blood pressure could not be loaded',
      );
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('table'), 'retry did not load', WAIT);
      expect(rows(el)).to.have.length(7);
    });

    it('refused or unreachable: each state says so and shows no readings', async () => {
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
        const el = await fixture<DcrBloodPressure>(
          html`<dcr-blood-pressure .session=${session}></dcr-blood-pressure>`,
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
      const waiting = await fixture<DcrBloodPressure>(
        html`<dcr-blood-pressure .session=${session}></dcr-blood-pressure>`,
      );
      expect(text(root(waiting).querySelector('[role="status"]'))).to.contain(
        'Waiting for consent to view',
      );
      expect(network.requests).to.have.length(0);
      const alone = await fixture<DcrBloodPressure>(
        html`<dcr-blood-pressure></dcr-blood-pressure>`,
      );
      expect(text(root(alone).querySelector('[role="status"]'))).to.contain(
        'not connected to the GP record',
      );
    });
  });

  it('is keyboard-complete: the readings table scrolls from the keyboard in its own region', async () => {
    const el = await viewing(SANDBOX_PATIENTS.lithium);
    el.style.width = '320px';
    await el.updateComplete;
    let region: Element | null = null;
    for (let i = 0; i < 10 && !region; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root(el).activeElement;
      if (active?.matches('.table-wrap')) region = active;
    }
    expect(region, 'table region not reachable by Tab').to.not.equal(null);
    expect(region!.getAttribute('role')).to.equal('region');
    expect(region!.getAttribute('aria-labelledby')).to.equal('caption');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => region!.scrollLeft > 0, 'region did not scroll', WAIT);
  });
});
