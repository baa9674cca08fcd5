import { useEffect, useState } from 'react';
import { createCareRecordSession, fhirAuditSink, fhirR4Source } from '@dcr-elements/core';
import {
  DcrAllergyBanner,
  DcrConsentGate,
  DcrMedicationList,
  DcrSession,
} from '@dcr-elements/elements/react';

/** One session for the app's life: a host makes one per signed-in clinician. */
function useCareRecordSession() {
  const [session] = useState(() =>
    createCareRecordSession({
      source: fhirR4Source({ baseUrl: '/fhir/r4' }), // your own backend proxy, never Spine
      viewer: {
        userId: 'host-react',
        name: 'Dr Alex Example',
        roles: ['R8000'],
        organisation: 'RX1',
        setting: 'emergency',
      },
      audit: fhirAuditSink({ url: '/fhir/r4' }),
      policy: { agreement: ['RX1'] },
    }),
  );
  useEffect(() => {
    // The patient the host has selected (the sandbox's typical patient).
    session.setPatient({
      nhsNumber: '9992345675',
      name: { family: 'Hargreaves', given: ['Ada'] },
      birthDate: '1945-07-14',
    });
  }, [session]);
  return session;
}

export function App() {
  const session = useCareRecordSession();
  const [lastAudit, setLastAudit] = useState<string>();
  const [consent, setConsent] = useState<string>();
  return (
    <main>
      <h1>A&amp;E: GP record</h1>
      <DcrSession session={session} onAudit={(event) => setLastAudit(event.detail.action)}>
        <DcrConsentGate onConsentRecorded={(event) => setConsent(event.detail.decision)}>
          <DcrAllergyBanner />
          <DcrMedicationList view="current" />
        </DcrConsentGate>
      </DcrSession>
      <p aria-live="polite">
        Consent: {consent ?? 'not asked yet'}. Last audit record: {lastAudit ?? 'none yet'}.
      </p>
      <h2>Whole record</h2>
      {/* React 19 sets custom element properties directly too: the tag works in JSX as it is. */}
      <dcr-record session={session} tab="summary"></dcr-record>
    </main>
  );
}
