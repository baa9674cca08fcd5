// The page test/docs/csp.test.ts loads in an iframe, served with the catalogue's strict Content
// Security Policy (scripts/docs-plugin.mjs): the whole record for a sandbox patient, then a report
// to the parent of every violation seen, and proof that the policy was enforced.
import '@dcr-elements/elements/define/dcr-record.js';
import { createCareRecordSession, fhirR4Source } from '@dcr-elements/core';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
);

/** Text of a node and every shadow root below it. */
function deepText(node: Node): string {
  const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : undefined;
  const own = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  const children = [...(root?.childNodes ?? []), ...node.childNodes];
  return own + children.map(deepText).join(' ');
}

const session = createCareRecordSession({
  source: fhirR4Source({ baseUrl: '/fhir/r4' }),
  viewer: {
    userId: 'csp-test',
    name: 'Dr Csp Test',
    roles: ['R8000'],
    organisation: 'RX1',
    setting: 'emergency',
  },
  audit: { record: () => undefined },
  policy: { agreement: ['RX1'] },
});
const record = document.createElement('dcr-record');
record.session = session;
document.body.append(record);
session.setPatient({ nhsNumber: '9992345675' });
await session.recordConsent({ decision: 'granted' });
for (const section of ['allergies', 'medications', 'problems'] as const)
  await session.section(section);
await new Promise((resolve) => setTimeout(resolve, 500));
const text = deepText(record).replace(/\s+/g, ' ');

// The policy is in force: writing a string as HTML is refused by Trusted Types.
const seen = violations.length;
let enforced = false;
try {
  document.createElement('div').innerHTML = '<b>probe</b>';
} catch {
  enforced = true;
}
parent.postMessage(
  { violations: violations.slice(0, seen), enforced, state: session.state, text },
  location.origin,
);
session.close();
