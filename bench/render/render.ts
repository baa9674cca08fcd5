// Render benchmark, run in Chromium by bench/render.mjs: the time from a section's data arriving
// to its first screen being painted, for a typical record (medication list) and a huge one
// (10,000 events), each beside bare lit-html rendering the same rows. Results on window.
import { html, render } from 'lit';
import { createCareRecordSession, staticSource, type CareRecordSession } from '@dcr-elements/core';
import '../../packages/elements/src/define/dcr-events-timeline.js';
import '../../packages/elements/src/define/dcr-medication-list.js';

const NHS_NUMBER = '9434765919';
const subject = { reference: 'Patient/p1' };
const coded = (code: string, display: string) => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});

function record(events: number, medicines: number): unknown[] {
  const resources: unknown[] = [
    {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
      name: [{ family: 'Bench', given: ['Mark'] }],
      birthDate: '1945-07-14',
    },
  ];
  for (let i = 0; i < events; i++) {
    const day = new Date(Date.UTC(2026, 10, 20) - i * 43_200_000).toISOString().slice(0, 10);
    resources.push({
      resourceType: 'Encounter',
      id: `e${i}`,
      subject,
      status: 'finished',
      class: { code: 'AMB' },
      type: [coded('325851000000107', 'Consultation')],
      period: { start: day },
    });
  }
  for (let i = 0; i < medicines; i++) {
    resources.push({
      resourceType: 'MedicationRequest',
      id: `m${i}`,
      subject,
      intent: 'plan',
      status: 'active',
      courseOfTherapyType: { coding: [{ code: 'continuous' }] },
      medicationCodeableConcept: coded(`4221761100000110${i % 10}`, `Medicine ${i} 10mg tablets`),
      dosageInstruction: [{ text: 'One tablet daily' }],
      dispenseRequest: { quantity: { value: 28, unit: 'tablet' } },
      authoredOn: '2020-01-01',
    });
    for (let j = 0; j < 6; j++) {
      resources.push({
        resourceType: 'MedicationRequest',
        id: `m${i}-${j}`,
        subject,
        intent: 'order',
        status: 'completed',
        basedOn: [{ reference: `MedicationRequest/m${i}` }],
        medicationCodeableConcept: coded(`4221761100000110${i % 10}`, `Medicine ${i} 10mg tablets`),
        dispenseRequest: { quantity: { value: 28, unit: 'tablet' } },
        authoredOn: `2026-0${1 + j}-01`,
      });
    }
  }
  return resources;
}

async function grantedSession(resources: unknown[]): Promise<CareRecordSession> {
  const session = createCareRecordSession({
    source: staticSource(resources),
    viewer: {
      userId: 'bench',
      name: 'Bench',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    },
    audit: { record: () => undefined },
    policy: { agreement: ['RX1'] },
  });
  session.setPatient({ nhsNumber: NHS_NUMBER });
  await new Promise<void>((resolve) => {
    const check = () =>
      session.state === 'awaiting-consent' &&
      (session.removeEventListener('statechange', check), resolve());
    session.addEventListener('statechange', check);
    check();
  });
  await session.recordConsent({ decision: 'granted' });
  return session;
}

const frame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const stage = document.getElementById('stage')!;

/** Data already loaded in the session; time from putting the element on the page to its first painted screen. */
async function timeElement(
  tag: 'dcr-events-timeline' | 'dcr-medication-list',
  session: CareRecordSession,
  section: 'events' | 'medications',
): Promise<number> {
  await session.section(section);
  render(html``, stage);
  await frame();
  const start = performance.now();
  const el = document.createElement(tag) as HTMLElement & {
    session?: CareRecordSession;
    updateComplete: Promise<boolean>;
  };
  el.session = session;
  stage.append(el);
  await el.updateComplete;
  await frame();
  const elapsed = performance.now() - start;
  el.remove();
  return elapsed;
}

/** Bare lit-html: the same number of visible rows as a plain table. */
async function timeBare(rows: { a: string; b: string; c: string }[]): Promise<number> {
  render(html``, stage);
  await frame();
  const start = performance.now();
  render(
    html`<table>${rows.map((r) => html`<tr><th>${r.a}</th><td>${r.b}</td><td>${r.c}</td></tr>`)}</table>`,
    stage,
  );
  await frame();
  return performance.now() - start;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function run() {
  const huge = await grantedSession(record(10_000, 0));
  const typical = await grantedSession(record(20, 12));
  const results: Record<string, number> = {};
  for (const [name, session, tag, section, visibleRows] of [
    ['events-10000', huge, 'dcr-events-timeline', 'events', 30],
    ['medications-typical', typical, 'dcr-medication-list', 'medications', 12],
  ] as const) {
    const element: number[] = [];
    const bare: number[] = [];
    const rows = Array.from({ length: visibleRows }, (_, i) => ({
      a: `Row ${i}`,
      b: 'Consultation',
      c: 'Finished',
    }));
    for (let i = 0; i < 7; i++) {
      element.push(await timeElement(tag, session, section));
      bare.push(await timeBare(rows));
    }
    results[`${name}.element`] = median(element);
    results[`${name}.bare`] = median(bare);
  }
  (window as unknown as { benchResult: Record<string, number> }).benchResult = results;
}

void run();
