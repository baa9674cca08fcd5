/**
 * The tests every section element shares (the list elements: problems, diagnoses, procedures,
 * immunisations), as Lion shares test suites: axe in every example state in light and dark, what
 * the user reads in every session state, the retry reached and pressed from the keyboard, and
 * the section-shown audit. Each element's own test file adds what only it shows.
 */
import type { CareRecordSession, SectionName } from '@dcr-elements/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../packages/elements/src/define/dcr-session.js';
import { exampleSession } from '../../packages/elements/src/shared/example-sessions.js';
import { SANDBOX_PATIENTS } from '../../packages/sandbox/src/synthetic/roster.js';
import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  sessionReaches,
  viewPatient,
  type AccessibilityExample,
} from './index.js';

export const WAIT = { timeout: 10_000 };

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** What a reader reads: the text content with white space collapsed. */
export const text = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the element shows something other than its loading skeleton. */
export async function settled(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  await waitUntil(
    () => !shadow(el).querySelector('[part="message"] .skeleton'),
    'still loading',
    WAIT,
  );
  await el.updateComplete;
}

/** Tabs until the focused element inside `el` satisfies `match` (at most 30 presses). */
export async function tabTo(el: Element, match: (active: Element) => boolean): Promise<Element> {
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: 'Tab' });
    const active = shadow(el).activeElement;
    if (active && match(active)) return active;
  }
  throw new Error('control not reachable by Tab');
}

export interface SectionElementSpec {
  section: SectionName;
  /** The section's name on screen, e.g. "Problems". */
  label: string;
  /** The element, with the session given (or none). */
  render: (session?: CareRecordSession) => TemplateResult;
  /** Requests whose URL contains this fetch the section (so it alone can be failed). */
  path: string;
  /** What the element says for a record with nothing in the section. */
  emptyText: string;
  /** The element's examples file, checked by axe in every state. */
  examples: readonly AccessibilityExample[];
}

/** The element for `session`, once it shows the section or an empty message. */
export async function shown<E extends HTMLElement>(
  spec: SectionElementSpec,
  session: CareRecordSession,
): Promise<E> {
  const el = await fixture<E>(spec.render(session));
  await waitUntil(
    () => shadow(el).querySelector('table, [part="empty"]'),
    `${spec.label} not shown`,
    WAIT,
  );
  return el;
}

