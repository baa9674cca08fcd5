// docs/csp.md says the elements run under the catalogue's strict policy (no inline script, no
// eval, Trusted Types with only Lit's policy). Here the whole record renders in a page served
// with that policy (test/docs/csp-page.ts), and any violation fails the test.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';

interface Report {
  violations: string[];
  enforced: boolean;
  state: string;
  text: string;
}

describe('under the strict Content Security Policy (docs/csp.md)', function () {
  this.timeout(30_000);

  it('the whole record renders with no violation, Trusted Types enforced', async () => {
    const frame = document.createElement('iframe');
    const report = new Promise<Report>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the CSP page did not report')), 25_000);
      window.addEventListener('message', function listen(event: MessageEvent<Report>) {
        if (event.source !== frame.contentWindow) return;
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        resolve(event.data);
      });
    });
    frame.src = '/__docs/csp-page.html';
    document.body.append(frame);
    try {
      const { violations, enforced, state, text } = await report;
      expect(enforced, 'the page enforces Trusted Types').to.equal(true);
      expect(violations).to.deep.equal([]);
      expect(state).to.be.oneOf(['ready', 'partial']);
      expect(text).to.contain('Known allergies');
      expect(text).to.contain('HARGREAVES');
    } finally {
      frame.remove();
    }
  });
});
