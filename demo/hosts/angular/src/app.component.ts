import { CUSTOM_ELEMENTS_SCHEMA, Component, type OnInit, signal } from '@angular/core';
import { createCareRecordSession, fhirAuditSink, fhirR4Source } from '@dcr-elements/core';
import type { DcrAuditEvent, DcrConsentRecordedEvent } from '@dcr-elements/elements/events.js';

@Component({
  selector: 'app-root',
  // The dcr-* tags are custom elements: Angular binds [session] as a property, (dcr-*) as events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>A&amp;E: GP record</h1>
      <dcr-session [session]="session" (dcr-audit)="onAudit($event)">
        <dcr-consent-gate (dcr-consent-recorded)="onConsent($event)">
          <dcr-allergy-banner></dcr-allergy-banner>
          <dcr-medication-list view="current"></dcr-medication-list>
        </dcr-consent-gate>
      </dcr-session>
      <p aria-live="polite">Consent: {{ consent() }}. Last audit record: {{ lastAudit() }}.</p>
      <h2>Whole record</h2>
      <dcr-record [session]="session" tab="summary"></dcr-record>
    </main>
  `,
})
export class AppComponent implements OnInit {
  readonly session = createCareRecordSession({
    source: fhirR4Source({ baseUrl: '/fhir/r4' }), // your own backend proxy, never Spine
    viewer: {
      userId: 'host-angular',
      name: 'Dr Alex Example',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    },
    audit: fhirAuditSink({ url: '/fhir/r4' }),
    policy: { agreement: ['RX1'] },
  });
  readonly consent = signal('not asked yet');
  readonly lastAudit = signal('none yet');

  ngOnInit(): void {
    // The patient the host has selected (the sandbox's typical patient).
    this.session.setPatient({
      nhsNumber: '9992345675',
      name: { family: 'Hargreaves', given: ['Ada'] },
      birthDate: '1945-07-14',
    });
  }

  onAudit(event: Event): void {
    this.lastAudit.set((event as DcrAuditEvent).detail.action);
  }

  onConsent(event: Event): void {
    this.consent.set((event as DcrConsentRecordedEvent).detail.decision);
  }
}
