import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import {
  decideConsent,
  isLiveGrant,
  revokeGrant,
  validateConsentDecision,
} from '../consent/consent.js';
import type { Entry } from '../model/common.js';
import { identityMismatch } from './identity.js';
import { decideAccess, resolvePolicy, sharingAllows } from './policy.js';
import { validateHostPatient, validateViewer, type ViewerContext } from './viewer.js';
import { withholdingReason } from './withhold.js';

const viewer: ViewerContext = {
  userId: 'u1',
  name: 'Dr A',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};
const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: 'e1',
  codes: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }],
  display: 'Asthma',
  status: 'active',
  provenance: { source: 'fhir-r4', organisation: 'Y12345' },
  ...overrides,
});
const RESTRICTED = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
];

describe('access policy (pure functions)', () => {
  it('permits clinical roles in the agreement, refuses others, role first', async () => {
    const policy = resolvePolicy({ agreement: ['RX1'] });
    expect(await decideAccess(viewer, policy)).to.equal('permitted');
    expect(await decideAccess({ ...viewer, roles: ['R8008', 'R8009'] }, policy)).to.equal(
      'not-permitted',
    );
    expect(await decideAccess({ ...viewer, organisation: 'RXX' }, policy)).to.equal('no-agreement');
    expect(
      await decideAccess({ ...viewer, roles: ['R8004'], organisation: 'RXX' }, policy),
    ).to.equal('not-permitted');
    expect(await decideAccess(viewer, resolvePolicy())).to.equal('no-agreement'); // nobody is covered by default
    expect(
      await decideAccess(viewer, resolvePolicy({ agreement: async (ods) => ods === 'RX1' })),
    ).to.equal('permitted');
  });

  it('lets only an explicit share through on the GP side', () => {
    expect(sharingAllows('share')).to.equal(true);
    expect(sharingAllows('dissent')).to.equal(false);
    expect(sharingAllows('not-set')).to.equal(false);
    expect(sharingAllows(undefined)).to.equal(false);
  });

  it('withholds private entries from other organisations only, and sensitive ones from everyone', async () => {
    const policy = resolvePolicy();
    expect(await withholdingReason(entry(), viewer, policy)).to.equal(undefined);
    expect(await withholdingReason(entry({ security: RESTRICTED }), viewer, policy)).to.equal(
      'private',
    );
    expect(
      await withholdingReason(
        entry({
          security: RESTRICTED,
          provenance: { source: 'fhir-r4', organisation: 'RX1', recorderOrganisation: 'RX1' },
        }),
        viewer,
        policy,
      ),
    ).to.equal(undefined);
    expect(
      await withholdingReason(
        entry({ security: RESTRICTED, provenance: { source: 'fhir-r4' } }),
        viewer,
        policy,
      ),
    ).to.equal('private');
    expect(
      await withholdingReason(
        entry({ codes: [{ system: 'http://snomed.info/sct', code: '105629000' }] }),
        viewer,
        policy,
      ),
    ).to.equal('sensitive');
    expect(
      await withholdingReason(
        entry({
          security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'STD' }],
        }),
        viewer,
        policy,
      ),
    ).to.equal('sensitive');
    const hooked = resolvePolicy({ sensitiveHook: (e) => e.display === 'Asthma' });
    expect(await withholdingReason(entry(), viewer, hooked)).to.equal('sensitive');
  });

  it('validates the viewer and the patient with reasons that quote nothing', () => {
    expect(validateViewer(viewer).ok).to.equal(true);
    for (const bad of [
      {},
      { ...viewer, roles: [] },
      { ...viewer, roles: ['doctor'] },
      { ...viewer, organisation: 'rx-1!' },
      { ...viewer, setting: 'spa' },
      null,
    ]) {
      const result = validateViewer(bad);
      expect(result.ok).to.equal(false);
    }
    const patient = validateHostPatient({ nhsNumber: '943 476 5919', birthDate: '1945-07-14' });
    expect(patient.ok && patient.value.nhsNumber).to.equal('9434765919');
    const bad = validateHostPatient({ nhsNumber: '9434765918' });
    expect(bad.ok).to.equal(false);
    expect(!bad.ok && bad.reason).not.to.contain('9434765918');
    expect(validateHostPatient({ nhsNumber: '9434765919', birthDate: '14/07/1945' }).ok).to.equal(
      false,
    );
  });

  it('checks the right patient by NHS number, and by birth date and family name when the host gave them', () => {
    const record = {
      id: 'p',
      nhsNumber: '9434765919',
      given: ['Ada'],
      family: 'HARGREAVES',
      birthDate: '1945-07-14',
      provenance: { source: 'fhir-r4' as const },
    };
    expect(identityMismatch({ nhsNumber: '9434765919' }, record)).to.equal(undefined);
    expect(
      identityMismatch(
        { nhsNumber: '9434765919', name: { family: 'Hargreaves' }, birthDate: '1945-07-14' },
        record,
      ),
    ).to.equal(undefined);
    expect(identityMismatch({ nhsNumber: '9993456780' }, record)).to.equal('nhs-number');
    expect(identityMismatch({ nhsNumber: '9434765919', birthDate: '1945-07-15' }, record)).to.equal(
      'birth-date',
    );
    expect(
      identityMismatch({ nhsNumber: '9434765919', name: { family: 'Hargraves' } }, record),
    ).to.equal('family-name');
  });
});

describe('consent and grants', () => {
  it('accepts the three answers and requires a coded reason for an override', () => {
    expect(validateConsentDecision({ decision: 'granted' }).ok).to.equal(true);
    expect(validateConsentDecision({ decision: 'declined' }).ok).to.equal(true);
    expect(validateConsentDecision({ decision: 'override' }).ok).to.equal(false);
    expect(validateConsentDecision({ decision: 'override', reason: 'curiosity' }).ok).to.equal(
      false,
    );
    expect(
      validateConsentDecision({
        decision: 'override',
        reason: 'safeguarding',
        note: 'x'.repeat(501),
      }).ok,
    ).to.equal(false);
    expect(validateConsentDecision({ decision: 'maybe' }).ok).to.equal(false);
  });

  it('makes a grant only for yes or override, for one patient, until it expires or is revoked', () => {
    const now = new Date('2026-11-26T09:00:00Z');
    expect(decideConsent({ decision: 'declined' }, '9434765919', now, 60)).to.equal(undefined);
    const grant = decideConsent(
      { decision: 'override', reason: 'emergency' },
      '9434765919',
      now,
      60,
    )!;
    expect(grant).to.include({ basis: 'override', reason: 'emergency' });
    expect(isLiveGrant(grant, '9434765919', now)).to.equal(true);
    expect(isLiveGrant(grant, '9993456780', now)).to.equal(false);
    expect(isLiveGrant(grant, '9434765919', new Date('2026-11-26T10:00:01Z'))).to.equal(false);
    // A look-alike object is not a grant.
    expect(isLiveGrant({ ...grant }, '9434765919', now)).to.equal(false);
    revokeGrant(grant);
    expect(isLiveGrant(grant, '9434765919', now)).to.equal(false);
  });
});
