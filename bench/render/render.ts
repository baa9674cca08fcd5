// Render benchmark, run in Chromium by bench/run.mjs (one measurement per call, so the driver can
// rotate the contestants' order every round). The same FHIR R4 allergy and medication resources
// for every contestant; times are from the data being in hand to the screen being painted.
//
// - dcr: <dcr-allergy-banner> and <dcr-medication-list view="all"> over a session holding the
//   record (normalised already: "after data arrival"; normalising is measured by
//   bench/normalise.mjs). First screen as it renders; full render with `printing` set (every row).
// - lit: the floor, bare lit-html rows of the same text: first screen as many rows as dcr's first
//   screen holds, full render every row.
// - fhir-react, medplum: the peers (bench/peers/peers.js); both render every row at once, so their
//   first screen is their full render. Not loaded when the page is opened with ?peers=0.
//
// The record scales its medicines with its size, not its allergies: a real record holds a few to
// tens of allergies, and the allergy banner shows every one by design (an allergy hidden is the
// worst failure it can have), so a 100,000-entry record with 2,000 allergies would time a record
// no GP system holds. Allergies stop at ALLERGY_CEILING; the rest are medicines.
import { html, render } from 'lit';
import { createCareRecordSession, staticSource, type CareRecordSession } from '@dcr-elements/core';
import { WINDOW_STEP } from '../../packages/elements/src/shared/list-window.js';
import '../../packages/elements/src/define/dcr-allergy-banner.js';
import '../../packages/elements/src/define/dcr-medication-list.js';
import '../../packages/elements/src/define/dcr-events-timeline.js';

if (new URLSearchParams(location.search).get('peers') !== '0') {
  const css = document.head.appendChild(document.createElement('link'));
  css.rel = 'stylesheet';
  css.href = '/bench/dist/peers.css';
  const peers = '/bench/dist/peers.js'; // bundled by bench/run.mjs; a variable, so tsc leaves it be
  void import(peers);
}

const NHS_NUMBER = '9434765919';
const PATIENT = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
  name: [{ family: 'Bench', given: ['Mark'] }],
  birthDate: '1945-07-14',
};
const subject = { reference: 'Patient/p1' };
const coded = (code: string, display: string) => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});
const day = (i: number) =>
  new Date(Date.UTC(2026, 10, 20) - (i % 9000) * 86_400_000).toISOString().slice(0, 10);

interface Resource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}

/** The most allergies a bench record holds (see the top of this file). */
const ALLERGY_CEILING = 20;

/**
 * `entries` resources: one allergy in fifty (at least two, at most ALLERGY_CEILING), the rest
 * medicines on repeat.
 */
function allergiesAndMedicines(entries: number): Resource[] {
  const allergies = Math.min(ALLERGY_CEILING, Math.max(2, Math.round(entries / 50)));
  const resources: Resource[] = [];
  for (let i = 0; i < allergies; i++)
    resources.push({
      resourceType: 'AllergyIntolerance',
      id: `a${i}`,
      patient: subject,
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            code: 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
            code: 'confirmed',
          },
        ],
      },
      code: coded('91936005', `Allergy ${i} to penicillin`),
      reaction: [{ manifestation: [coded('271807003', 'Skin rash')] }],
      recordedDate: day(i),
    });
  for (let i = allergies; i < entries; i++)
    resources.push({
      resourceType: 'MedicationRequest',
      id: `m${i}`,
      subject,
      intent: 'plan',
      status: 'active',
      courseOfTherapyType: { coding: [{ code: 'continuous' }] },
      medicationCodeableConcept: coded('42217611000001104', `Medicine ${i} 10mg tablets`),
      dosageInstruction: [{ text: 'One tablet daily' }],
      dispenseRequest: { quantity: { value: 28, unit: 'tablet' } },
      authoredOn: day(i),
    });
  return resources;
}

function events(count: number): Resource[] {
  return Array.from({ length: count }, (_, i) => ({
    resourceType: 'Encounter',
    id: `e${i}`,
    subject,
    status: 'finished',
    class: { code: 'AMB' },
    type: [coded('325851000000107', 'Consultation')],
    period: { start: day(i) },
  }));
}

