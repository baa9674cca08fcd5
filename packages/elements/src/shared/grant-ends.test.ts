// Every element that shows the record empties the moment the grant is gone, with no consent
// gate around it (the README's own layout): a patient set again, the clock passing the grant's
// expiry, and an end. The same check for each element, against the sandbox over HTTP. After each,
// the shared-workstation spies (privacy.ts below) look everywhere else the record could linger:
// the session's own reads, local and session storage, the Cache API, the page's URL and the
// URLs it requested, and everything written to the console.
import {
  clearFaults,
  configureFaults,
  SANDBOX_FHIR_R4,
  sandboxSession,
  sessionReaches,
  TEST_VIEWER,
  viewPatient,
} from '@dcr-elements/test-support';
import {
  SECTION_NAMES,
  createCareRecordSession,
  fhirAuditSink,
  fhirR4Source,
  type AuditRecord,
  type CareRecordSession,
} from '@dcr-elements/core';
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import '../define/dcr-allergy-banner.js';
import '../define/dcr-events-timeline.js';
import '../define/dcr-medication-list.js';
import '../define/dcr-patient-banner.js';
import '../define/dcr-summary.js';
import '../define/dcr-problem-list.js';
import '../define/dcr-diagnosis-list.js';
import '../define/dcr-procedure-list.js';
import '../define/dcr-immunisations.js';
import '../define/dcr-risks-warnings.js';
import '../define/dcr-investigations.js';
import '../define/dcr-blood-pressure.js';
import '../define/dcr-record.js';
import { formatReading } from '../blood-pressure/blood-pressure.js';

const { typical } = SANDBOX_PATIENTS;

/** What each element shows from the record, read from the session while the grant is live. */
const ELEMENTS: { tag: string; clinical: (session: CareRecordSession) => Promise<string[]> }[] = [
  {
    tag: 'dcr-allergy-banner',
    clinical: async (s) => (await s.section('allergies')).entries.map((e) => e.display),
  },
  {
    tag: 'dcr-medication-list',
    clinical: async (s) =>
      (await s.section('medications')).entries.filter((m) => m.current).map((m) => m.name),
  },
  {
    tag: 'dcr-events-timeline',
    clinical: async (s) => (await s.section('events')).entries.slice(0, 3).map((e) => e.display),
  },
  {
    tag: 'dcr-summary',
    clinical: async (s) =>
      (await s.section('problems')).entries
        .filter((p) => p.status === 'active')
        .map((p) => p.display),
  },
  {
    tag: 'dcr-patient-banner',
    clinical: async () => ['Details from the GP record'],
  },
  {
    tag: 'dcr-problem-list',
    clinical: async (s) => (await s.section('problems')).entries.map((p) => p.display),
  },
  {
    tag: 'dcr-diagnosis-list',
    clinical: async (s) => (await s.section('diagnoses')).entries.map((d) => d.display),
  },
  {
    tag: 'dcr-procedure-list',
    clinical: async (s) => (await s.section('procedures')).entries.map((p) => p.display),
  },
  {
    tag: 'dcr-immunisations',
    clinical: async (s) => (await s.section('immunisations')).entries.map((i) => i.display),
  },
  {
    tag: 'dcr-risks-warnings',
    clinical: async (s) =>
      (await s.section('risksWarnings')).entries
        .filter((w) => w.status === 'active')
        .map((w) => w.display),
  },
  {
    tag: 'dcr-investigations',
    clinical: async (s) => (await s.section('investigations')).series.map((t) => t.display),
  },
  {
    tag: 'dcr-blood-pressure',
    clinical: async (s) =>
      (await s.section('bloodPressure')).entries.slice(0, 3).map(formatReading),
  },
  {
    // The whole record: its banners and the summary it opens on.
    tag: 'dcr-record',
    clinical: async (s) => [
      ...(await s.section('allergies')).entries.map((e) => e.display),
      ...(await s.section('problems')).entries
        .filter((p) => p.status === 'active')
        .map((p) => p.display),
    ],
  },
];

/** Every text the element renders, inside the shadow roots of the elements it holds too. */
function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return own + [...node.childNodes].map(deepText).join('');
}
const shown = (el: LitElement) => deepText(el.shadowRoot!);

/** The element and every element it holds, updated (a composite's parts render after it). */
async function rendered(el: LitElement): Promise<void> {
  const all = (node: Node): Element[] =>
    [
      ...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []),
      ...node.childNodes,
    ].flatMap((child) => [...(child instanceof Element ? [child] : []), ...all(child)]);
  await el.updateComplete;
  await Promise.resolve();
  for (const part of all(el)) await (part as Partial<LitElement>).updateComplete;
}

/** Everything written to the console while a view runs (passed on to the real console too). */
const consoleOutput: string[] = [];
for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    consoleOutput.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    original(...args);
  };
}

/** Every place a shared workstation could keep the record after the view ends, read as text. */
async function leftBehind(session: CareRecordSession): Promise<string[]> {
  const storage = (store: Storage) =>
    Object.keys(store).map((key) => `storage ${key}=${store.getItem(key) ?? ''}`);
  const cached: string[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys())
      cached.push(`cache ${request.url} ${await (await cache.match(request))!.text()}`);
  }
  return [
    ...SECTION_NAMES.map(
      (s) => `session.current(${s}) ${JSON.stringify(session.current(s) ?? '')}`,
    ),
    ...storage(localStorage),
    ...storage(sessionStorage),
    ...cached,
    `url ${location.href}`,
    ...performance.getEntriesByType('resource').map((e) => `requested ${e.name}`),
    ...consoleOutput.map((line) => `console ${line}`),
  ];
}

