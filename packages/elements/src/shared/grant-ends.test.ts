// Every element that shows the record empties the moment the grant is gone, with no consent
// gate around it (the README's own layout): a patient set again, the clock passing the grant's
// expiry, and an end. The same check for each element, against the sandbox over HTTP.
import { sandboxSession, sessionReaches, viewPatient } from '@dcr-elements/test-support';
import type { CareRecordSession } from '@dcr-elements/core';
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

async function viewing(tag: string) {
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
    });

    it(`${tag}: the clock passing the grant's expiry clears it at the next render`, async () => {
      const { session, el, clinical, advance } = await viewing(tag);
      advance(61 * 60_000);
      el.requestUpdate();
      await rendered(el);
      expect(nothingOf(el, clinical)).to.deep.equal([]);
      await el.updateComplete;
      expect(session.state).to.equal('ended');
    });

    it(`${tag}: end() clears it`, async () => {
      const { session, el, clinical } = await viewing(tag);
      session.end();
      await el.updateComplete;
      expect(nothingOf(el, clinical)).to.deep.equal([]);
    });
  }
});
