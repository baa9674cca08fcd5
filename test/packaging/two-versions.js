/* global document */
// Two copies of the elements package on one page, as a host that embeds two versions has them:
// the installed package under its own tags, and a second copy (installed as dcr-elements-next)
// registered under the `next` prefix. Bundled by scripts/packaging-test.mjs.
import '@dcr-elements/elements/define/dcr-record.js';
import { defineElements } from 'dcr-elements-next/define/define-elements.js';
import { createCareRecordSession, fhirAuditSink, fhirR4Source } from '@dcr-elements/core';

defineElements({ prefix: 'next' });

for (const tag of ['dcr-record', 'next-record']) {
  const record = document.querySelector(tag);
  record.session = createCareRecordSession({
    source: fhirR4Source({ baseUrl: '/fhir/r4' }),
    viewer: {
      userId: `two-versions-${tag}`,
      name: 'Dr Two',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    },
    audit: fhirAuditSink({ url: '/fhir/r4' }),
    policy: { agreement: ['RX1'] },
  });
  record.session.setPatient({
    nhsNumber: '9992345675',
    name: { family: 'Hargreaves', given: ['Ada'] },
    birthDate: '1945-07-14',
  });
}
