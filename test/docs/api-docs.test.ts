// docs/api.md is what scripts/api-docs.mjs renders from the elements' custom-elements.json now:
// an element's JSDoc changed without `node scripts/api-docs.mjs` fails here, not in a reader's hands.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';

describe('API reference (docs/api.md)', () => {
  it('is up to date with custom-elements.json', async () => {
    const rendered = await (await fetch('/__docs/api.md')).text();
    const committed = await (await fetch('/__docs/raw?path=docs/api.md')).text();
    expect(rendered).to.contain('## `<dcr-record>`');
    expect(
      committed === rendered,
      'docs/api.md is out of date: run `npm run build && node scripts/api-docs.mjs`',
    ).to.equal(true);
  });
});
