import { expectDeveloperWarnings, sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import { DcrRecord } from '../record/record.js';
import { defineElements } from './define-elements.js';
import '../define/dcr-record.js';

const { typical } = SANDBOX_PATIENTS;

/** Text of an element's shadow root and every shadow root inside it. */
function deepText(root: Element | ShadowRoot): string {
  let text = '';
  for (const node of root.querySelectorAll('*'))
    if (node.shadowRoot) text += deepText(node.shadowRoot);
  return `${root.textContent ?? ''} ${text}`.replace(/\s+/g, ' ');
}

const tagsIn = (root: ShadowRoot) =>
  [...root.querySelectorAll('*')].map((n) => n.localName).filter((t) => t.includes('-'));

describe('defineElements: every element under another prefix', () => {
  it('registers subclasses under the prefix, beside the dcr- tags, and twice is once', () => {
    const warnings = expectDeveloperWarnings();
    defineElements({ prefix: 'alt' });
    defineElements({ prefix: 'alt' });
    const AltRecord = customElements.get('alt-record')!;
    expect(AltRecord).to.not.equal(DcrRecord);
    expect(AltRecord.prototype).to.be.instanceOf(DcrRecord);
    expect(customElements.get('alt-allergy-banner')!.prototype).to.be.instanceOf(DcrAllergyBanner);
    expect(customElements.get('dcr-record')).to.equal(DcrRecord);
    expect(DcrRecord.tagPrefix).to.equal('dcr-');
    expect(warnings).to.deep.equal([]);
  });

  it('refuses a prefix that cannot start a custom element name', () => {
    expect(() => defineElements({ prefix: 'Alt' })).to.throw(/not a custom element prefix/);
    expect(() => defineElements({ prefix: 'a-' })).to.throw(/not a custom element prefix/);
  });

  it('an alt-record and a dcr-record on one page each render their own parts and both show the record', async () => {
    defineElements({ prefix: 'alt' });
    const first = sandboxSession();
    const second = sandboxSession();
    const page = await fixture<HTMLElement>(html`<div>
      <dcr-record .session=${first.session}></dcr-record>
      <alt-record .session=${second.session}></alt-record>
    </div>`);
    const dcr = page.querySelector('dcr-record')!;
    const alt = page.querySelector('alt-record')!;
    await viewPatient(first.session, typical, { decision: 'granted' });
    await viewPatient(second.session, typical, { decision: 'granted' });
    for (const record of [dcr, alt])
      await waitUntil(
        () => deepText(record.shadowRoot!).includes('Penicillin'),
        'allergy not shown',
        {
          timeout: 10_000,
        },
      );
    const prefixOf = (tags: string[]) => [...new Set(tags.map((t) => t.split('-')[0]))];
    expect(prefixOf(tagsIn(dcr.shadowRoot!))).to.deep.equal(['dcr']);
    expect(prefixOf(tagsIn(alt.shadowRoot!))).to.deep.equal(['alt']);
    // Every tab's element is there under the prefix: the record shows all ten tabs.
    expect(alt.shadowRoot!.querySelectorAll('[role="tab"]')).to.have.length(10);
    expect(alt.shadowRoot!.querySelector('alt-summary')).to.exist;
  });
});
