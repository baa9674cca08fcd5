import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { compareIsoDates, createCareRecordSession, staticSource } from '@dcr-elements/core';
import type { CareRecordSession, SectionName } from '@dcr-elements/core';
import { WHOLE_ROWS, WINDOW_STEP } from './list-window.js';
import '../define/dcr-medication-list.js';
import '../define/dcr-problem-list.js';
import '../define/dcr-diagnosis-list.js';
import '../define/dcr-procedure-list.js';
import '../define/dcr-immunisations.js';
import '../define/dcr-investigations.js';

/**
 * Every list that can be long (shared/list-window.ts): its first screen holds a bounded number of
 * rows at any record size, every entry is reachable by scrolling and by the keyboard, printing
 * renders every row, and axe finds nothing with the "Show more" button on screen.
 */

const subject = { reference: 'Patient/p1' };
const snomed = (code: string, display: string) => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});
const day = (i: number) =>
  new Date(Date.UTC(2026, 0, 1) - (i % 9000) * 86_400_000).toISOString().slice(0, 10);

/** `count` resources of the kind a list shows, each a distinct entry. */
const RESOURCES: Record<string, (i: number) => object> = {
  medications: (i) => ({
    resourceType: 'MedicationRequest',
    id: `m${i}`,
    subject,
    intent: 'plan',
    status: 'active',
    courseOfTherapyType: { coding: [{ code: 'continuous' }] },
    medicationCodeableConcept: snomed('42217611000001104', `Medicine ${i} 10mg tablets`),
    dosageInstruction: [{ text: 'One tablet daily' }],
    authoredOn: day(i),
  }),
  problems: (i) => ({
    resourceType: 'Condition',
    id: `c${i}`,
    subject,
    category: [snomed('problem-list-item', 'Problem')],
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: snomed('49436004', `Problem ${i}`),
    onsetDateTime: day(i),
  }),
  diagnoses: (i) => ({
    resourceType: 'Condition',
    id: `d${i}`,
    subject,
    category: [{ coding: [{ code: 'encounter-diagnosis' }] }],
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: snomed('49436004', `Diagnosis ${i}`),
    recordedDate: day(i),
  }),
  procedures: (i) => ({
    resourceType: 'Procedure',
    id: `p${i}`,
    subject,
    status: 'completed',
    code: snomed('80146002', `Procedure ${i}`),
    performedDateTime: day(i),
  }),
  immunisations: (i) => ({
    resourceType: 'Immunization',
    id: `i${i}`,
    patient: subject,
    status: 'completed',
    vaccineCode: snomed('39114911000001105', `Vaccine ${i}`),
    occurrenceDateTime: day(i),
  }),
  investigations: (i) => ({
    resourceType: 'Observation',
    id: `o${i}`,
    subject,
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: snomed('165581004', 'INR'),
    valueQuantity: { value: 2 + (i % 10) / 10, unit: 'ratio' },
    effectiveDateTime: `${day(i)}T0${i % 10}:00:00Z`,
  }),
};

const LISTS = [
  { tag: 'dcr-medication-list', section: 'medications', rows: '[part="row"]' },
  { tag: 'dcr-problem-list', section: 'problems', rows: 'tr[part="row"]' },
  { tag: 'dcr-diagnosis-list', section: 'diagnoses', rows: 'tr[part="row"]' },
  { tag: 'dcr-procedure-list', section: 'procedures', rows: 'tr[part="row"]' },
  { tag: 'dcr-immunisations', section: 'immunisations', rows: 'tr[part="row"]' },
  { tag: 'dcr-investigations', section: 'investigations', rows: '[part="table"] tbody tr' },
] as const;

type ListElement = HTMLElement & { printing: boolean; updateComplete: Promise<boolean> };

async function sessionWith(
  section: string,
  count: number,
  resource = RESOURCES[section]!,
): Promise<CareRecordSession> {
  const resources: object[] = [
    {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
      name: [{ family: 'Long', given: ['Record'] }],
      birthDate: '1940-01-02',
    },
  ];
  for (let i = 0; i < count; i++) resources.push(resource(i));
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
  session.setPatient({ nhsNumber: '9434765919' });
  await waitUntil(() => session.state === 'awaiting-consent', 'no consent asked', {
    timeout: 60_000,
  });
  await session.recordConsent({ decision: 'granted' });
  await session.section(section as SectionName);
  return session;
}

async function listOf(tag: string, session: CareRecordSession, rows: string): Promise<ListElement> {
  const el = await fixture<ListElement>(
    html`<div style="height: 600px; overflow: auto">${document.createElement(tag)}</div>`,
  ).then((div) => div.firstElementChild as ListElement);
  // Every medication, current or not: the list's window is what is under test, not its views.
  if (tag === 'dcr-medication-list') el.setAttribute('view', 'all');
  (el as unknown as { session: CareRecordSession }).session = session;
  await waitUntil(() => count(el, rows) > 0, `${tag} shows no rows`, { timeout: 30_000 });
  return el;
}

const count = (el: Element, rows: string) => el.shadowRoot!.querySelectorAll(rows).length;
const more = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('.list-more');

