import {
  clearFaults,
  configureFaults,
  describeAccessibility,
  expectDeveloperWarnings,
  fixedClock,
  recordingFetch,
  SANDBOX_FHIR_R4,
  sandboxSession,
  sessionReaches,
  TEST_VIEWER,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createCareRecordSession, fhirR4Source, gpConnectSource } from '@dcr-elements/core';
import type { AuditRecord, SectionName } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrAuditEvent, DcrTabChangeEvent } from '../events.js';
import { exampleSession, type ExampleState } from '../shared/example-sessions.js';
import { examples } from './record.examples.js';
import { DcrRecord } from './record.js';
import { BANNER_SECTIONS, RECORD_TABS } from './record-tabs.js';
import '../define/dcr-record.js';
import '../define/dcr-session.js';

const WAIT = { timeout: 10_000 };
const { typical } = SANDBOX_PATIENTS;

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first match of `selector` in the record or any shadow root inside it. */
function find(el: Element, selector: string): HTMLElement | null {
  const roots: (Element | ShadowRoot)[] = [el];
  while (roots.length > 0) {
    const root = roots.shift()!;
    const match = root.querySelector<HTMLElement>(selector);
    if (match) return match;
    for (const child of root.querySelectorAll('*'))
      if (child.shadowRoot) roots.push(child.shadowRoot);
    if (root instanceof Element && root.shadowRoot) roots.push(root.shadowRoot);
  }
  return null;
}

/** `selector` inside the shadow root of the record's `tag` element. */
const inside = (el: DcrRecord, tag: string, selector: string) =>
  find(el, tag)?.shadowRoot?.querySelector(selector) ?? null;

const shadow = (el: DcrRecord) => el.shadowRoot!;
const gate = (el: DcrRecord) => shadow(el).querySelector('dcr-consent-gate')!;
const summary = (el: DcrRecord) => shadow(el).querySelector('dcr-summary');
const tabs = (el: DcrRecord) => [...shadow(el).querySelectorAll<HTMLElement>('[role="tab"]')];
const tabNames = (el: DcrRecord) => tabs(el).map((t) => text(t));
const selected = (el: DcrRecord) =>
  tabs(el).find((t) => t.getAttribute('aria-selected') === 'true');
const visiblePanels = (el: DcrRecord) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => !p.hidden);
/** What the gate says (its own shadow root: the question, a refusal, the status bar). */
const gateText = (el: DcrRecord) => text(gate(el).shadowRoot);
const tablistShown = (el: DcrRecord) =>
  shadow(el).querySelector('[role="tablist"]')!.checkVisibility();

/** The element inside shadow roots that has focus. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until the summary shows no loading skeleton (or, with `loading`, until it shows one). */
async function summarySettled(el: DcrRecord, loading = false): Promise<void> {
  await waitUntil(
    () => {
      const root = summary(el)?.shadowRoot;
      if (!root?.querySelector('[part="part"]')) return false;
      return loading === (root.querySelector('.skeleton') !== null);
    },
    'summary did not settle',
    WAIT,
  );
}

/** What each example settles into, when it is not a refusal. */
const SETTLES_AS: Record<string, 'viewing' | 'medication' | 'loading' | 'asking' | 'at-once'> = {
  'Viewing with consent': 'viewing',
  'Medication tab open': 'medication',
  'Duty-of-care override': 'viewing',
  'Part of the record failed': 'viewing',
  'Record loading': 'loading',
  'Results still arriving': 'loading',
  'Awaiting consent': 'asking',
  'No patient selected': 'at-once',
  'Not connected to a session': 'at-once',
};
const PASSING: readonly string[] = [
  'awaiting-consent',
  'granted',
  'override',
  'loading',
  'ready',
  'partial',
];

/** Waits until the example's session reaches its state and what depends on it has rendered. */
async function settled(el: DcrRecord, name: string): Promise<void> {
  const session = el.viewSession;
  const kind = SETTLES_AS[name];
  if (session && kind === 'viewing') {
    await sessionReaches(session, 'ready', 'partial');
    await summarySettled(el);
  } else if (session && kind === 'medication') {
    await waitUntil(() => inside(el, 'dcr-medication-list', 'table'), 'no medication', WAIT);
  } else if (session && kind === 'loading') {
    await waitUntil(() => session.basis, 'no grant', WAIT);
    await summarySettled(el, true);
  } else if (session && kind === 'asking') {
    await sessionReaches(session, 'awaiting-consent');
  } else if (session && !kind) {
    await waitUntil(() => !PASSING.includes(session.state), `still ${session.state}`, WAIT);
  }
  await el.updateComplete;
  await gate(el).updateComplete;
}

