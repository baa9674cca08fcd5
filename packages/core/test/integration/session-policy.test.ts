// The session's safety rules end to end against the sandbox over HTTP, watching the network
// itself: who may see the record, on what basis, and that nothing leaks on a refusal.
import { SANDBOX_FHIR_R4, recordingFetch, sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS, type RosterPatient } from '../../../sandbox/src/synthetic/roster.js';
import type { AuditRecord } from '../../src/audit/audit-record.js';
import type { OverrideReason } from '../../src/consent/consent.js';
import type { SectionName } from '../../src/model/sections.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import type { SessionState } from '../../src/session/session-state.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { createAuditTrail } from '../../src/audit/audit-trail.js';
import { fhirAuditSink } from '../../src/audit/fhir-audit-sink.js';

const CLINICAL =
  /\/(AllergyIntolerance|Condition|MedicationRequest|MedicationStatement|Observation|Procedure|Encounter|ServiceRequest|Flag)\b/;
const VIEWER = {
  userId: 'user-1',
  name: 'Dr Test',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};

function hostPatient(p: RosterPatient) {
  return {
    nhsNumber: p.nhsNumber,
    name: { family: p.family, given: [p.given] },
    birthDate: p.birthDate,
  };
}

function open(
  options: { roles?: string[]; agreement?: string[]; viewer?: unknown; grantMinutes?: number } = {},
) {
  const network = recordingFetch();
  const audit: AuditRecord[] = [];
  const session = createCareRecordSession({
    source: fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch }),
    viewer: options.viewer ?? { ...VIEWER, roles: options.roles ?? VIEWER.roles },
    audit: { record: (r) => audit.push(r) },
    policy: {
      agreement: options.agreement ?? ['RX1'],
      ...(options.grantMinutes && { grantMinutes: options.grantMinutes }),
    },
  });
  return { session, network, audit };
}

type Answer =
  | { decision: 'granted' }
  | { decision: 'declined' }
  | { decision: 'override'; reason: OverrideReason };
const ANSWERS: Answer[] = [
  { decision: 'granted' },
  { decision: 'declined' },
  { decision: 'override', reason: 'emergency' },
  { decision: 'override', reason: 'safeguarding' },
  { decision: 'override', reason: 'unable-to-respond' },
];
const SHARING: [RosterPatient, 'share' | 'dissent' | 'not-set'][] = [
  [SANDBOX_PATIENTS.typical, 'share'],
  [SANDBOX_PATIENTS.optedOut, 'dissent'],
  [SANDBOX_PATIENTS.consentNotSet, 'not-set'],
];