async function grantedSession(resources: Resource[]): Promise<CareRecordSession> {
  const session = createCareRecordSession({
    source: staticSource([PATIENT, ...resources], { normalise: { today: '2026-11-26' } }),
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

/** The screen is painted: the frame after the one that rendered has begun. */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const stage = document.getElementById('stage')!;

interface BenchRecord {
  resources: Resource[];
  session: CareRecordSession;
}
const records = new Map<number, BenchRecord>();

async function recordOf(entries: number): Promise<BenchRecord> {
  let record = records.get(entries);
  if (!record) {
    const resources = allergiesAndMedicines(entries);
    const session = await grantedSession(resources);
    await Promise.all([session.section('allergies'), session.section('medications')]);
    record = { resources, session };
    records.clear(); // one size at a time: the heap stays the size of one record
    records.set(entries, record);
  }
  return record;
}

type Element = HTMLElement & {
  session?: CareRecordSession;
  printing?: boolean;
  updateComplete: Promise<boolean>;
};

async function clear(): Promise<void> {
  (window as unknown as { benchPeers?: { unmount(): void } }).benchPeers?.unmount();
  stage.replaceChildren();
  await painted();
}

async function dcr(record: BenchRecord, full: boolean): Promise<number> {
  const start = performance.now();
  const banner = document.createElement('dcr-allergy-banner') as Element;
  const list = document.createElement('dcr-medication-list') as Element;
  list.setAttribute('view', 'all');
  for (const el of [banner, list]) {
    el.session = record.session;
    if (full) el.printing = true;
  }
  stage.append(banner, list);
  await Promise.all([banner.updateComplete, list.updateComplete]);
  await painted();
  return performance.now() - start;
}

/** The floor: the same text in plain rows, `rows` of them. */
async function lit(record: BenchRecord, rows: number): Promise<number> {
  const start = performance.now();
  const shown = record.resources.slice(0, rows);
  const container = stage.appendChild(document.createElement('div'));
  render(
    html`<table>${shown.map((r) =>
      r.resourceType === 'AllergyIntolerance'
        ? html`<tr><th>${(r.code as { coding: { display: string }[] }).coding[0]!.display}</th><td>Skin rash</td><td>${r.recordedDate}</td></tr>`
        : html`<tr><th>${(r.medicationCodeableConcept as { coding: { display: string }[] }).coding[0]!.display}</th><td>One tablet daily</td><td>28 tablet</td><td>${r.authoredOn}</td></tr>`,
    )}</table>`,
    container,
  );
  await painted();
  return performance.now() - start;
}

async function peer(record: BenchRecord, which: 'fhirReact' | 'medplumSections'): Promise<number> {
  const peers = (window as unknown as { benchPeers: Record<string, (...args: unknown[]) => void> })
    .benchPeers;
  const start = performance.now();
  peers[which]!(stage, record.resources, PATIENT);
  await painted();
  return performance.now() - start;
}

export type Contestant = 'dcr' | 'lit' | 'fhir-react' | 'medplum';

/** One measurement: `contestant` over a record of `entries`, first screen and full render (ms). */
async function measure(
  contestant: Contestant,
  entries: number,
  timeFull = true,
): Promise<{ first: number; full: number; rows: number }> {
  const record = await recordOf(entries);
  await clear();
  let first: number;
  let full: number;
  // Rows dcr's first screen holds (allergies shown in the banner, one window of medicines).
  const allergies = record.resources.findIndex((r) => r.resourceType !== 'AllergyIntolerance');
  const firstRows = allergies + Math.min(WINDOW_STEP, entries - allergies);
  if (contestant === 'dcr') {
    first = await dcr(record, false);
    await clear();
    full = timeFull ? await dcr(record, true) : NaN;
  } else if (contestant === 'lit') {
    first = await lit(record, entries > 200 ? firstRows : entries);
    await clear();
    full = timeFull ? await lit(record, entries) : NaN;
  } else {
    first = full = await peer(
      record,
      contestant === 'fhir-react' ? 'fhirReact' : 'medplumSections',
    );
  }
  const rows = stage.querySelectorAll('tr').length;
  await clear();
  return { first, full, rows };
}

/**
 * The medication list of a record of `entries`, rendered in its default view (current), then
 * switched to all: ms from the switch to the next paint. The list is chosen and ordered again.
 */
async function viewSwitch(entries: number): Promise<number> {
  const record = await recordOf(entries);
  await clear();
  const list = document.createElement('dcr-medication-list') as Element & { view: string };
  list.session = record.session;
  stage.append(list);
  await list.updateComplete;
  await painted();
  const start = performance.now();
  list.view = 'all';
  await list.updateComplete;
  await painted();
  const ms = performance.now() - start;
  await clear();
  return ms;
}

/** The 10,000-event timeline scrolled end to end: long tasks and frames over 1.5 frame budgets. */
async function scrollTimeline(count: number): Promise<{
  frames: number;
  dropped: number;
  longTasks: number;
  longestTask: number;
  ms: number;
}> {
  await clear();
  const session = await grantedSession(events(count));
  await session.section('events');
  const el = document.createElement('dcr-events-timeline') as Element;
  el.session = session;
  stage.append(el);
  await el.updateComplete;
  // Virtualised (the virtualizer loaded) and laid out: far more to scroll than one screen.
  let scroller: HTMLElement | null = null;
  const ready = () =>
    scroller?.classList.contains('virtual') && scroller.scrollHeight > 10 * scroller.clientHeight;
  for (let i = 0; i < 600 && !ready(); i++) {
    await painted();
    scroller = el.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]');
  }
  if (!scroller || !ready()) throw new Error('the timeline was not virtualised');
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => tasks.push(e.duration)),
  );
  observer.observe({ type: 'longtask' });
  const gaps: number[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let last = performance.now();
    const step = (now: number) => {
      gaps.push(now - last);
      last = now;
      scroller!.scrollTop += 600; // a fast flick: about 15 rows a frame
      if (scroller!.scrollTop + scroller!.clientHeight >= scroller!.scrollHeight - 1) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const ms = performance.now() - start;
  await painted();
  observer.disconnect();
  session.end();
  await clear();
  return {
    frames: gaps.length,
    dropped: gaps.filter((g) => g > 25).length,
    longTasks: tasks.length,
    longestTask: Math.max(0, ...tasks),
    ms,
  };
}

Object.assign(window, {
  benchMeasure: measure,
  benchScroll: scrollTimeline,
  benchViewSwitch: viewSwitch,
  benchReady: true,
});
