// The state diagram in docs/consent-and-audit.md is generated from the transition table: this
// fails when someone changes one without the other (fix: node scripts/session-diagram.mjs).
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import {
  TRANSITIONS,
  sessionDiagram,
  transition,
  type MachineState,
} from '../../src/session/transitions.js';

/** Table padding and rule lengths are Prettier's; the content is the table's. */
const normalise = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').replace(/-{3,}/g, '---').trim())
    .filter(Boolean)
    .join('\n');

describe('session transition table', () => {
  it('is what docs/consent-and-audit.md shows', async () => {
    const page = await (await fetch('/docs/consent-and-audit.md')).text();
    const start = page.indexOf('-->', page.indexOf('<!-- session-diagram:start')) + 3;
    const end = page.indexOf('<!-- session-diagram:end -->');
    expect(normalise(page.slice(start, end))).to.equal(normalise(sessionDiagram()));
  });

  it('has one answer for every state and event (no two rows overlap)', () => {
    const seen = new Set<string>();
    for (const row of TRANSITIONS) {
      for (const state of row.from) {
        const key = `${state} ${row.on}`;
        expect(seen.has(key), key).to.equal(false);
        seen.add(key);
      }
    }
  });

  it('stops the view on every way into a state without a grant', () => {
    const noGrant: MachineState[] = ['ended', 'identity-mismatch', 'source-dissent', 'not-found'];
    for (const row of TRANSITIONS) {
      if (typeof row.to === 'string' && noGrant.includes(row.to) && row.from.includes('ready'))
        expect(row.stopsView, `${row.on} → ${row.to}`).to.equal(true);
    }
    expect(transition('ready', { type: 'consent-granted' })).to.equal(undefined);
    expect(transition('ended', { type: 'grant-expired' })).to.equal(undefined);
  });
});