/** The tests every section element shares (see the module comment). */
export function describeSectionElement(spec: SectionElementSpec): void {
  const lower = spec.label.toLowerCase();

  describeAccessibility<HTMLElement & { updateComplete: Promise<unknown> }>(
    spec.examples,
    (el, example) =>
      example.name === 'Loading'
        ? waitUntil(
            () => shadow(el).querySelector('[role="status"] .skeleton'),
            'no skeleton',
            WAIT,
          )
        : settled(el),
  );

  describe('says what each session state means', () => {
    it(`ready with nothing recorded: says "${spec.emptyText}", never blank, with the disclosure`, async () => {
      const { session } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.nothingRecorded, { decision: 'granted' });
      const el = await shown(spec, session);
      expect(text(shadow(el).querySelector('[part="empty"]'))).to.equal(spec.emptyText);
      expect(shadow(el).querySelector('table')).to.equal(null);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(text(shadow(el).querySelector('[part="disclosure"]'))).to.contain(
        'This record may be incomplete',
      );
    });

    it(`loading: a status saying ${lower} are loading`, async () => {
      const el = await fixture(spec.render(exampleSession('loading')));
      await waitUntil(
        () => shadow(el).querySelector('[role="status"] .skeleton'),
        'no skeleton',
        WAIT,
      );
      expect(text(shadow(el).querySelector('[role="status"]'))).to.equal(`Loading ${lower}`);
    });

    it('section failed (partial): an alert that does not claim nothing is recorded; its retry, pressed from the keyboard, loads the section', async () => {
      let failing = true;
      const { session } = sandboxSession({
        fetch: (input, init) =>
          failing && input.includes(spec.path)
            ? Promise.reject(new TypeError('Failed to fetch'))
            : fetch(input, init),
      });
      await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
      const el = await fixture(spec.render(session));
      await waitUntil(() => shadow(el).querySelector('[role="alert"] button'), 'no retry', WAIT);
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain(`${spec.label} could not be loaded`);
      expect(text(alert)).to.contain('This does not mean there is nothing recorded.');
      failing = false;
      const retry = await tabTo(el, (a) => a.textContent === 'Try again');
      expect(retry.tagName).to.equal('BUTTON');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('table'), 'retry did not load', WAIT);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('unavailable: an alert that the GP record could not be reached, with "Try again"', async () => {
      const el = await fixture(spec.render(exampleSession('unavailable')));
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no alert', WAIT);
      expect(text(shadow(el).querySelector('[role="alert"]'))).to.contain('GP record unavailable');
      expect(text(shadow(el).querySelector('[role="alert"] button'))).to.equal('Try again');
      expect(shadow(el).querySelector('table')).to.equal(null);
    });

    it('source dissent: says the record is not shared (never "opted out": it may be "not set") and shows nothing', async () => {
      const el = await fixture(spec.render(exampleSession('source-dissent')));
      await waitUntil(
        () => shadow(el).querySelector('[part="message"] .title'),
        'no message',
        WAIT,
      );
      await waitUntil(
        () => text(shadow(el).querySelector('[part="message"]')).includes('GP record not shared'),
        'not said',
        WAIT,
      );
      expect(shadow(el).querySelector('table')).to.equal(null);
    });

    it('awaiting consent: a status asking for consent, nothing fetched', async () => {
      const { session, network } = sandboxSession();
      await viewPatient(session, SANDBOX_PATIENTS.typical);
      const el = await fixture(spec.render(session));
      expect(text(shadow(el).querySelector('[role="status"]'))).to.contain(
        'Waiting for consent to view',
      );
      expect(network.requests).to.have.length(0);
    });

    it('consent declined, not permitted, no agreement, not found, ended: each says so', async () => {
      const cases = [
        ['consent-declined', 'Consent to view declined'],
        ['not-permitted', 'You cannot view GP records'],
        ['no-agreement', 'No sharing agreement'],
        ['not-found', 'No GP record found'],
        ['ended', 'Viewing ended'],
      ] as const;
      for (const [state, title] of cases) {
        const session = exampleSession(state);
        const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
          spec.render(session),
        );
        await sessionReaches(session, state);
        await el.updateComplete;
        // Normal outcomes and refusals are said calmly (a status); only failures are alerts.
        expect(text(shadow(el).querySelector('[role="status"]')), state).to.contain(title);
        expect(shadow(el).querySelector('[role="alert"]'), state).to.equal(null);
        expect(shadow(el).querySelector('table'), state).to.equal(null);
      }
    });

    it('without a session: a neutral message, and a console warning for the developer', async () => {
      const warnings = expectDeveloperWarnings();
      const el = await fixture(spec.render());
      expect(text(shadow(el).querySelector('[role="status"]'))).to.contain(
        'not connected to the GP record',
      );
      expect(warnings).to.have.length(1);
    });
  });

  it('at 390 px each row stacks into labelled lines, the term across the row, nothing wider than the screen', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown(spec, session);
    el.style.width = '390px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const cell = shadow(el).querySelector<HTMLElement>('tbody td')!;
    expect(getComputedStyle(cell).display).to.equal('grid');
    expect(getComputedStyle(cell, '::before').content).to.contain(cell.dataset.label!);
    expect(shadow(el).querySelector('tbody th')!.getBoundingClientRect().width).to.be.greaterThan(
      300,
    );
    expect(el.scrollWidth).to.be.at.most(390);
    for (const node of shadow(el).querySelectorAll('table, [part="disclosure"]'))
      expect(node.getBoundingClientRect().width).to.be.at.most(390);
  });

  it('printing lays out every row of the section', async () => {
    const { session } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const el = await shown(spec, session);
    const snapshot = session.current(spec.section);
    const entries =
      snapshot?.status === 'ready' ? (snapshot.value as { entries: unknown[] }).entries : [];
    expect(entries.length).to.be.greaterThan(1);
    await emulateMedia({ media: 'print' });
    try {
      const rows = [...shadow(el).querySelectorAll('tbody tr')];
      expect(rows).to.have.length(entries.length);
      for (const row of rows) expect(row.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it(`works inside <dcr-session>, and records once that ${lower} were shown`, async () => {
    const { session, audit } = sandboxSession();
    await viewPatient(session, SANDBOX_PATIENTS.typical, { decision: 'granted' });
    const wrapper = await fixture(
      html`<dcr-session .session=${session}>${spec.render()}</dcr-session>`,
    );
    const el = wrapper.firstElementChild!;
    await waitUntil(() => shadow(el).querySelector('table'), 'not shown', WAIT);
    const shownAudits = () =>
      audit.filter((r) => r.action === 'section-shown' && r.sections?.includes(spec.section));
    await waitUntil(() => shownAudits().length > 0, 'no section-shown audit', WAIT);
    expect(shownAudits()).to.have.length(1);
  });
}
