// Text from the record on screen (docs/security.md, _Text from the record_): isolated, look-alikes
// marked, capped with the whole reachable, never widening the page. Measured in real layout.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { render } from 'lit';
import { hostileTextSession } from './example-sessions.js';
import { MAX_SHOWN, recordText } from './record-text.js';
import type { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import '../define/dcr-allergy-banner.js';

const RLO = '\u202E';

/** Left edge on screen of the first occurrence of `word` inside `root`'s text. */
function leftOf(root: Node, word: string): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`"${word}" not found`);
}

/** True when "high" is drawn left of "criticality", as English reads. */
const readsInOrder = (root: Node) => leftOf(root, 'high') < leftOf(root, 'criticality');

async function settledBanner(layout: 'compact' | 'expanded') {
  const el = await fixture<DcrAllergyBanner>(
    html`<dcr-allergy-banner layout=${layout} .session=${hostileTextSession()}></dcr-allergy-banner>`,
  );
  const ready = () => el.shadowRoot!.querySelectorAll('[part="allergy"]').length === 4;
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(ready(), 'four allergies shown').to.equal(true);
  await el.updateComplete;
  return el;
}

describe('record text', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('isolates an unterminated right-to-left override from the words after it', async () => {
    const host = await fixture<HTMLElement>(html`<div style="width: 600px"></div>`);
    // The defect as reported: bare text, the override runs on over "high criticality".
    render(html`<p>Penicillin ${RLO}allergy: high criticality</p>`, host);
    expect(readsInOrder(host), 'bare text is mirrored').to.equal(false);
    render(html`<p>${recordText(`Penicillin ${RLO}allergy`)}: high criticality</p>`, host);
    expect(readsInOrder(host), 'isolated text is not').to.equal(true);
  });

  it('caps a long string, the whole of it one keyboard-reachable click away', async () => {
    const long = `Co-amoxiclav${'A'.repeat(99_988)}`;
    const host = await fixture<HTMLElement>(html`<div>${recordText(long)}</div>`);
    const details = host.querySelector('details')!;
    const summary = details.querySelector('summary')!;
    expect(summary.textContent!.replace(/\s+/g, ' ')).to.contain(
      `${long.slice(0, MAX_SHOWN)}… (100,000 characters: show all)`,
    );
    expect(details.open).to.equal(false);
    summary.focus();
    expect(document.activeElement).to.equal(summary);
    summary.click();
    expect(details.open).to.equal(true);
    expect(details.textContent).to.contain(long);
    // In a button, nothing may be nested: its beginning, the whole in the title.
    const inButton = await fixture<HTMLElement>(
      html`<button>${recordText(long, { inButton: true })}</button>`,
    );
    expect(inButton.querySelector('details')).to.equal(null);
    expect(inButton.querySelector('bdi')!.title).to.equal(long);
  });

  it('marks a look-alike spelling beside it, and leaves a real one alone', async () => {
    const host = await fixture<HTMLElement>(
      html`<p>${recordText('\u0420\u0435nicillin')}</p><p>${recordText('Penicillin')}</p>`,
    );
    const [marked, plain] = host.parentElement!.querySelectorAll('p');
    expect(marked!.querySelector('[part="lookalike"]')!.textContent).to.equal(
      '⚠ Check spelling: mixes Cyrillic and Latin letters',
    );
    expect(plain!.querySelector('[part="lookalike"]')).to.equal(null);
  });

  it('shows markup as text', async () => {
    const host = await fixture<HTMLElement>(
      html`<p>${recordText('<img src=x onerror=alert(1)>Penicillin')}</p>`,
    );
    expect(host.querySelector('img')).to.equal(null);
    expect(host.textContent).to.equal('<img src=x onerror=alert(1)>Penicillin');
  });

  for (const layout of ['compact', 'expanded'] as const)
    it(`the allergy banner (${layout}) at 390 px: a 100,000-character name does not widen it, the override is gone, the look-alike is marked`, async () => {
      await setViewport({ width: 390, height: 800 });
      const el = await settledBanner(layout);
      const root = el.shadowRoot!;
      // No horizontal overflow: neither the banner nor the page is wider than the phone.
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(390);
      for (const allergy of root.querySelectorAll('[part="allergy"]'))
        expect(allergy.getBoundingClientRect().right).to.be.at.most(390);
      // The override never reaches the screen, and the library's words read as written.
      expect(root.textContent).not.to.contain(RLO);
      const allergies = [...root.querySelectorAll('[part="allergy"]')];
      const find = (word: string) => allergies.find((a) => a.textContent!.includes(word))!;
      const [rlo, lookalike, long, arabic] = [
        find('Penicillin allergy'),
        find('\u0420\u0435nicillin'),
        find('Co-amoxiclav'),
        find('حساسية'),
      ];
      expect(rlo!.textContent).to.contain('Penicillin allergy');
      if (layout === 'compact') {
        expect(readsInOrder(rlo!)).to.equal(true);
        expect(leftOf(arabic!, 'low')).to.be.below(leftOf(arabic!, 'criticality'));
      }
      expect(lookalike!.querySelector('[part="lookalike"]')!.textContent).to.contain(
        'Check spelling',
      );
      expect(long!.querySelector('summary')!.textContent).to.contain('show all');
      expect(arabic!.querySelector('bdi')!.textContent).to.equal('حساسية البنسلين 250');
    });
});
