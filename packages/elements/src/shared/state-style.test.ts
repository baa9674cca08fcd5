// One style per state across every element: the same state reads the same in the consent gate,
// the allergy banner, the medication list and the events timeline, and looks the same wherever it
// is a box of its own (one renderer, shared/section-view.ts); only failures are alerts.
import { expectDeveloperWarnings, sessionReaches } from '@dcr-elements/test-support';
import type { CareRecordSession } from '@dcr-elements/core';
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { exampleSession, type ExampleState } from './example-sessions.js';
import '../define/dcr-allergy-banner.js';
import '../define/dcr-consent-gate.js';
import '../define/dcr-events-timeline.js';
import '../define/dcr-medication-list.js';

const TAGS = [
  'dcr-consent-gate',
  'dcr-allergy-banner',
  'dcr-medication-list',
  'dcr-events-timeline',
];

/** The four elements side by side on one session, and what each one's message looks like. */
async function messagesOn(session: CareRecordSession | undefined, state: string) {
  const box = await fixture<HTMLDivElement>(
    staticHtml`<div>${TAGS.map((tag) => staticHtml`<${unsafeStatic(tag)} .session=${session}></${unsafeStatic(tag)}>`)}</div>`,
  );
  // Some refusals come with the first fetch, which an element's subscription starts.
  if (session) await sessionReaches(session, state as ExampleState);
  const elements = [...box.children] as LitElement[];
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements.map((el) => {
    const message = el.shadowRoot!.querySelector<HTMLElement>('[part="message"]')!;
    const look = getComputedStyle(message);
    return {
      role: message.getAttribute('role'),
      tone: [...message.classList].find((c) => c.startsWith('tone-')),
      title: message.querySelector('.title')?.textContent,
      border: look.borderLeftColor,
      background: look.backgroundColor,
    };
  });
}

describe('one style per state, in every element', () => {
  const cases: [ExampleState | 'no-session', string, string][] = [
    ['ended', 'tone-calm', 'status'],
    ['consent-declined', 'tone-calm', 'status'],
    ['source-dissent', 'tone-attention', 'status'],
    ['not-found', 'tone-attention', 'status'],
    ['ambiguous', 'tone-attention', 'status'],
    ['unavailable', 'tone-error', 'alert'],
    ['no-session', 'tone-calm', 'status'],
  ];
  for (const [state, tone, role] of cases) {
    it(`${state}: ${tone}, role ${role}, looking the same everywhere`, async () => {
      if (state === 'no-session') expectDeveloperWarnings();
      const session = state === 'no-session' ? undefined : exampleSession(state);
      const seen = await messagesOn(session, state);
      expect(seen[0]).to.include({ tone, role });
      for (const [i, message] of seen.entries()) {
        // The allergy banner carries its message inside its own banner, whose border and symbol
        // are the four allergy states' (docs/architecture.md#elements): same words, tone and role, not the same box.
        const compared =
          TAGS[i] === 'dcr-allergy-banner'
            ? { ...message, border: seen[0]!.border, background: seen[0]!.background }
            : message;
        expect(compared, TAGS[i]).to.deep.equal(seen[0]);
      }
    });
  }
});