describe('session policy: roles × agreement × GP sharing × consent answer × override reason', () => {
  for (const roles of [['R8000'], ['R8008']]) {
    for (const inAgreement of [true, false]) {
      for (const [patient, sharing] of SHARING) {
        for (const answer of ANSWERS) {
          const label = `${roles[0]}, ${inAgreement ? 'in' : 'not in'} agreement, GP sharing ${sharing}, ${answer.decision}${'reason' in answer ? ` (${answer.reason})` : ''}`;
          it(label, async () => {
            const { session, network, audit } = open({
              roles,
              agreement: inAgreement ? ['RX1'] : ['Y99999'],
            });
            const published: SectionName[] = [];
            for (const section of ['allergies', 'medications'] as const) {
              session.subscribe(section, (s) => s.status === 'ready' && published.push(s.section));
            }
            session.setPatient(hostPatient(patient));
            const afterAccess = await sessionReaches(
              session,
              'awaiting-consent',
              'not-permitted',
              'no-agreement',
            );
            const permitted = roles[0] === 'R8000';
            let expected: SessionState;
            if (!permitted) expected = 'not-permitted';
            else if (!inAgreement) expected = 'no-agreement';
            else if (answer.decision === 'declined') expected = 'consent-declined';
            else expected = sharing === 'share' ? 'ready' : 'source-dissent';

            if (afterAccess === 'awaiting-consent') {
              await session.recordConsent(answer);
              if (answer.decision !== 'declined')
                expect(session.basis).to.equal(
                  answer.decision === 'override' ? 'override' : 'consent',
                );
            }
            expect(
              await sessionReaches(
                session,
                expected,
                'ready',
                'partial',
                'source-dissent',
                'consent-declined',
                'not-permitted',
                'no-agreement',
                'unavailable',
              ),
            ).to.equal(expected);

            const clinical = network.requests.filter((r) => CLINICAL.test(r.url));
            if (expected === 'ready') {
              expect(published.sort()).to.deep.equal(['allergies', 'medications']);
            } else {
              // Never any clinical data on screen; without a grant, not even a request for it.
              expect(published).to.deep.equal([]);
              if (expected !== 'source-dissent') expect(network.requests).to.deep.equal([]);
              else expect(clinical.length).to.be.greaterThan(0); // asked, and refused by the GP side
              expect(() => session.section('allergies')).to.throw;
            }

            const actions = audit.map((a) => `${a.action}:${a.outcome}`);
            expect(actions[0]).to.equal('attempt:success');
            expect(actions).to.include(
              permitted && inAgreement ? 'access-decision:success' : 'access-decision:refused',
            );
            if (answer.decision === 'override' && permitted && inAgreement) {
              const override = audit.find((a) => a.action === 'override')!;
              expect(override).to.include({
                basis: 'override',
                overrideReason: answer.reason,
                alert: true,
              });
            }
            if (expected === 'source-dissent') expect(actions).to.include('refusal:refused');
            if (expected === 'consent-declined')
              expect(actions).to.include('consent-recorded:refused');
            for (const record of audit) {
              expect(record.viewer.userId).to.equal('user-1');
              expect(record.patient?.nhsNumber).to.equal(patient.nhsNumber);
            }
          });
        }
      }
    }
  }
});

