/**
 * A host page as a hospital system serves it: plain HTTP from an intranet host name (not a secure
 * context: no `crypto.randomUUID`, no Web Locks), inside another page's iframe, under a strict CSP
 * with Trusted Types. It runs consent → record → end against the sandbox and posts what happened
 * to its parent (any-page.test.ts). `?idb=off` first takes IndexedDB away, as private browsing can.
 */
import { createCareRecordSession, fhirAuditSink, type AuditRecord } from '@dcr-elements/core';
import { fhirR4Source } from '@dcr-elements/core';
import '../../../src/define/dcr-consent-gate.js';
import '../../../src/define/dcr-record.js';
import { SANDBOX_PATIENTS } from '../../../../sandbox/src/synthetic/roster.js';

const problems: string[] = [];
addEventListener('error', (e) => problems.push(`error: ${String(e.message)}`));
addEventListener('unhandledrejection', (e) => problems.push(`rejection: ${String(e.reason)}`));
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
);

const options = new URLSearchParams(location.search);
if (options.get('idb') === 'off') {
  // Firefox's private browsing (before 115) and locked-down profiles: opening a database fails.
  IDBFactory.prototype.open = () => {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  };
}

const report = {
  origin: location.origin,
  secureContext: isSecureContext,
  randomUUID: typeof (crypto as Partial<Crypto>).randomUUID === 'function',
  webLocks: 'locks' in navigator,
  inFrame: window.parent !== window,
};

const patient = SANDBOX_PATIENTS.typical;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 20_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await wait(50)) if (check()) return true;
  return check();
}

async function run() {
  const audit: AuditRecord[] = [];
  const states: string[] = [];
  const session = createCareRecordSession({
    source: fhirR4Source({ baseUrl: '/fhir/r4' }),
    viewer: {
      userId: 'intranet-user',
      name: 'Dr Intranet',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    },
    audit: fhirAuditSink({ url: '/fhir/r4' }),
    policy: { agreement: ['RX1'] },
  });
  session.addEventListener('statechange', () => states.push(session.state));
  session.addEventListener('dcr-audit', (e) => audit.push((e as CustomEvent<AuditRecord>).detail));
  const gate = document.createElement('dcr-consent-gate');
  gate.session = session;
  gate.append(document.createElement('dcr-record'));
  document.body.append(gate);

  session.setPatient({
    nhsNumber: patient.nhsNumber,
    name: { family: patient.family, given: [patient.given] },
    birthDate: patient.birthDate,
  });
  await until(() => session.state === 'awaiting-consent');
  await session.recordConsent({ decision: 'granted' });
  await until(() => session.state === 'ready' || session.state === 'partial');
  const deepText = (node: Node): string =>
    node.nodeType === Node.TEXT_NODE
      ? (node.textContent ?? '')
      : (node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '') +
        [...node.childNodes].map(deepText).join('');
  const allergy = (await session.section('allergies')).entries[0]?.display ?? '';
  const recordShown = await until(() => allergy !== '' && deepText(gate).includes(allergy));
  const degradedNotice = deepText(gate).includes('This browser cannot store audit records');
  const stateWhileViewing = session.state;
  session.end();
  await until(() => session.state === 'ended');
  const afterEnd = deepText(gate).includes(allergy);

  // Delivered: every record the session made is in the sandbox's audit store.
  const ids = audit.map((r) => r.id);
  let delivered = 0;
  await until(() => {
    void fetch(`/fhir/r4/AuditEvent?_id=${ids.join(',')}&_count=1000`)
      .then((r) => r.json())
      .then((b: { entry?: unknown[] }) => (delivered = b.entry?.length ?? 0));
    return delivered === ids.length;
  }, 30_000);
  return {
    ...report,
    states,
    stateWhileViewing,
    recordShown,
    shownAfterEnd: afterEnd,
    auditDegraded: session.auditDegraded,
    degradedNotice,
    audit: audit.map(
      (r) => `${r.action}:${r.outcome}${r.detail ? `:${r.detail}` : ''}${r.alert ? ':alert' : ''}`,
    ),
    auditIdsWellFormed: ids.every((id) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
    ),
    recorded: ids.length,
    delivered,
  };
}

/** Proof the policy is on: a plain string into an HTML sink is refused (after the snapshot). */
function trustedTypesEnforced(): boolean {
  try {
    document.createElement('div').innerHTML = '<b>probe</b>';
    return false;
  } catch {
    return true;
  }
}

run().then(
  (result) => {
    const seen = [...violations];
    parent.postMessage(
      { ...result, problems, violations: seen, trustedTypesEnforced: trustedTypesEnforced() },
      '*',
    );
  },
  (error: unknown) =>
    parent.postMessage({ ...report, failed: String(error), problems, violations }, '*'),
);
