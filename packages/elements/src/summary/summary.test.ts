import {
  describeAccessibility,
  expectDeveloperWarnings,
  recordingFetch,
  SANDBOX_FHIR_R4,
  sandboxSession,
  sessionReaches,
  TEST_VIEWER,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  createCareRecordSession,
  gpConnectSource,
  medicationViews,
  staticSource,
} from '@dcr-elements/core';
import type { CareRecordSession, MedicationsSection } from '@dcr-elements/core';
import { atRiskForFalls, flagCategoryClinical } from '../../../sandbox/src/codes.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrNavigateEvent } from '../events.js';
import { exampleSession } from '../shared/example-sessions.js';
import { formatDate } from '../shared/format.js';
import { monitoringRule } from '../shared/monitoring.js';
import { examples } from './summary.examples.js';
import type { DcrSummary } from './summary.js';
import '../define/dcr-summary.js';

const WAIT = { timeout: 10_000 };
const { typical } = SANDBOX_PATIENTS;

function root(el: DcrSummary): ShadowRoot {
  return el.shadowRoot!;
}

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader gets: decorative (aria-hidden) symbols left out. */
function spoken(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return text(copy);
}

/** One part of the summary by its heading, e.g. "Drug monitoring". */
function part(el: DcrSummary, title: string): HTMLElement {
  const found = [...root(el).querySelectorAll<HTMLElement>('[part="part"]')].find(
    (p) => text(p.querySelector('h3')) === title,
  );
  if (!found) throw new Error(`no part "${title}"`);
  return found;
}

/** The items of a part's list, as read. */
function items(el: DcrSummary, title: string): string[] {
  return [...part(el, title).querySelectorAll('.list > li')].map((li) => text(li));
}

const loadingIn = (el: DcrSummary, title: string) =>
  part(el, title).querySelector('[role="status"] .skeleton') !== null;

/** Waits until no part shows its loading skeleton. */
async function settled(el: DcrSummary): Promise<void> {
  await waitUntil(() => !root(el).querySelector('.skeleton'), 'summary still loading', WAIT);
  await el.updateComplete;
}

async function typicalSummary(attributes: { links?: boolean } = {}) {
  const { session, audit, network } = sandboxSession();
  await viewPatient(session, typical, { decision: 'granted' });
  const el = await fixture<DcrSummary>(
    html`<dcr-summary ?links=${attributes.links ?? false} .session=${session}></dcr-summary>`,
  );
  await settled(el);
  return { el, session, audit, network };
}

/** The typical patient's summary on `session`, once its drug monitoring part shows an alert. */
async function monitoringAlert(session: CareRecordSession) {
  await viewPatient(session, typical, { decision: 'granted' });
  const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
  await waitUntil(
    () => part(el, 'Drug monitoring').querySelector('[role="alert"]'),
    'no alert',
    WAIT,
  );
  return { el, alert: part(el, 'Drug monitoring').querySelector('[role="alert"]')! };
}

/** The section value the element was given (a subscription: `section()` would refetch nothing). */
function readyValue<K extends 'medications' | 'events'>(session: CareRecordSession, section: K) {
  return new Promise<MedicationsSection>((resolve) => {
    const off = session.subscribe(section, (snapshot) => {
      if (snapshot.status !== 'ready') return;
      resolve(snapshot.value as MedicationsSection);
      queueMicrotask(() => off());
    });
  });
}

