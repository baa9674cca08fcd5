// Any page, any context (issue 14): the library in a page served over plain HTTP from an
// intranet host name (dcr.intranet.test, mapped to this test server by the browser's host
// resolver: see web-test-runner.config.mjs), so not a secure context (no crypto.randomUUID, no
// Web Locks); inside an iframe; under a strict CSP with Trusted Types; and with IndexedDB taken
// away. Consent → record → end must run with no page error, no CSP violation, and every audit
// record delivered.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';

const INTRANET = 'dcr.intranet.test';

interface Report {
  origin: string;
  secureContext: boolean;
  randomUUID: boolean;
  webLocks: boolean;
  inFrame: boolean;
  trustedTypesEnforced: boolean;
  failed?: string;
  problems: string[];
  violations: string[];
  states: string[];
  stateWhileViewing: string;
  recordShown: boolean;
  shownAfterEnd: boolean;
  auditDegraded: boolean;
  degradedNotice: boolean;
  audit: string[];
  auditIdsWellFormed: boolean;
  recorded: number;
  delivered: number;
}

/** Loads the host page in an iframe from the intranet origin and waits for its report. */
async function runHostPage(query = ''): Promise<Report> {
  const frame = document.createElement('iframe');
  const origin = `http://${INTRANET}:${location.port}`;
  frame.src = `${origin}/packages/elements/test/hardening/any-page/page.html${query}`;
  const report = new Promise<Report>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host page did not report')), 55_000);
    addEventListener('message', function listen(event: MessageEvent<Report>) {
      if (event.origin !== origin) return;
      clearTimeout(timer);
      removeEventListener('message', listen);
      resolve(event.data);
    });
  });
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

const CONTEXTS: { name: string; query: string; durable: boolean }[] = [
  {
    name: 'plain HTTP intranet origin, iframe, strict CSP + Trusted Types',
    query: '',
    durable: true,
  },
  {
    name: 'the same, with IndexedDB unavailable (private browsing)',
    query: '?idb=off',
    durable: false,
  },
];

describe('any page, any context', function () {
  this.timeout(60_000);
  for (const context of CONTEXTS) {
    it(`${context.name}: consent → record → end, no error, no violation, audit delivered`, async () => {
      const report = await runHostPage(context.query);
      expect(report.failed, 'the flow ran to its end').to.equal(undefined);
      expect(report.origin).to.equal(`http://${INTRANET}:${location.port}`);
      expect(report.secureContext, 'not a secure context').to.equal(false);
      expect(report.randomUUID, 'no crypto.randomUUID here').to.equal(false);
      expect(report.webLocks, 'no Web Locks here').to.equal(false);
      expect(report.inFrame).to.equal(true);
      expect(report.trustedTypesEnforced, 'the policy is on').to.equal(true);
      expect(report.problems, 'page errors').to.deep.equal([]);
      expect(report.violations, 'CSP and Trusted Types violations').to.deep.equal([]);
      expect(report.stateWhileViewing).to.be.oneOf(['ready', 'partial']);
      expect(report.recordShown, 'the record was shown').to.equal(true);
      expect(report.shownAfterEnd, 'nothing shown after the end').to.equal(false);
      expect(report.auditIdsWellFormed, 'audit ids are v4 UUIDs').to.equal(true);
      expect(report.audit).to.include('end:success:ended-by-user');
      expect(report.delivered, 'every audit record delivered').to.equal(report.recorded);
      expect(report.auditDegraded).to.equal(!context.durable);
      expect(report.degradedNotice, 'the degraded notice is shown').to.equal(!context.durable);
      const alert = 'error:failure:audit-storage-unavailable:alert';
      expect(report.audit.includes(alert), 'audited as an alert').to.equal(!context.durable);
    });
  }
});