/** None of the record's entries, nor the patient's NHS number, anywhere the spies look. */
async function expectNothingKept(session: CareRecordSession, clinical: string[]): Promise<void> {
  const places = await leftBehind(session);
  const leaks = places.filter((place) =>
    [...clinical, typical.nhsNumber].some((t) => place.includes(t)),
  );
  expect(leaks, 'patient data left behind').to.deep.equal([]);
  expect(session.current('allergies')).to.equal(undefined);
}

async function viewing(tag: string) {
  consoleOutput.length = 0;
  let now = Date.now();
  const { session } = sandboxSession({ clock: () => new Date(now) });
  const el = await fixture<LitElement & { session?: CareRecordSession }>(
    staticHtml`<${unsafeStatic(tag)} .session=${session}></${unsafeStatic(tag)}>`,
  );
  await viewPatient(session, typical, { decision: 'granted' });
  await sessionReaches(session, 'ready', 'partial');
  const spec = ELEMENTS.find((e) => e.tag === tag)!;
  const clinical = await spec.clinical(session);
  expect(clinical.length, `${tag} has something to show`).to.be.greaterThan(0);
  // Wait until the element shows what it was given.
  for (let i = 0; i < 50 && !clinical.every((t) => shown(el).includes(t)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
  }
  expect(
    clinical.every((t) => shown(el).includes(t)),
    `${tag} shows the record`,
  ).to.equal(true);
  return { session, el, clinical, advance: (ms: number) => (now += ms) };
}

const nothingOf = (el: LitElement, clinical: string[]) =>
  clinical.filter((t) => shown(el).includes(t));

describe('elements show nothing of the record once the grant is gone (no consent gate)', () => {
  for (const { tag } of ELEMENTS) {
    it(`${tag}: the same patient set again clears it before the access re-check`, async () => {
      const { session, el, clinical } = await viewing(tag);
      session.setPatient({
        nhsNumber: typical.nhsNumber,
        name: { family: typical.family, given: [typical.given] },
        birthDate: typical.birthDate,
      });
      await el.updateComplete;
      expect(session.state).to.be.oneOf(['loading', 'awaiting-consent']);
      expect(nothingOf(el, clinical)).to.deep.equal([]);
      await expectNothingKept(session, clinical);
    });

    it(`${tag}: the clock passing the grant's expiry clears it at the next render`, async () => {
      const { session, el, clinical, advance } = await viewing(tag);
      advance(61 * 60_000);
      el.requestUpdate();
      await rendered(el);
      expect(nothingOf(el, clinical)).to.deep.equal([]);
      await el.updateComplete;
      expect(session.state).to.equal('ended');
      await expectNothingKept(session, clinical);
    });

    it(`${tag}: end() clears it`, async () => {
      const { session, el, clinical } = await viewing(tag);
      session.end();
      await el.updateComplete;
      expect(nothingOf(el, clinical)).to.deep.equal([]);
      await expectNothingKept(session, clinical);
    });
  }
});

/** The audit outbox's waiting records, read straight from its IndexedDB store. */
async function outboxRecords(): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('dcr-audit');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('outbox not opened'));
  });
  try {
    if (!db.objectStoreNames.contains('outbox')) return [];
    return await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('outbox not read'));
    });
  } finally {
    db.close();
  }
}

describe('the audit outbox keeps audit records only, and only until delivered', () => {
  afterEach(clearFaults);

  for (const sinkAnswers of ['delivered', 'failing'] as const) {
    it(`sink ${sinkAnswers}: after the end, the outbox holds ${sinkAnswers === 'delivered' ? 'nothing' : 'the undelivered audit records only'}`, async () => {
      if (sinkAnswers === 'failing')
        await configureFaults('audit-down', {
          pathContains: '/AuditEvent',
          rate: { probability: 1, fault: { status: 500 } },
        });
      const session = createCareRecordSession({
        source: fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, normalise: { today: '2026-11-20' } }),
        viewer: TEST_VIEWER,
        audit: fhirAuditSink({
          url: SANDBOX_FHIR_R4,
          headers: { 'x-dcr-sandbox-profile': 'audit-down' },
        }),
        policy: { agreement: ['RX1'] },
      });
      const ids: string[] = [];
      session.addEventListener('dcr-audit', (e) =>
        ids.push((e as CustomEvent<AuditRecord>).detail.id),
      );
      await viewPatient(session, typical, { decision: 'granted' });
      await sessionReaches(session, 'ready', 'partial');
      const clinical = (await session.section('allergies')).entries.map((e) => e.display);
      session.end();
      let waiting: unknown[] = [];
      for (let i = 0; i < 100; i++) {
        waiting = await outboxRecords();
        const settled =
          sinkAnswers === 'delivered' ? waiting.length === 0 : waiting.length === ids.length;
        if (settled) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (sinkAnswers === 'delivered') expect(waiting, 'emptied on delivery').to.deep.equal([]);
      else {
        expect(waiting.map((r) => (r as AuditRecord).id).sort()).to.deep.equal([...ids].sort());
        const text = JSON.stringify(waiting);
        expect(
          clinical.filter((t) => text.includes(t)),
          'no clinical content',
        ).to.deep.equal([]);
      }
      session.close();
      // What a failing sink left is delivered once it answers again, then the outbox is empty.
      await clearFaults();
    });
  }
});