describe('dcr-summary', () => {
  describeAccessibility<DcrSummary>(examples, async (el, example) => {
    if (example.name === 'Loading')
      return waitUntil(() => root(el).querySelector('.skeleton'), 'no skeleton', WAIT);
    if (example.name === 'Results still arriving')
      return waitUntil(
        () => root(el).querySelector('.part.medications .list') && loadingIn(el, 'Drug monitoring'),
        'medication not shown beside loading results',
        WAIT,
      );
    return settled(el);
  });

  describe('says what each session state means', () => {
    it('ready: allergies, warnings, medication, monitoring, problems and last admission for the typical patient', async () => {
      const { el, session } = await typicalSummary();
      // Allergies with the allergy banner's own words.
      const allergies = part(el, 'Allergies');
      expect(spoken(allergies.querySelector('.headline')!)).to.equal('Known allergies');
      expect(allergies.querySelector('.headline .symbol')!.textContent).to.equal('!');
      expect(items(el, 'Allergies')).to.deep.equal([
        'Penicillin: Urticaria (moderate), high criticality',
      ]);
      // Warnings: kind (as the risks and warnings element names it), term and date.
      expect(items(el, 'Risks and warnings')).to.deep.equal([
        'Falls At risk for falls since 03-Mar-2026',
      ]);
      // Medication: the HTML view's current groups, high-risk first.
      const meds = await readyValue(session, 'medications');
      const views = medicationViews(meds, new Date().toISOString());
      const expected = new Set([...views.currentRepeat, ...views.recentAcute].map((m) => m.name));
      const names = [...part(el, 'Current medication').querySelectorAll('.list > li .term')].map(
        (t) => text(t),
      );
      expect(new Set(names)).to.deep.equal(expected);
      const highRisk = names.map((n) => meds.entries.find((m) => m.name === n)!.highRisk);
      expect(highRisk.indexOf(false)).to.equal(highRisk.lastIndexOf(true) + 1);
      expect(names).not.to.include('Apixaban 5mg tablets');
      const warfarin = [...part(el, 'Current medication').querySelectorAll('.list > li')].find(
        (li) => text(li.querySelector('.term')) === 'Warfarin 3mg tablets',
      )!;
      expect(text(warfarin.querySelector('[part="high-risk"]'))).to.equal(
        'High-risk: anticoagulant',
      );
      expect(warfarin.querySelector('[part="high-risk"] svg')).to.exist;
      // Problems: only the active ones (the knee osteoarthritis is inactive), each major.
      expect(items(el, 'Active problems')).to.deep.equal([
        'Heart failure Major since 01-Sep-2021',
        'Chronic kidney disease stage 3 Major since 05-Aug-2019',
        'Atrial fibrillation Major since 02-May-2014',
        'Type 2 diabetes mellitus Major since 27-Feb-2012',
        'Essential hypertension Major since 12-Oct-2009',
      ]);
      // The admission that followed the A&E attendance for pneumonia (sandbox: 340 to 329 days before 20-Nov-2026).
      expect(text(part(el, 'Last admission').querySelector('.admission .term'))).to.equal(
        '15-Dec-2025 to 26-Dec-2025',
      );
      // The incompleteness notice, once, with the fetch time and the practice.
      const footers = root(el).querySelectorAll(':host > footer, footer[part="disclosure"]');
      expect([...footers].filter((f) => text(f).includes('may be incomplete'))).to.have.length(1);
      expect(text(root(el).querySelector('.parts + footer'))).to.match(
        /may be incomplete.*As of \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d, from GP practice Y12345\./,
      );
    });

    it('Done when: the warfarin row shows the latest INR and its date, as the sandbox holds it', async () => {
      const { el } = await typicalSummary();
      // The newest of the typical patient's twenty INR results, read from the server directly.
      const response = await fetch(`${SANDBOX_FHIR_R4}/Observation/typical-inr-20`);
      const inr = (await response.json()) as {
        effectiveDateTime: string;
        valueQuantity: { value: number };
      };
      const row = [...part(el, 'Drug monitoring').querySelectorAll('.list > li')].find(
        (li) => text(li.querySelector('.term')) === 'Warfarin 3mg tablets',
      );
      expect(row, 'a warfarin row').to.exist;
      const value = inr.valueQuantity.value.toLocaleString('en-GB');
      const flag =
        inr.valueQuantity.value < 2 ? ' Low' : inr.valueQuantity.value > 3 ? ' High' : '';
      expect(text(row!.querySelector('.result'))).to.equal(`INR ${value}${flag}`);
      expect(text(row!.querySelector('.date'))).to.equal(
        `${formatDate(inr.effectiveDateTime)}, range 2 to 3`,
      );
      // A medicine watched by several tests is one row, each test on its own line.
      const lithium = [...part(el, 'Drug monitoring').querySelectorAll('.list > li')].filter((li) =>
        text(li.querySelector('.term')).startsWith('Priadel'),
      );
      expect(lithium).to.have.length(1);
      expect([...lithium[0]!.querySelectorAll('.result')].map((r) => text(r))).to.include.members([
        'No serum lithium result in the record',
        'No TSH result in the record',
      ]);
    });

    for (const source of ['fhir-r4', 'gp-connect'] as const)
      it(`the palliative care patient: palliative care and DNACPR first among the warnings (${source})`, async () => {
        const el = await fixture<DcrSummary>(
          html`<dcr-summary .session=${exampleSession('granted', {
            patient: 'palliative',
            ...(source === 'gp-connect' && { source }),
          })}></dcr-summary>`,
        );
        await waitUntil(() => items(el, 'Risks and warnings').length >= 2, 'no warnings', WAIT);
        const warnings = items(el, 'Risks and warnings');
        const kinds = warnings.map((w) => w.split(' ')[0]);
        expect(warnings.some((w) => w.startsWith('Palliative care / end of life'))).to.equal(true);
        expect(warnings.some((w) => w.startsWith('Resuscitation decision Not for'))).to.equal(true);
        // Nothing is listed before them: they lead the part.
        expect(
          kinds.slice(0, 3).every((k) => k === 'Palliative' || k === 'Resuscitation'),
        ).to.equal(true);
      });

    it('ready with nothing recorded: every part says so, never blank', async () => {
      const { session } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.nothingRecorded, { decision: 'granted' });
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      await settled(el);
      expect(spoken(part(el, 'Allergies').querySelector('.headline')!)).to.equal(
        'Allergies not recorded',
      );
      expect(text(part(el, 'Allergies').querySelector('.note'))).to.equal(
        'Nothing recorded either way. Ask the patient.',
      );
      expect(text(part(el, 'Risks and warnings').querySelector('[part="empty"]'))).to.equal(
        'No risks or warnings recorded',
      );
      expect(text(part(el, 'Current medication').querySelector('[part="empty"]'))).to.equal(
        'No medications recorded',
      );
      expect(text(part(el, 'Drug monitoring').querySelector('[part="empty"]'))).to.equal(
        'No current medicine with a monitoring test',
      );
      expect(text(part(el, 'Active problems').querySelector('[part="empty"]'))).to.equal(
        'No problems recorded',
      );
      expect(text(part(el, 'Last admission').querySelector('[part="empty"]'))).to.equal(
        'No hospital admissions recorded',
      );
    });

    it('no known allergies: the coded statement, never "not recorded"', async () => {
      const { session } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.noKnownAllergies, { decision: 'granted' });
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      await settled(el);
      expect(spoken(part(el, 'Allergies').querySelector('.headline')!)).to.equal(
        'No known allergies',
      );
      expect(text(part(el, 'Allergies'))).to.match(
        /Coded in the GP record, \d\d-[A-Z][a-z]{2}-\d{4}\./,
      );
    });

    it('withheld entries: the part they belong to says how many, the notice stays once', async () => {
      const { session } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.privateAndSensitive, { decision: 'granted' });
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      await settled(el);
      const withheld = [...root(el).querySelectorAll('[part="part"] .withheld')].map((p) =>
        text(p),
      );
      expect(withheld.length).to.be.greaterThan(0);
      expect(withheld[0]).to.match(
        /^\d+ (entry is|entries are) not shown: private to another organisation or in a sensitive category\.$/,
      );
      expect(text(root(el).querySelector('[part="part"] [part="disclosure"]'))).not.to.contain(
        'may be incomplete',
      );
      expect(text(root(el).querySelector('.parts + footer'))).to.contain('may be incomplete');
    });

    it('loading: each part has its own status', async () => {
      const el = await fixture<DcrSummary>(
        html`<dcr-summary .session=${exampleSession('loading')}></dcr-summary>`,
      );
      await waitUntil(() => root(el).querySelector('.skeleton'), 'no skeleton', WAIT);
      const statuses = [...root(el).querySelectorAll('[role="status"]')].map((s) => text(s));
      expect(statuses).to.deep.equal([
        'Loading allergies',
        'Loading risks and warnings',
        'Loading medication',
        'Loading drug monitoring',
        'Loading problems',
        'Loading admissions',
      ]);
    });

    it('one slow section: the rest is shown while drug monitoring is still loading', async () => {
      const el = await fixture<DcrSummary>(
        html`<dcr-summary .session=${exampleSession('granted', { holdPath: '/Observation' })}></dcr-summary>`,
      );
      // Each quick section arrives on its own request, in any order: wait for all of them (the
      // admission too: waiting for three then reading the fourth failed under load).
      await waitUntil(
        () =>
          items(el, 'Active problems').length > 0 &&
          items(el, 'Allergies').length > 0 &&
          items(el, 'Current medication').length > 0 &&
          !part(el, 'Last admission').querySelector('.skeleton'),
        'quick parts not shown',
        WAIT,
      );
      expect(loadingIn(el, 'Drug monitoring')).to.equal(true);
      expect(items(el, 'Current medication').length).to.be.greaterThan(0);
      expect(text(part(el, 'Last admission'))).to.contain('15-Dec-2025');
    });

    it('a part that failed says so with a retry from the keyboard; the others stand', async () => {
      let failResults = true;
      const { session } = sandboxSession({
        fetch: (input, init) =>
          failResults && input.includes('/Observation')
            ? Promise.reject(new TypeError('Failed to fetch'))
            : fetch(input, init),
      });
      const { el, alert } = await monitoringAlert(session);
      expect(text(alert)).to.contain('Drug monitoring could not be loaded');
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      expect(items(el, 'Allergies')).to.have.length(1);
      failResults = false;
      // Risks and warnings read Observations too (derived warnings), so both parts offer a retry.
      const inMonitoring = () =>
        root(el).activeElement?.textContent === 'Try again' &&
        root(el).activeElement?.closest('.part')?.classList.contains('monitoring');
      for (let i = 0; i < 40 && !inMonitoring(); i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.closest('.part')?.classList.contains('monitoring')).to.equal(
        true,
      );
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => items(el, 'Drug monitoring').length > 0, 'retry did not load', WAIT);
      expect(items(el, 'Drug monitoring')[0]).to.match(/^Warfarin \dmg tablets INR /);
    });

    it('unavailable: one alert for the whole summary, no part claims nothing is recorded', async () => {
      const el = await fixture<DcrSummary>(
        html`<dcr-summary .session=${exampleSession('unavailable')}></dcr-summary>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      expect(root(el).querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(text(root(el).querySelector('[role="alert"]'))).to.contain('GP record unavailable');
      expect(root(el).querySelector('[part="part"]')).to.equal(null);
    });

    it('awaiting consent: one status for the whole summary, nothing fetched', async () => {
      const { session, network } = sandboxSession();
      await viewPatient(session, typical);
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      const statuses = root(el).querySelectorAll('[role="status"]');
      expect(statuses).to.have.length(1);
      expect(text(statuses[0])).to.contain('Waiting for consent to view');
      expect(root(el).querySelector('[part="part"]')).to.equal(null);
      expect(network.requests).to.deep.equal([]);
    });

    it('refusals (not shared, declined, not permitted, not found, ended): one status saying why, never an alarm', async () => {
      const cases = [
        ['source-dissent', 'GP record not shared'],
        ['consent-declined', 'Consent to view declined'],
        ['not-permitted', 'You cannot view GP records'],
        ['not-found', 'No GP record found'],
        ['ended', 'Viewing ended'],
      ] as const;
      for (const [state, title] of cases) {
        const session = exampleSession(state);
        const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
        await sessionReaches(session, state);
        await el.updateComplete;
        expect(root(el).querySelectorAll('[role="alert"]'), state).to.have.length(0);
        expect(root(el).querySelectorAll('[role="status"]'), state).to.have.length(1);
        expect(text(root(el).querySelector('[role="status"]')), state).to.contain(title);
        expect(root(el).querySelector('[part="part"]'), state).to.equal(null);
      }
    });

    it('without a session: a neutral message, and a console warning for the developer', async () => {
      const warnings = expectDeveloperWarnings();
      const el = await fixture<DcrSummary>(html`<dcr-summary></dcr-summary>`);
      expect(text(root(el).querySelector('[role="status"]'))).to.contain(
        'not connected to the GP record',
      );
      expect(warnings.some((w) => w.startsWith('dcr-elements: <dcr-summary>'))).to.equal(true);
    });
  });

  it('puts resuscitation and end-of-life warnings first, each with its kind and date', async () => {
    const subject = { reference: 'Patient/p1' };
    const flag = (id: string, coding: object, start: string) => ({
      resourceType: 'Flag',
      id,
      status: 'active',
      subject,
      category: [{ coding: [flagCategoryClinical] }],
      code: { coding: [coding] },
      period: { start },
    });
    const resources = [
      {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
        name: [{ family: 'Flagg', given: ['Ada'] }],
        birthDate: '1940-01-02',
      },
      flag('falls', atRiskForFalls, '2026-05-01'),
      // SNOMED CT 450476008 Not for cardiopulmonary resuscitation (finding): SCR inclusion dataset.
      flag(
        'dnacpr',
        {
          system: 'http://snomed.info/sct',
          code: '450476008',
          display: 'Not for attempted cardiopulmonary resuscitation',
        },
        '2025-02-10',
      ),
      // A practice's local code, known by its term.
      flag(
        'palliative',
        { system: 'http://example.org/local', code: 'PAL1', display: 'Palliative care' },
        '2024-09-01',
      ),
    ];
    const session = createCareRecordSession({
      source: staticSource(resources),
      viewer: TEST_VIEWER,
      audit: { record: () => undefined },
      policy: { agreement: ['RX1'] },
    });
    await viewPatient(
      session,
      { nhsNumber: '9434765919', family: 'Flagg', given: 'Ada', birthDate: '1940-01-02' },
      { decision: 'granted' },
    );
    const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
    await settled(el);
    // Core's order, by code: the DNACPR first; a Flag under a local code is a plain warning, last
    // (a warning is placed by its verified code, never by its words).
    expect(items(el, 'Risks and warnings')).to.deep.equal([
      'Resuscitation decision Not for attempted cardiopulmonary resuscitation since 10-Feb-2025',
      'Falls At risk for falls since 01-May-2026',
      'Warning Palliative care since 01-Sep-2024',
    ]);
    const rows = part(el, 'Risks and warnings').querySelectorAll('.list > li');
    expect([...rows].map((r) => r.classList.contains('end-of-life'))).to.deep.equal([
      true,
      false,
      false,
    ]);
  });

  describe('requests', () => {
    it('makes each of its searches once over FHIR R4, and no request before consent', async () => {
      const { session, network } = sandboxSession();
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      await viewPatient(session, typical);
      expect(network.requests).to.deep.equal([]);
      await session.recordConsent({ decision: 'granted' });
      await settled(el);
      const urls = network.requests.map((r) => r.url);
      expect(new Set(urls).size, 'no URL asked twice').to.equal(urls.length);
      const types = new Set(urls.map((u) => new URL(u, location.href).pathname.split('/')[3]));
      expect([...types].sort()).to.deep.equal(
        [
          'AllergyIntolerance',
          'Condition',
          'Encounter',
          'Flag',
          'MedicationRequest',
          'MedicationStatement',
          'Observation',
          'Patient',
          'Procedure',
          'ServiceRequest',
        ].sort(),
      );
      // The parts share the one value of each section: problems and diagnoses come from one
      // Condition search, and nothing is fetched again when the summary renders again.
      expect(urls.filter((u) => u.includes('/Condition?'))).to.have.length(1);
      el.links = true;
      await el.updateComplete;
      expect(network.requests).to.have.length(urls.length);
    });

    it('makes one GP Connect request for all its sections', async () => {
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
      const el = await fixture<DcrSummary>(html`<dcr-summary .session=${session}></dcr-summary>`);
      await viewPatient(session, typical, { decision: 'granted' });
      await settled(el);
      expect(items(el, 'Allergies').length).to.be.greaterThan(0);
      expect(network.requests.map((r) => r.method)).to.deep.equal(['POST']);
      expect(network.requests[0]!.url).to.contain('gpc.getstructuredrecord');
    });
  });

  it('records each section it shows, once', async () => {
    const { audit, el } = await typicalSummary();
    await el.updateComplete;
    const shown = audit
      .filter((r) => r.action === 'section-shown')
      .flatMap((r) => r.sections ?? [])
      .sort();
    expect(shown).to.deep.equal(
      ['allergies', 'events', 'investigations', 'medications', 'problems', 'risksWarnings'].sort(),
    );
  });

  describe('links to the full views', () => {
    it('shows none unless asked: a control nobody answers would be a dead end', async () => {
      const { el } = await typicalSummary();
      expect(root(el).querySelector('[part="link"]')).to.equal(null);
    });

    it('fires dcr-navigate with the tab, by mouse and by keyboard', async () => {
      const { el } = await typicalSummary({ links: true });
      const links = [...root(el).querySelectorAll<HTMLButtonElement>('[part="link"]')];
      expect(links.map((l) => text(l))).to.deep.equal([
        'All risks and warnings',
        'All medication',
        'All results',
        'All problems',
        'All events',
      ]);
      const clicked = oneEvent(el, 'dcr-navigate') as Promise<DcrNavigateEvent>;
      links[3]!.click();
      const event = await clicked;
      expect(event.detail).to.deep.equal({ tab: 'problems' });
      expect(event.bubbles && event.composed).to.equal(true);
      // Keyboard: Tab reaches the first link; Enter and Space both fire.
      links[0]!.blur();
      for (let i = 0; i < 10 && root(el).activeElement !== links[0]; i++)
        await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(links[0]);
      const byEnter = oneEvent(el, 'dcr-navigate') as Promise<DcrNavigateEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await byEnter).detail.tab).to.equal('risks-warnings');
      const bySpace = oneEvent(el, 'dcr-navigate') as Promise<DcrNavigateEvent>;
      await sendKeys({ press: 'Space' });
      expect((await bySpace).detail.tab).to.equal('risks-warnings');
    });
  });
  describe('the drug monitoring rule, loaded when there are medicines to check', () => {
    const original = { ...monitoringRule };
    afterEach(() => Object.assign(monitoringRule, original));

    it('fails to load: the part says monitoring could not be checked, never "none"; "Try again" shows INR for warfarin', async () => {
      monitoringRule.value = undefined;
      let loads = 0;
      monitoringRule.load = () =>
        ++loads === 1
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : original.load();
      const { session } = sandboxSession();
      const { el, alert } = await monitoringAlert(session);
      expect(text(alert.querySelector('.title'))).to.equal('Drug monitoring could not be checked');
      expect(part(el, 'Drug monitoring').querySelector('[part="empty"]')).to.equal(null);
      await settled(el);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await waitUntil(() => items(el, 'Drug monitoring').length > 0, 'retry did not load', WAIT);
      const warfarin = items(el, 'Drug monitoring').find((i) => i.startsWith('Warfarin 3mg'));
      expect(warfarin).to.match(/^Warfarin 3mg tablets INR \d/);
      expect(loads).to.equal(2);
    });
  });
});