describe('session safety', () => {
  it('refuses to read without consent, at the API', async () => {
    const { session, network } = open();
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    let error: unknown;
    await session.section('allergies').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(network.requests).to.deep.equal([]);
  });

  it('stops the view with an alert when the record is not the patient the host selected', async () => {
    const { session, audit } = open();
    const published: string[] = [];
    session.subscribe('allergies', (s) => s.status === 'ready' && published.push(s.section));
    session.subscribe('demographics', (s) => s.status === 'ready' && published.push(s.section));
    session.setPatient({ ...hostPatient(SANDBOX_PATIENTS.typical), birthDate: '1946-07-14' });
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    await sessionReaches(session, 'identity-mismatch');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(published).to.deep.equal([]);
    expect(audit.find((a) => a.action === 'identity-mismatch')).to.include({
      alert: true,
      detail: 'birth-date',
    });
    expect(session.stateReason).not.to.contain('1946');
  });

  it('withholds private entries of other organisations and sensitive entries, and counts them', async () => {
    const { session } = open();
    session.setPatient(hostPatient(SANDBOX_PATIENTS.privateAndSensitive));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    const [allergies, problems, diagnoses, medications, procedures] = await Promise.all([
      session.section('allergies'),
      session.section('problems'),
      session.section('diagnoses'),
      session.section('medications'),
      session.section('procedures'),
    ]);
    const shown = [
      ...problems.entries,
      ...diagnoses.entries,
      ...medications.entries,
      ...procedures.entries,
    ].map((e) => e.id);
    // Recorded by the viewer's own organisation: shown, even though confidential.
    expect(shown).to.include('private-confidential-own-org');
    for (const id of [
      'private-confidential-uti',
      'private-omeprazole',
      'sensitive-chlamydia',
      'sensitive-termination',
      'sensitive-ivf',
    ]) {
      expect(shown, id).not.to.include(id);
    }
    expect(allergies.entries.map((a) => a.id).sort()).to.deep.equal([
      'private-allergy-amoxicillin-resolved',
      'private-allergy-peanut',
    ]);
    expect(allergies.withheld).to.deep.equal({ private: 1, sensitive: 0 });
    expect(diagnoses.withheld).to.deep.equal({ private: 1, sensitive: 1 });
    expect(medications.withheld).to.deep.equal({ private: 1, sensitive: 0 });
    expect(procedures.withheld).to.deep.equal({ private: 0, sensitive: 2 });
  });

  it('gives no-context for bad input, with a reason that carries no patient data', async () => {
    const bad = open({ viewer: { ...VIEWER, organisation: '' } });
    bad.session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    expect(bad.session.state).to.equal('no-context');
    expect(bad.session.stateReason).to.contain('organisation');
    const badNumber = open();
    badNumber.session.setPatient({ nhsNumber: '9434765918' });
    expect(badNumber.session.state).to.equal('no-context');
    expect(badNumber.session.stateReason).not.to.contain('9434765918');
    expect(badNumber.audit[0]).to.include({ action: 'attempt', outcome: 'refused' });
    expect(badNumber.network.requests).to.deep.equal([]);
  });

  it('delivers the override, with its reason, as an AuditEvent to the sandbox', async () => {
    const trail = createAuditTrail({
      sink: fhirAuditSink({ url: SANDBOX_FHIR_R4 }),
      dbName: `override-${Date.now()}`,
    });
    const ids: string[] = [];
    const session = createCareRecordSession({
      source: fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 }),
      viewer: VIEWER,
      audit: { record: (record) => (ids.push(record.id), trail.record(record)) },
      policy: { agreement: ['RX1'] },
    });
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({
      decision: 'override',
      reason: 'safeguarding',
      note: 'Concern raised by ambulance crew',
    });
    await trail.flush();
    const overrideId = ids[2]!;
    const stored = await (await fetch(`${SANDBOX_FHIR_R4}/AuditEvent/${overrideId}`)).json();
    expect(stored.resourceType).to.equal('AuditEvent');
    expect(JSON.stringify(stored.purposeOfEvent)).to.contain('OVRPJ');
    expect(JSON.stringify(stored)).to.contain('Concern raised by ambulance crew');
    trail.close();
  });

  it('reads a section already loaded, and says partial when one section fails and others arrive', async () => {
    const audit: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: fhirR4Source({
        baseUrl: SANDBOX_FHIR_R4,
        retry: { retries: 0 },
        fetch: (input, init) =>
          input.includes('/MedicationRequest')
            ? Promise.reject(new TypeError('offline'))
            : fetch(input, init),
      }),
      viewer: VIEWER,
      audit: { record: (r) => audit.push(r) },
      policy: { agreement: ['RX1'] },
    });
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    const first = await session.section('allergies');
    // The same value read twice (one fetch), each time saying whose it is.
    const second = await session.section('allergies');
    expect(second).to.deep.equal(first);
    expect(second.entries).to.equal(first.entries);
    expect(second.patient).to.deep.equal({ nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber });
    const failed = await session.section('medications').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).to.be.instanceOf(Error);
    expect(await sessionReaches(session, 'partial')).to.equal('partial');
    expect(session.stateReason).to.contain('medications');
    expect(audit.some((a) => a.action === 'error' && a.sections?.includes('medications'))).to.equal(
      true,
    );
  });

  it('forgets the previous patient when the next input is invalid, and answers pending reads', async () => {
    const { session } = open();
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    const pending = session.section('events');
    session.setPatient({ nhsNumber: '9434765918' });
    expect(session.state).to.equal('no-context');
    expect(session.patient).to.equal(undefined);
    const error = await pending.then(
      () => undefined,
      (e: { kind?: string }) => e,
    );
    expect(error?.kind).to.equal('aborted');
  });

  it('ends the view when the grant’s time runs out', async () => {
    const { session, audit } = open({ grantMinutes: 0.005 }); // 300 ms
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    await sessionReaches(session, 'ended');
    expect(session.basis).to.equal(undefined);
    expect(audit.at(-1)).to.include({ action: 'end', detail: 'grant-expired' });
  });

  it('ends the view on end() and on a patient switch: the grant is gone, nothing more is fetched', async () => {
    const { session, audit } = open();
    session.setPatient(hostPatient(SANDBOX_PATIENTS.typical));
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    await session.section('allergies');
    session.setPatient(hostPatient(SANDBOX_PATIENTS.noKnownAllergies));
    expect(session.basis).to.equal(undefined);
    await sessionReaches(session, 'awaiting-consent');
    let error: unknown;
    await session.section('allergies').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    session.end();
    expect(session.state).to.equal('ended');
    expect(audit.at(-1)).to.include({ action: 'end' });
  });
});
