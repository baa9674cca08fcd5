// A TypeScript host's view of the packed packages, compiled by scripts/packaging-test.mjs with
// `strict` and `skipLibCheck: false` and no @types packages: element properties, event details and
// the React components must type-check from the element imports alone. Each `@ts-expect-error`
// proves a type is not `any`: were it, the directive would itself be an error.
import '@dcr-elements/elements/define/dcr-medication-list.js';
import '@dcr-elements/elements/define/dcr-consent-gate.js';
import '@dcr-elements/elements/define/dcr-record.js';
import {
  callbackAuditSink,
  createCareRecordSession,
  fhirR4Source,
  type FhirAuditEvent,
} from '@dcr-elements/core';
import { defineElements } from '@dcr-elements/elements/define/define-elements.js';

const sent: FhirAuditEvent[] = [];
const session = createCareRecordSession({
  source: fhirR4Source({ baseUrl: '/fhir/r4' }),
  viewer: {
    userId: 'u1',
    name: 'Dr A',
    roles: ['R8000'],
    organisation: 'RX1',
    setting: 'emergency',
  },
  audit: callbackAuditSink(async (event) => sent.push(event)),
  policy: { agreement: ['RX1'] },
});

const list = document.createElement('dcr-medication-list');
list.session = session;
list.view = 'past';
// @ts-expect-error: not a medication view
list.view = 'everything';

const record = document.querySelector('dcr-record');
if (record) record.tab = 'medications';
// @ts-expect-error: not a tab
if (record) record.tab = 'x-rays';

list.addEventListener('dcr-entry-select', (event) => {
  const id: string = event.detail.id;
  const expanded: boolean = event.detail.expanded;
  // @ts-expect-error: the detail has no clinical content
  void event.detail.medicationName;
  void [id, expanded];
});
document.addEventListener('dcr-audit', (event) => {
  const action: string = event.detail.action;
  void action;
});
document.querySelector('dcr-consent-gate')?.addEventListener('dcr-consent-recorded', (event) => {
  const decision: 'granted' | 'declined' | 'override' = event.detail.decision;
  void decision;
});

defineElements({ prefix: 'next' });