describe('long lists (shared/list-window.ts)', function () {
  this.timeout(120_000);

  it('a 100,000-medicine record: the first screen holds a bounded number of rows, printing every row', async () => {
    const session = await sessionWith('medications', 100_000);
    const el = await listOf('dcr-medication-list', session, '[part="row"]');
    await el.updateComplete;
    expect(count(el, '[part="row"]')).to.equal(WINDOW_STEP);
    expect(more(el)!.textContent).to.match(/Show 50 more medications \(99,950 not shown yet\)/);
    el.printing = true;
    await el.updateComplete;
    expect(count(el, '[part="row"]')).to.equal(100_000);
    el.printing = false;
    await el.updateComplete;
    expect(count(el, '[part="row"]')).to.equal(WINDOW_STEP);
    session.end();
  });

  it('a long medication list in random order: scrolled through or printed, the order of a full sort', async () => {
    // Seeded (STYLE.md), names that tie and differ only in case, so order and stability both show.
    let state = 2026;
    const next = () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
    const words = [
      'Aspirin 75mg',
      'aspirin 75mg',
      'Metformin 500mg',
      'Metformin 50mg',
      'Zopiclone',
    ];
    const medication = (i: number) => ({
      ...(RESOURCES.medications!(i) as object),
      medicationCodeableConcept: snomed(
        '1',
        `${words[Math.floor(next() * words.length)]!} ${Math.floor(next() * 30)}`,
      ),
      authoredOn: next() < 0.1 ? undefined : day(Math.floor(next() * 400)),
    });
    const total = 1_000;
    const session = await sessionWith('medications', total, medication);
    const snapshot = session.current('medications');
    const entries = snapshot?.status === 'ready' ? snapshot.value.entries : [];
    const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
    const byName = (a: (typeof entries)[number], b: (typeof entries)[number]) =>
      names.compare(a.name, b.name);
    // The list's own orders (medication-query.ts), by a full stable sort.
    const expected = {
      name: [...entries].sort(byName).map((m) => m.id),
      started: [...entries]
        .sort((a, b) => compareIsoDates(b.started, a.started) || byName(a, b))
        .map((m) => m.id),
    };
    const el = await listOf('dcr-medication-list', session, '[part="row"]');
    // Every row carries its medicine's issues row, named by a DOM id; the name is what a user reads.
    const shownIds = () =>
      [...el.shadowRoot!.querySelectorAll('[part="expand"]')].map((b) => b.textContent!.trim());
    const expectedNames = (ids: string[]) =>
      ids.map((id) => entries.find((m) => m.id === id)!.name);
    for (const sort of ['name', 'started'] as const) {
      el.setAttribute('sort', sort);
      await el.updateComplete;
      expect(shownIds(), `${sort}: first screen`).to.deep.equal(
        expectedNames(expected[sort].slice(0, WINDOW_STEP)),
      );
      for (let step = 0; more(el) && step < total / WINDOW_STEP + 5; step++) {
        more(el)!.click();
        await el.updateComplete;
      }
      expect(shownIds(), `${sort}: scrolled through`).to.deep.equal(expectedNames(expected[sort]));
      el.setAttribute('sort', sort === 'name' ? 'started' : 'name');
      await el.updateComplete;
      el.setAttribute('sort', sort);
      el.printing = true;
      await el.updateComplete;
      expect(shownIds(), `${sort}: printed`).to.deep.equal(expectedNames(expected[sort]));
      el.printing = false;
      await el.updateComplete;
    }
    session.end();
  });

  for (const { tag, section, rows } of LISTS) {
    it(`<${tag}>: a long list is windowed, every entry reachable by scrolling, every row printed`, async () => {
      const total = 1_000;
      const el = await listOf(tag, await sessionWith(section, total), rows);
      await el.updateComplete;
      expect(count(el, rows), 'first screen').to.equal(WINDOW_STEP);
      await expect(el).to.be.accessible();
      // Scrolling the end of the list into view adds rows until there are no more.
      for (let step = 0; more(el) && step < total / WINDOW_STEP + 5; step++) {
        const before = count(el, rows);
        more(el)!.scrollIntoView();
        await waitUntil(() => count(el, rows) > before || !more(el), 'no rows added on scrolling');
      }
      expect(more(el)).to.equal(null);
      expect(count(el, rows)).to.equal(total);
      fixtureCleanup();

      // From the keyboard: "Show more" is a button; pressing it adds a step and keeps the focus.
      const again = await listOf(tag, await sessionWith(section, total), rows);
      await again.updateComplete;
      more(again)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => count(again, rows) >= 2 * WINDOW_STEP, 'Enter added no rows');
      expect(again.shadowRoot!.activeElement).to.equal(more(again));
      // Printing (as <dcr-record> does, or the browser's beforeprint) renders every row.
      window.dispatchEvent(new Event('beforeprint'));
      await again.updateComplete;
      expect(count(again, rows)).to.equal(total);
      window.dispatchEvent(new Event('afterprint'));
      await again.updateComplete;
      expect(count(again, rows)).to.be.below(total);
    });
  }

  it(`a list of up to ${WHOLE_ROWS} entries is rendered whole, with no "Show more"`, async () => {
    const el = await listOf(
      'dcr-problem-list',
      await sessionWith('problems', WHOLE_ROWS),
      'tr[part="row"]',
    );
    await el.updateComplete;
    expect(count(el, 'tr[part="row"]')).to.equal(WHOLE_ROWS);
    expect(more(el)).to.equal(null);
  });
});
