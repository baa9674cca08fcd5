import { fixedClock, sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import {
  DcrAllergyBanner,
  DcrBloodPressure,
  DcrConsentGate,
  DcrDiagnosisList,
  DcrEventsTimeline,
  DcrImmunisations,
  DcrInvestigations,
  DcrMedicationList,
  DcrPatientBanner,
  DcrProblemList,
  DcrProcedureList,
  DcrRisksWarnings,
  DcrSummary,
} from '../index.js';
import { DcrRecord } from './record.js';
import { RECORD_TABS } from './record-tabs.js';

// Each test registers the record and its parts under a prefix of its own (as defineElements
// does), with loaders it controls, so every test starts with no tab's element registered.

const WAIT = { timeout: 10_000 };

const TAB_CLASSES: Record<string, CustomElementConstructor> = {
  'dcr-summary': DcrSummary,
  'dcr-problem-list': DcrProblemList,
  'dcr-diagnosis-list': DcrDiagnosisList,
  'dcr-medication-list': DcrMedicationList,
  'dcr-risks-warnings': DcrRisksWarnings,
  'dcr-procedure-list': DcrProcedureList,
  'dcr-investigations': DcrInvestigations,
  'dcr-blood-pressure': DcrBloodPressure,
  'dcr-immunisations': DcrImmunisations,
  'dcr-events-timeline': DcrEventsTimeline,
};

const text = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A tab's chunk as the test sees it: how often it was asked for, and when it arrives. */
interface Chunk {
  calls: number;
  /** Fails the next load (a network error fetching the chunk). */
  failNext: boolean;
  /** Resolves the load that is waiting, if held. */
  release: () => void;
  held: boolean;
}

let serial = 0;

/** A record under a fresh prefix whose tabs load through `chunks`, held when `hold` is set. */
async function lazyRecord(
  options: { tab?: string; hold?: readonly string[]; only?: readonly string[] } = {},
) {
  const prefix = `lazy${++serial}-`;
  const tagOf = (tag: string) => prefix + tag.slice('dcr-'.length);
  const parts: Record<string, CustomElementConstructor> = {
    'dcr-patient-banner': DcrPatientBanner,
    'dcr-consent-gate': DcrConsentGate,
    'dcr-allergy-banner': DcrAllergyBanner,
  };
  for (const [tag, base] of Object.entries(parts))
    customElements.define(tagOf(tag), class extends base {});
  const chunks = new Map<string, Chunk>();
  const loaders: Record<string, () => Promise<unknown>> = {};
  for (const { tag } of RECORD_TABS) {
    if (options.only && !options.only.includes(tag)) continue;
    let open: () => void = () => undefined;
    const chunk: Chunk = {
      calls: 0,
      failNext: false,
      held: options.hold?.includes(tag) ?? false,
      release: () => {
        chunk.held = false;
        open();
      },
    };
    chunks.set(tag, chunk);
    loaders[tagOf(tag)] = async () => {
      chunk.calls++;
      if (chunk.held) await new Promise<void>((resolve) => (open = resolve));
      if (chunk.failNext) {
        chunk.failNext = false;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      if (!customElements.get(tagOf(tag)))
        customElements.define(tagOf(tag), class extends TAB_CLASSES[tag]! {});
    };
  }
  const Record = class extends DcrRecord {};
  Record.tagPrefix = prefix;
  Record.tabLoaders = loaders;
  customElements.define(tagOf('dcr-record'), Record);

  const { session } = sandboxSession();
  const name = unsafeStatic(tagOf('dcr-record'));
  const el = await fixture<DcrRecord>(
    staticHtml`<${name} .session=${session} .clock=${fixedClock} tab=${options.tab ?? 'summary'}></${name}>`,
  );
  await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
  await el.updateComplete;
  const root = el.shadowRoot!;
  return {
    el,
    chunks,
    tagOf,
    panel: (id: string) => root.getElementById(`panel-${id}`)!,
    tabs: () => [...root.querySelectorAll<HTMLElement>('[role="tab"]')],
    defined: (tag: string) => customElements.get(tagOf(tag)) !== undefined,
  };
}

describe('dcr-record: each tab’s element loaded when needed', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('shows every tab at once; the open tab loads with a skeleton, then its element', async () => {
    const { el, chunks, panel, tabs, defined, tagOf } = await lazyRecord({
      hold: RECORD_TABS.map((t) => t.tag),
    });
    expect(tabs().map(text)).to.deep.equal(RECORD_TABS.map((t) => t.label));
    const status = panel('summary').querySelector('[role="status"]');
    expect(text(status)).to.equal('Loading summary');
    expect(status!.querySelectorAll('.skeleton')).to.have.length(2);
    await expect(el).to.be.accessible();
    expect(chunks.get('dcr-summary')!.calls).to.equal(1);
    expect(defined('dcr-summary')).to.equal(false);

    chunks.get('dcr-summary')!.release();
    await waitUntil(
      () => panel('summary').querySelector(tagOf('dcr-summary')),
      'summary not shown',
      WAIT,
    );
    expect(panel('summary').querySelector('[role="status"]')).to.equal(null);
    // Keyboard and ARIA as before: an arrow opens the next tab, whose code is still on its way.
    tabs()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(panel('problems').hidden).to.equal(false);
    expect(panel('problems').getAttribute('aria-labelledby')).to.equal('tab-problems');
    expect(text(panel('problems').querySelector('[role="status"]'))).to.equal('Loading problems');
  });

  it('a tab neither registered nor loadable is not shown; asking for it shows the summary', async () => {
    const { el, tabs } = await lazyRecord({ only: ['dcr-summary'], tab: 'problems' });
    expect(tabs().map(text)).to.deep.equal(['Summary']);
    expect(tabs()[0]!.getAttribute('aria-selected')).to.equal('true');
    el.tab = 'problems';
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('panel-problems')).to.equal(null);
  });

  it('fetches every other tab’s code when the page is idle after the first render', async () => {
    const { chunks, defined } = await lazyRecord();
    await waitUntil(
      () => RECORD_TABS.every((t) => defined(t.tag)),
      'not every tab was preloaded',
      WAIT,
    );
    // Each once: the open tab's load is not asked for again by the preload.
    expect([...chunks.values()].map((c) => c.calls)).to.deep.equal(RECORD_TABS.map(() => 1));
  });

  it('a tab whose code fails says so with "Try again", which loads it', async () => {
    const { el, chunks, panel, tagOf, defined } = await lazyRecord({
      tab: 'results',
      hold: ['dcr-investigations'],
    });
    const chunk = chunks.get('dcr-investigations')!;
    chunk.failNext = true;
    chunk.release();
    await waitUntil(() => panel('results').querySelector('[role="alert"]'), 'no alert', WAIT);
    const alert = panel('results').querySelector('[role="alert"]')!;
    expect(text(alert.querySelector('.title'))).to.equal('Results could not be opened');
    expect(defined('dcr-investigations')).to.equal(false);
    // In the one style of every element's failures (shared/section.styles.ts).
    expect(getComputedStyle(alert).borderLeftWidth).to.equal('8px');
    await expect(el).to.be.accessible();
    // The idle preload loads the other tabs and does not quietly try again behind the alert.
    await waitUntil(() => defined('dcr-events-timeline'), 'no preload', WAIT);
    expect(chunk.calls).to.equal(1);

    const retry = alert.querySelector('button')!;
    expect(text(retry)).to.equal('Try again');
    retry.click();
    await waitUntil(
      () => panel('results').querySelector(tagOf('dcr-investigations')),
      'results not shown',
      WAIT,
    );
    expect(chunk.calls).to.equal(2);
    expect(panel('results').querySelector('[role="alert"]')).to.equal(null);
  });

  it('"Print record" loads every tab before the print dialog opens', async () => {
    const held = ['dcr-events-timeline', 'dcr-immunisations'];
    const { el, chunks, panel, tagOf } = await lazyRecord({ hold: held });
    const original = window.print;
    let atPrint: string[] | undefined;
    window.print = () => {
      atPrint = RECORD_TABS.map((t) => panel(t.id).firstElementChild?.localName ?? 'nothing');
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="print-button"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(atPrint, 'printed before every tab was loaded').to.equal(undefined);
      for (const tag of held) chunks.get(tag)!.release();
      await waitUntil(() => atPrint, 'print not called', WAIT);
    } finally {
      window.print = original;
    }
    expect(atPrint).to.deep.equal(RECORD_TABS.map((t) => tagOf(t.tag)));
  });

  it('the browser’s own print before a tab has loaded prints a line saying it is left out', async () => {
    const { el, panel, defined } = await lazyRecord({ hold: ['dcr-investigations'] });
    const others = RECORD_TABS.filter((t) => t.id !== 'results');
    await waitUntil(() => others.every((t) => defined(t.tag)), 'no preload', WAIT);
    await emulateMedia({ media: 'print' });
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    const line = panel('results').querySelector('[part="message"]')!;
    expect(text(line)).to.equal('Results is not in this print: open the tab and print again');
    expect(line.checkVisibility()).to.equal(true);
    expect(panel('results').hidden).to.equal(false);
    // The panel alone: the whole print view repeats each section's footer landmark (as before).
    await expect(panel('results')).to.be.accessible();
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(panel('results').querySelector('[part="message"]')).to.equal(null);
  });
});
