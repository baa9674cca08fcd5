// Override through the gate's own controls ⇒ the audit event, with its reason, reaches the
// sandbox over HTTP through the durable outbox (the "Done when" line, end to end).
import {
  SANDBOX_FHIR_R4,
  TEST_VIEWER,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  createAuditTrail,
  createCareRecordSession,
  fhirAuditSink,
  fhirR4Source,
  type AuditRecord,
} from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrConsentGate } from './consent-gate.js';
import '../define/dcr-consent-gate.js';

function button(el: DcrConsentGate, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

describe('dcr-consent-gate audit', () => {
  it('sends the override, with its coded reason, to the sandbox as an AuditEvent', async () => {
    const trail = createAuditTrail({
      sink: fhirAuditSink({ url: SANDBOX_FHIR_R4 }),
      dbName: `gate-audit-${Date.now()}`,
    });
    const records: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 }),
      viewer: TEST_VIEWER,
      audit: { record: (record) => (records.push(record), trail.record(record)) },
      policy: { agreement: ['RX1'] },
    });
    const el = await fixture<DcrConsentGate>(
      html`<dcr-consent-gate .session=${session}></dcr-consent-gate>`,
    );
    await viewPatient(session, SANDBOX_PATIENTS.typical);
    await el.updateComplete;

    button(el, 'Override: view without consent').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>(
      'input[type="radio"][value="emergency"]',
    )!.click();
    await el.updateComplete;
    button(el, 'Continue').click();
    await el.updateComplete;
    button(el, 'Confirm override and view record').click();
    await sessionReaches(session, 'override', 'loading', 'ready');
    await waitUntil(
      () => el.shadowRoot!.textContent?.includes('Override active'),
      'no override banner',
      { timeout: 5000 },
    );

    const override = records.find((r) => r.action === 'override')!;
    expect(override).to.include({ overrideReason: 'emergency', alert: true });
    await trail.flush();
    const response = await fetch(`${SANDBOX_FHIR_R4}/AuditEvent/${override.id}`);
    expect(response.status).to.equal(200);
    const stored = await response.json();
    expect(stored.id).to.equal(override.id);
    expect(JSON.stringify(stored.purposeOfEvent)).to.contain('ETREAT');
    await trail.close();
  });
});
