// Sensitive and private entries through a real session (static source, the R4 normalisers, the
// consent gate and the entry policy): a medicine that reveals HIV treatment, a referral to a
// sexual health clinic and an encounter another organisation marked private never reach a
// subscriber or section(), and each is counted.
import { sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { AuditRecord } from '../../src/audit/audit-record.js';
import type { SectionName } from '../../src/model/sections.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { staticSource } from '../../src/sources/static.js';

const NHS_NUMBER = '9434765919';
const subject = { reference: 'Patient/p1' };
const SNOMED = 'http://snomed.info/sct';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const referral = { coding: [{ system: SNOMED, code: '3457005' }] };

const resources = [
  {
    resourceType: 'Patient',
    id: 'p1',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
    name: [{ family: 'Example', given: ['Alex'] }],
    birthDate: '1970-03-04',
  },
  {
    resourceType: 'MedicationRequest',
    id: 'warfarin',
    subject,
    intent: 'plan',
    status: 'active',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'https://dmd.nhs.uk',
          code: '42217611000001104',
          display: 'Warfarin 3mg tablets',
        },
      ],
    },
    authoredOn: '2026-10-01',
  },
  {
    resourceType: 'MedicationRequest',
    id: 'prep',
    subject,
    intent: 'plan',
    status: 'active',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'https://dmd.nhs.uk',
          // Matched by name: this placeholder is not a dm+d identifier.
          code: 'placeholder-not-a-code',
          display: 'Emtricitabine 200mg / Tenofovir disoproxil 245mg tablets',
        },
      ],
    },
    authoredOn: '2026-10-01',
  },
  {
    resourceType: 'Encounter',
    id: 'consultation',
    subject,
    status: 'finished',
    class: { code: 'AMB' },
    type: [{ coding: [{ system: SNOMED, code: '11429006', display: 'Consultation' }] }],
    period: { start: '2025-01-01' },
  },
  {
    resourceType: 'Encounter',
    id: 'private-elsewhere',
    subject,
    status: 'finished',
    meta: { security: [{ system: 'http://hl7.org/fhir/v3/Confidentiality', code: 'R' }] },
    class: { code: 'AMB' },
    type: [{ coding: [{ system: SNOMED, code: '11429006', display: 'Consultation' }] }],
    serviceProvider: { identifier: { system: ODS, value: 'Y99999' } },
    period: { start: '2025-02-01' },
  },
  {
    resourceType: 'ServiceRequest',
    id: 'cardiology',
    subject,
    status: 'active',
    intent: 'order',
    category: [referral],
    code: {
      coding: [{ system: SNOMED, code: '183519002', display: 'Referral to cardiology service' }],
    },
    authoredOn: '2025-03-01',
  },
  {
    resourceType: 'ServiceRequest',
    id: 'gum',
    subject,
    status: 'active',
    intent: 'order',
    category: [referral],
    code: {
      coding: [{ system: SNOMED, code: '415272006', display: 'Referral to genitourinary clinic' }],
    },
    authoredOn: '2025-04-01',
  },
];

describe('session: sensitive and private entries withheld end to end', () => {
  it('never delivers them, to a subscriber or section(), and counts them', async () => {
    const audit: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: staticSource(resources),
      viewer: {
        userId: 'u1',
        name: 'Dr A',
        roles: ['R8000'],
        organisation: 'RX1',
        setting: 'emergency',
      },
      audit: { record: (r) => audit.push(r) },
      policy: { agreement: ['RX1'], sensitiveHook: (entry) => entry.id === 'cardiology' },
    });
    const delivered: string[] = [];
    for (const section of ['medications', 'events'] as SectionName[]) {
      session.subscribe(section, (snapshot) => {
        const value = (snapshot as { value?: { entries?: { id: string }[] } }).value;
        for (const entry of value?.entries ?? []) delivered.push(entry.id);
      });
    }
    session.setPatient({
      nhsNumber: NHS_NUMBER,
      name: { family: 'Example', given: ['Alex'] },
      birthDate: '1970-03-04',
    });
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    const medications = await session.section('medications');
    const events = await session.section('events');

    expect(medications.entries.map((e) => e.id)).to.deep.equal(['warfarin']);
    expect(medications.withheld).to.deep.equal({ private: 0, sensitive: 1, sensitiveByHook: 0 });
    expect(events.entries.map((e) => e.id)).to.deep.equal(['consultation']);
    // The GUM referral by code, the cardiology referral by the host's hook, the other
    // organisation's private encounter by its serviceProvider.
    expect(events.withheld).to.deep.equal({ private: 1, sensitive: 2, sensitiveByHook: 1 });

    for (const id of ['prep', 'gum', 'cardiology', 'private-elsewhere']) {
      expect(delivered, id).not.to.include(id);
    }
    expect(delivered).to.include('warfarin');
    // Nothing about what was withheld reaches the audit trail as a code or a name.
    const trail = JSON.stringify(audit);
    for (const leak of ['415272006', 'Emtricitabine', 'genitourinary']) {
      expect(trail).not.to.contain(leak);
    }
    // ... only as counts, the host hook's share included.
    const fetched = audit.filter((a) => a.action === 'section-fetched');
    expect(fetched.find((a) => a.sections?.[0] === 'events')?.detail).to.equal(
      'withheld private=1 sensitive=2 (by host hook 1)',
    );
    expect(fetched.find((a) => a.sections?.[0] === 'medications')?.detail).to.equal(
      'withheld private=0 sensitive=1',
    );
    session.end();
  });
});