async function typicalRecord(options: { fetch?: typeof fetch } = {}) {
  const sandbox = sandboxSession(options.fetch ? { fetch: options.fetch } : {});
  const el = await fixture<DcrRecord>(
    html`<dcr-record .session=${sandbox.session} .clock=${fixedClock}></dcr-record>`,
  );
  await viewPatient(sandbox.session, typical, { decision: 'granted' });
  await summarySettled(el);
  return { el, ...sandbox };
}

/** The sections the record shows: the banners' and every tab's (each registered or loadable). */
function recordSections(): SectionName[] {
  return [...new Set([...BANNER_SECTIONS, ...RECORD_TABS.flatMap((t) => t.sections)])];
}

/** Every tab's element registered, as the record's idle preload leaves them. */
const loadEveryTab = () => Promise.all(Object.values(DcrRecord.tabLoaders).map((load) => load?.()));

/** Requests to the FHIR server, by path and query (the origin left out). */
const fhirRequests = (requests: { url: string }[]) =>
  requests.map((r) => r.url).filter((u) => u.includes('/fhir/'));

async function tabTo(match: (active: Element) => boolean): Promise<Element> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && match(active)) return active;
  }
  throw new Error('not reachable by Tab');
}

describe('dcr-record', () => {
  describeAccessibility<DcrRecord>(examples, (el, example) => settled(el, example.name));

  describe('says what each session state means', () => {
    it('viewing: patient and allergy banners, then the tabs of the elements registered, Summary open', async () => {
      const { el } = await typicalRecord();
      expect(
        text(find(el, 'dcr-patient-banner')?.shadowRoot?.querySelector('[part="name"]') ?? null),
      ).to.equal('HARGREAVES, Ada (Mrs)');
      expect(
        text(
          find(el, 'dcr-allergy-banner')?.shadowRoot?.querySelector('[part="headline"]') ?? null,
        ),
      ).to.contain('Known allergies');
      expect(gateText(el)).to.contain('Viewing with the patient’s consent');
      expect(tabNames(el)).to.deep.equal(RECORD_TABS.map((t) => t.label));
      expect(text(selected(el))).to.equal('Summary');
      expect(visiblePanels(el).map((p) => p.id)).to.deep.equal(['panel-summary']);
      // The summary leaves allergies to the banner above it, and links to the full views.
      const parts = [...summary(el)!.shadowRoot!.querySelectorAll('[part="part"] h3')].map((h) =>
        text(h),
      );
      expect(parts).to.deep.equal([
        'Risks and warnings',
        'Current medication',
        'Drug monitoring',
        'Active problems',
        'Last admission',
      ]);
      expect(summary(el)!.shadowRoot!.querySelectorAll('[part="link"]').length).to.be.greaterThan(
        0,
      );
      // Tabs not yet opened are not rendered (their elements would report their sections shown).
      expect(shadow(el).querySelector('dcr-events-timeline')).to.equal(null);
    });

    it('awaiting consent: the patient as your system knows them and the question; no tabs, nothing fetched', async () => {
      const { session, network } = sandboxSession();
      const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
      await viewPatient(session, typical);
      await el.updateComplete;
      await gate(el).updateComplete;
      const banner = find(el, 'dcr-patient-banner')!.shadowRoot!;
      expect(text(banner.querySelector('[part="name"]'))).to.equal('HARGREAVES, Ada');
      expect(text(banner.querySelector('[part="origin"]'))).to.equal('Details from your system');
      expect(gateText(el)).to.contain('Consent to view GP record');
      expect(tablistShown(el)).to.equal(false);
      expect(network.requests).to.deep.equal([]);
    });

    it('override: the override banner names the reason above the record', async () => {
      const el = await fixture<DcrRecord>(
        html`<dcr-record .session=${exampleSession('override')}></dcr-record>`,
      );
      await settled(el, 'Duty-of-care override');
      expect(gateText(el)).to.contain("Override active: viewing without the patient's consent");
      expect(gateText(el)).to.contain('Reason: Medical emergency');
      expect(tablistShown(el)).to.equal(true);
    });

    it('loading: the tabs, and the summary saying each part is loading', async () => {
      const el = await fixture<DcrRecord>(
        html`<dcr-record .session=${exampleSession('loading')}></dcr-record>`,
      );
      await summarySettled(el, true);
      expect(tablistShown(el)).to.equal(true);
      expect(text(summary(el)!.shadowRoot!.querySelector('[role="status"]'))).to.equal(
        'Loading risks and warnings',
      );
    });

    it('part of the record failed: the status bar says so, the rest is shown', async () => {
      const el = await fixture<DcrRecord>(
        html`<dcr-record .session=${exampleSession('granted', { failPath: '/Observation' })}></dcr-record>`,
      );
      await summarySettled(el);
      await waitUntil(() => el.viewSession?.state === 'partial', 'not partial', WAIT);
      await gate(el).updateComplete;
      expect(gateText(el)).to.match(/could not be loaded|not be loaded/i);
      expect(text(summary(el)!.shadowRoot!.querySelector('.monitoring [role="alert"]'))).to.contain(
        'Drug monitoring could not be loaded',
      );
    });

    const refusals: [ExampleState, string][] = [
      ['consent-declined', 'Consent to view declined'],
      ['source-dissent', 'GP record not shared'],
      ['not-permitted', 'You cannot view GP records'],
      ['no-agreement', 'No sharing agreement'],
      ['not-found', 'No GP record found'],
      ['identity-mismatch', 'Record does not match this patient'],
      ['unavailable', 'GP record unavailable'],
      ['ended', 'Viewing ended'],
      ['no-context', 'No patient record to show'],
    ];
    for (const [state, title] of refusals) {
      it(`${state}: says "${title}", shows no tabs and nothing of the record`, async () => {
        const session = exampleSession(state);
        const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
        if (state !== 'no-context') await sessionReaches(session, state);
        await el.updateComplete;
        await gate(el).updateComplete;
        expect(gateText(el)).to.contain(title);
        expect(tablistShown(el)).to.equal(false);
        // The patient banner names the patient the host set, and is not there without one.
        const banner = find(el, 'dcr-patient-banner');
        if (state === 'no-context') expect(banner).to.equal(null);
        else if (state !== 'ended')
          expect(text(banner?.shadowRoot?.querySelector('[part="name"]')), state).to.match(
            /^[A-Z]+, [A-Z][a-z]+/,
          );
        expect(find(el, '[part="part"]')?.checkVisibility() ?? false).to.equal(false);
      });
    }

    it('without a session: a neutral message, and console warnings for the developer', async () => {
      const warnings = expectDeveloperWarnings();
      const el = await fixture<DcrRecord>(html`<dcr-record></dcr-record>`);
      await gate(el).updateComplete;
      expect(gateText(el)).to.contain('not connected to the GP record');
      expect(warnings.some((w) => w.startsWith('dcr-elements: <dcr-record>'))).to.equal(true);
      expect(tablistShown(el)).to.equal(false);
    });
  });

  describe('requests', () => {
    afterEach(clearFaults);

    it('Done when: no more requests than the union of its sections, each once, and none when tabs open', async () => {
      // The union: a bare session asking for exactly the record's sections.
      const baseline = sandboxSession();
      for (const section of recordSections()) baseline.session.subscribe(section, () => undefined);
      await viewPatient(baseline.session, typical, { decision: 'granted' });
      await sessionReaches(baseline.session, 'ready', 'partial');
      const union = fhirRequests(baseline.network.requests).sort();

      const { el, network } = await typicalRecord();
      await sessionReaches(el.viewSession!, 'ready', 'partial');
      const made = fhirRequests(network.requests);
      expect(new Set(made).size, 'no request made twice').to.equal(made.length);
      expect([...made].sort()).to.deep.equal(union);
      // Opening every tab fetches nothing more: each element reads what is already there.
      for (const tab of tabs(el)) {
        tab.click();
        await el.updateComplete;
      }
      await waitUntil(
        () => inside(el, 'dcr-events-timeline', '[part="timeline"]'),
        'events not shown',
        WAIT,
      );
      expect(fhirRequests(network.requests)).to.have.length(made.length);
    });

    it('makes one GP Connect request for the whole record, whatever tabs are opened', async () => {
      const network = recordingFetch();
      const session = createCareRecordSession({
        source: gpConnectSource({
          baseUrl: '/fhir/gpconnect',
          viewer: TEST_VIEWER,
          fetch: network.fetch,
        }),
        viewer: TEST_VIEWER,
        audit: { record: () => undefined },
        policy: { agreement: [TEST_VIEWER.organisation] },
      });
      const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
      await viewPatient(session, typical, { decision: 'granted' });
      await summarySettled(el);
      for (const tab of tabs(el)) {
        tab.click();
        await el.updateComplete;
      }
      await waitUntil(
        () => inside(el, 'dcr-events-timeline', '[part="summary"]'),
        'no events',
        WAIT,
      );
      expect(network.requests.map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('Done when: shows allergies before the slowest section arrives', async function () {
      this.timeout(20_000);
      await configureFaults('record-slow-results', {
        pathContains: '/Observation',
        latencyMs: { min: 2500, max: 2500 },
      });
      const session = createCareRecordSession({
        source: fhirR4Source({
          baseUrl: SANDBOX_FHIR_R4,
          headers: { 'x-dcr-sandbox-profile': 'record-slow-results' },
        }),
        viewer: TEST_VIEWER,
        audit: { record: () => undefined },
        policy: { agreement: ['RX1'] },
      });
      const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
      await viewPatient(session, typical, { decision: 'granted' });
      const started = performance.now();
      const headline = () =>
        text(
          find(el, 'dcr-allergy-banner')?.shadowRoot?.querySelector('[part="headline"]') ?? null,
        );
      await waitUntil(() => headline().includes('Known allergies'), 'no allergies', WAIT);
      // The results are still on their way: drug monitoring says it is loading.
      expect(performance.now() - started).to.be.below(2500);
      expect(session.current('investigations')?.status).to.equal('loading');
      const monitoring = () => summary(el)?.shadowRoot?.querySelector('.monitoring');
      await waitUntil(
        () => monitoring()?.querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(monitoring()!.querySelector('[role="status"]'))).to.equal(
        'Loading drug monitoring',
      );
      // Then they arrive.
      await waitUntil(() => monitoring()?.querySelector('.list'), 'results never arrived', WAIT);
      expect(performance.now() - started).to.be.at.least(2400);
    });
  });

  describe('tabs', () => {
    it('keyboard: Tab reaches the open tab; arrows move and open (wrapping), Home and End', async () => {
      const { el } = await typicalRecord();
      const changes: DcrTabChangeEvent['detail'][] = [];
      el.addEventListener('dcr-tab-change', (e) => changes.push(e.detail));
      const first = await tabTo((a) => a.getAttribute('role') === 'tab');
      expect(text(first)).to.equal('Summary');
      const indexes = (open: number) => RECORD_TABS.map((_, i) => (i === open ? 0 : -1));
      expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal(indexes(0));
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(text(deepActive())).to.equal('Problems');
      expect(el.tab).to.equal('problems');
      expect(el.getAttribute('tab')).to.equal('problems');
      expect(visiblePanels(el).map((p) => p.id)).to.deep.equal(['panel-problems']);
      expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal(indexes(1));
      await waitUntil(() => find(el, 'dcr-problem-list'), 'problems not shown', WAIT);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(text(deepActive())).to.equal('Summary');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(text(deepActive())).to.equal('Events');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(text(deepActive())).to.equal('Summary');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(text(deepActive())).to.equal('Events');
      expect(changes.map((c) => `${c.previous}>${c.tab}`)).to.deep.equal([
        'summary>problems',
        'problems>summary',
        'summary>events',
        'events>summary',
        'summary>events',
      ]);
      // Tab leaves the tab row for the print button, then the open panel.
      await sendKeys({ press: 'Tab' });
      expect(text(deepActive())).to.equal('Print record');
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id).to.equal('panel-events');
      // The tabs are named and tied to their panels.
      const events = tabs(el).at(-1)!;
      expect(
        shadow(el)
          .getElementById(events.getAttribute('aria-controls')!)
          ?.getAttribute('aria-labelledby'),
      ).to.equal(events.id);
      expect(shadow(el).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal(
        'GP record',
      );
    });

    it('a summary link opens its tab and focuses it, from the keyboard', async () => {
      const { el } = await typicalRecord();
      const changed = oneEvent(el, 'dcr-tab-change') as Promise<DcrTabChangeEvent>;
      await tabTo((a) => text(a) === 'All medication');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail).to.deep.equal({ tab: 'medications', previous: 'summary' });
      await el.updateComplete;
      expect(text(selected(el))).to.equal('Medication');
      expect(text(deepActive())).to.equal('Medication');
    });

    it('the tab attribute opens a tab without an event; an unknown tab shows the summary', async () => {
      const { el } = await typicalRecord();
      let events = 0;
      el.addEventListener('dcr-tab-change', () => events++);
      el.setAttribute('tab', 'events');
      await el.updateComplete;
      expect(text(selected(el))).to.equal('Events');
      expect(visiblePanels(el).map((p) => p.id)).to.deep.equal(['panel-events']);
      el.setAttribute('tab', 'no-such-tab');
      await el.updateComplete;
      expect(text(selected(el))).to.equal('Summary');
      expect(events).to.equal(0);
    });

    it('a new patient starts on the summary, and the host hears of it', async () => {
      const { el, session } = await typicalRecord();
      tabs(el).at(-1)!.click();
      await el.updateComplete;
      expect(el.tab).to.equal('events');
      const changed = oneEvent(el, 'dcr-tab-change') as Promise<DcrTabChangeEvent>;
      await viewPatient(session, SANDBOX_PATIENTS.noKnownAllergies, { decision: 'granted' });
      expect((await changed).detail).to.deep.equal({ tab: 'summary', previous: 'events' });
      await summarySettled(el);
      expect(text(selected(el))).to.equal('Summary');
      expect(shadow(el).querySelector('dcr-events-timeline')).to.equal(null);
    });
  });

  describe('session', () => {
    it('works inside <dcr-session>: reads its session, and audit events reach the page once', async () => {
      const { session } = sandboxSession();
      const seen: AuditRecord[] = [];
      const listener = (e: DcrAuditEvent) => seen.push(e.detail);
      document.addEventListener('dcr-audit', listener);
      try {
        const wrapper = await fixture(
          html`<dcr-session .session=${session}><dcr-record></dcr-record></dcr-session>`,
        );
        const el = wrapper.querySelector('dcr-record')!;
        expect(el.viewSession).to.equal(session);
        await viewPatient(session, typical, { decision: 'granted' });
        await summarySettled(el);
        const ids = seen.map((r) => r.id);
        expect(ids.length).to.be.greaterThan(0);
        expect(new Set(ids).size, 'no audit event twice').to.equal(ids.length);
      } finally {
        document.removeEventListener('dcr-audit', listener);
      }
    });

    it('replaces <dcr-session>: with .session set, it dispatches the audit events itself', async () => {
      const { session } = sandboxSession();
      const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
      const seen: string[] = [];
      el.addEventListener('dcr-audit', (e) => seen.push(e.detail.action));
      await viewPatient(session, typical, { decision: 'granted' });
      await summarySettled(el);
      expect(seen[0]).to.equal('attempt');
      expect(seen).to.include('section-shown');
    });
  });

  describe('print', () => {
    afterEach(() => emulateMedia({ media: 'screen', colorScheme: 'light' }));

    it('on the browser’s own print: every tab, and on every page who printed it, when, and that it is not the complete record', async () => {
      const { el } = await typicalRecord();
      await loadEveryTab();
      await el.updateComplete;
      // Paper is light even when the screen is dark.
      await emulateMedia({ media: 'print', colorScheme: 'dark' });
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      expect(visiblePanels(el).map((p) => p.id)).to.deep.equal(
        RECORD_TABS.map((t) => `panel-${t.id}`),
      );
      const header = shadow(el).querySelector<HTMLElement>('[part="print-header"]')!;
      expect(text(header)).to.equal(
        'Not a complete GP record — printed from the Detailed Care Record ' +
          'HARGREAVES, Ada, NHS No. 999 234 5675. Printed by Dr Test (RX1) on 26-Nov-2026 09:30.',
      );
      // Repeated at the top of every printed page; the tab row is not printed.
      expect(getComputedStyle(header.closest('thead')!).display).to.equal('table-header-group');
      expect(getComputedStyle(shadow(el).querySelector('[part="toolbar"]')!).display).to.equal(
        'none',
      );
      const heading = summary(el)!.shadowRoot!.querySelector('[part="heading"]')!;
      expect(getComputedStyle(heading).color).to.equal('rgb(0, 0, 0)');
      expect(getComputedStyle(summary(el)!).backgroundColor).to.equal('rgb(255, 255, 255)');
      // Every tab's element is told, so a virtualised list renders all its rows.
      const elements = visiblePanels(el).map(
        (p) => p.firstElementChild as HTMLElement & { printing?: boolean },
      );
      expect(elements.map((e) => e.printing)).to.deep.equal(RECORD_TABS.map(() => true));
      await waitUntil(
        () => inside(el, 'dcr-events-timeline', '[part="timeline"]'),
        'events not printed',
        WAIT,
      );
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="print-header"]')).to.equal(null);
      expect(visiblePanels(el).map((p) => p.id)).to.deep.equal(['panel-summary']);
    });

    it('the print button renders everything before the print dialog opens', async () => {
      const { el, audit } = await typicalRecord();
      const original = window.print;
      let atPrint: { panels: string[]; header: string; medication: boolean } | undefined;
      window.print = () => {
        atPrint = {
          panels: visiblePanels(el).map((p) => p.id),
          header: text(shadow(el).querySelector('[part="print-header"]')),
          medication: inside(el, 'dcr-medication-list', 'table') !== null,
        };
      };
      try {
        const button = shadow(el).querySelector<HTMLButtonElement>('[part="print-button"]')!;
        expect(text(button)).to.equal('Print record');
        button.click();
        await waitUntil(() => atPrint, 'print not called', WAIT);
      } finally {
        window.print = original;
      }
      expect(atPrint!.panels).to.deep.equal(RECORD_TABS.map((t) => `panel-${t.id}`));
      expect(atPrint!.header).to.contain('Not a complete GP record');
      expect(atPrint!.medication).to.equal(true);
      // Printed is shown: the audit says which sections were.
      await waitUntil(
        () =>
          audit.some((r) => r.action === 'section-shown' && r.sections?.includes('medications')),
        'no section-shown for what was printed',
        WAIT,
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="print-header"]')).to.equal(null);
    });
  });
  describe('with all ten tabs', () => {
    it('asks for every tab’s section at once: one GP Connect request, each R4 search once', async () => {
      const bodies: string[] = [];
      const session = createCareRecordSession({
        source: gpConnectSource({
          baseUrl: '/fhir/gpconnect',
          viewer: TEST_VIEWER,
          fetch: (input, init) => {
            bodies.push(String(init?.body));
            return fetch(input, init);
          },
        }),
        viewer: TEST_VIEWER,
        audit: { record: () => undefined },
        policy: { agreement: [TEST_VIEWER.organisation] },
      });
      const el = await fixture<DcrRecord>(html`<dcr-record .session=${session}></dcr-record>`);
      await viewPatient(session, typical, { decision: 'granted' });
      await summarySettled(el);
      expect(tabs(el)).to.have.length(10);
      expect(bodies).to.have.length(1);
      // Immunisations are on no tab but their own, which is not open: asked for in the one request.
      expect(bodies[0]).to.contain('includeImmunisations');

      const r4 = sandboxSession();
      const record = await fixture<DcrRecord>(
        html`<dcr-record .session=${r4.session}></dcr-record>`,
      );
      await viewPatient(r4.session, typical, { decision: 'granted' });
      await sessionReaches(r4.session, 'ready', 'partial');
      await summarySettled(record);
      const made = fhirRequests(r4.network.requests);
      expect(new Set(made).size, 'no request made twice').to.equal(made.length);
      const types = new Set(made.map((u) => new URL(u, location.href).pathname.split('/')[3]));
      for (const type of ['Procedure', 'Immunization', 'Observation', 'Flag', 'Condition'])
        expect(types.has(type), type).to.equal(true);
    });

    it('at 390 px the tab row scrolls sideways and the open tab is scrolled into view', async () => {
      await setViewport({ width: 390, height: 800 });
      try {
        const { el } = await typicalRecord();
        await waitUntil(() => tabs(el).length === 10, 'tabs not all shown', WAIT);
        const list = shadow(el).querySelector<HTMLElement>('[role="tablist"]')!;
        expect(list.scrollWidth).to.be.greaterThan(list.clientWidth);
        expect(el.getBoundingClientRect().width).to.be.at.most(390);
        await tabTo((a) => a.getAttribute('role') === 'tab');
        await sendKeys({ press: 'End' });
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const last = tabs(el).at(-1)!;
        const box = last.getBoundingClientRect();
        const view = list.getBoundingClientRect();
        expect(box.right).to.be.at.most(view.right + 1);
        expect(box.left).to.be.at.least(view.left - 1);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
});
