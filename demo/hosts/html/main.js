// The embed, as a module file: it runs under a strict CSP (`script-src 'self'`), where an inline
// script would not. One care record session feeds a composed layout and the whole record.
import '@dcr-elements/elements/define/dcr-session.js';
import '@dcr-elements/elements/define/dcr-record.js'; // the record and all its parts
import { createCareRecordSession, fhirAuditSink, fhirR4Source } from '@dcr-elements/core';

const session = createCareRecordSession({
  source: fhirR4Source({ baseUrl: '/fhir/r4' }), // your own backend proxy, never Spine
  viewer: {
    userId: 'host-html', // the clinician's SDS user id, from your sign-in
    name: 'Dr Alex Example',
    roles: ['R8000'], // SDS job role: Clinical Practitioner Access Role
    organisation: 'RX1', // ODS code of your organisation
    setting: 'emergency',
  },
  audit: fhirAuditSink({ url: '/fhir/r4' }), // AuditEvents to your audit service
  policy: { agreement: ['RX1'] }, // organisations in the information sharing agreement
});

document.querySelector('dcr-session').session = session;
document.querySelector('dcr-record').session = session;

// The patient your system has selected: here the sandbox's typical patient, who has a GP record.
session.setPatient({
  nhsNumber: '9992345675',
  name: { family: 'Hargreaves', given: ['Ada'] },
  birthDate: '1945-07-14',
});
// Nothing is fetched until the clinician records the patient's consent in a gate.
