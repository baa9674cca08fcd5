import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { exampleRecords, EXAMPLE_VIEWER } from './audit-records.examples.js';
import type { AuditRecord } from './audit-record.js';
import { UnmappableAuditRecordError } from './record-check.js';
import { toAuditEvent } from './to-audit-event.js';

const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const records = exampleRecords('map');
const codesOf = (concepts: fhir4.CodeableConcept[] | undefined) =>
  (concepts ?? []).flatMap((c) =>
    (c.coding ?? []).map((coding) => `${coding.system}|${coding.code}`),
  );

describe('toAuditEvent', () => {
  it('keeps the record id and time, and names the patient record event type', () => {
    for (const record of Object.values(records)) {
      const event = toAuditEvent(record);
      expect(event.resourceType).to.equal('AuditEvent');
      expect(event.id).to.equal(record.id);
      expect(event.recorded).to.equal(record.recorded);
      expect(event.type).to.deep.equal({
        system: 'http://dicom.nema.org/resources/ontology/DCM',
        code: '110110',
        display: 'Patient Record',
      });
      expect(event.subtype?.[0]).to.include({
        system: 'https://dcr-elements.example/CodeSystem/audit-action',
        code: record.action,
      });
    }
  });

  it('says who: the user with role codes as requestor, and the organisation by ODS code', () => {
    const [user, org] = toAuditEvent(records.attempt).agent;
    expect(user?.requestor).to.equal(true);
    expect(user?.type?.coding?.[0]).to.include({ code: 'IRCP' });
    expect(user?.who?.identifier).to.deep.equal({
      system: 'https://fhir.nhs.uk/Id/sds-user-id',
      value: EXAMPLE_VIEWER.userId,
    });
    expect(user?.who?.display).to.equal(EXAMPLE_VIEWER.name);
    expect(codesOf(user?.role)).to.deep.equal([
      'https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode|R8000',
    ]);
    expect(org?.requestor).to.equal(false);
    expect(org?.type?.coding?.[0]).to.include({
      system: 'http://terminology.hl7.org/CodeSystem/v3-RoleClass',
      code: 'PROV',
    });
    expect(org?.who?.identifier).to.deep.equal({
      system: 'https://fhir.nhs.uk/Id/ods-organization-code',
      value: 'RX1',
    });
  });

  it('names the patient by NHS number and the library as observer', () => {
    const event = toAuditEvent(records.attempt);
    expect(event.action).to.equal('R');
    expect(event.outcome).to.equal('0');
    expect(event.entity).to.have.length(1);
    expect(event.entity?.[0]?.what?.identifier).to.deep.equal({
      system: 'https://fhir.nhs.uk/Id/nhs-number',
      value: '9992345675',
    });
    expect(event.entity?.[0]?.role?.code).to.equal('1');
    expect(event.source.observer.display).to.equal('dcr-elements');
    expect(event.source.site).to.equal('emergency');
  });

  it('records decisions as executions with their state, and consent as the purpose of treatment', () => {
    const decision = toAuditEvent(records['access-decision']);
    expect(decision.action).to.equal('E');
    expect(decision.outcomeDesc).to.equal('awaiting-consent');
    expect(decision.subtype?.[1]?.code).to.equal('110147');
    const consent = toAuditEvent(records['consent-recorded']);
    expect(consent.subtype?.[1]?.code).to.equal('110144');
    expect(codesOf(consent.purposeOfEvent)).to.deep.equal([`${ACT_REASON}|TREAT`]);
  });

  it('records an override with its purpose, coded reason, note and the privacy alert', () => {
    const event = toAuditEvent(records.override);
    expect(event.subtype?.[1]?.code).to.equal('110127');
    expect(codesOf(event.purposeOfEvent)).to.deep.equal([
      `${ACT_REASON}|ETREAT`,
      `${ACT_REASON}|OVRER`,
      'https://dcr-elements.example/CodeSystem/override-reason|emergency',
    ]);
    expect(event.purposeOfEvent?.[1]?.text).to.equal('Unconscious on arrival, no relative present');
    expect(event.meta?.tag?.[0]?.code).to.equal('privacy-alert');
    for (const [reason, code] of [
      ['safeguarding', 'OVRPJ'],
      ['unable-to-respond', 'OVRINCOMP'],
    ] as const) {
      const other = toAuditEvent({
        ...records.override,
        overrideReason: reason,
        overrideNote: undefined,
      });
      expect(codesOf(other.purposeOfEvent)).to.include(`${ACT_REASON}|${code}`);
      expect(other.purposeOfEvent?.[1]?.text, 'the reason stands in for a missing note').to.be.a(
        'string',
      );
    }
  });

  it('records refusals as minor and errors and mismatches as serious failures', () => {
    expect(toAuditEvent(records.refusal)).to.include({
      outcome: '4',
      outcomeDesc: 'source-dissent',
      action: 'E',
    });
    expect(toAuditEvent(records.error)).to.include({ outcome: '8', outcomeDesc: 'timeout' });
    const mismatch = toAuditEvent(records['identity-mismatch']);
    expect(mismatch).to.include({ outcome: '8', outcomeDesc: 'birthDate' });
    expect(mismatch.meta?.tag?.[0]?.code).to.equal('privacy-alert');
  });

  it('lists the sections: a fetch as a query, a view as the sections themselves', () => {
    const fetched = toAuditEvent(records['section-fetched']).entity?.[1];
    expect(fetched?.role?.code).to.equal('24');
    expect(fetched?.detail?.map((d) => d.valueString)).to.deep.equal(['allergies', 'medications']);
    const shown = toAuditEvent(records['section-shown']);
    expect(shown.action).to.equal('R');
    expect(shown.entity?.[1]?.role?.code).to.equal('4');
    expect(shown.entity?.[1]?.detail?.map((d) => d.valueString)).to.deep.equal(['allergies']);
  });

  it('ends the session with a session stop, and leaves out the patient when none was valid', () => {
    expect(toAuditEvent(records.end).subtype?.[1]?.code).to.equal('110146');
    const { patient: _patient, ...noPatient } = records.error;
    expect(toAuditEvent(noPatient).entity).to.equal(undefined);
  });

  it('carries only identities, codes and decisions (no field outside the record)', () => {
    const json = JSON.stringify(toAuditEvent(records.override));
    for (const forbidden of ['"text":{"status"', 'div', 'contained'])
      expect(json).not.to.include(forbidden);
  });

  it('refuses a record outside the coded sets, naming the field and never the value', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ overrideReason: 'curiosity-9992345675' }, 'override-reason'],
      [{ action: 'peek' }, 'action'],
      [{ outcome: 'fine' }, 'outcome'],
      [{ basis: 'whim' }, 'basis'],
      [{ id: '' }, 'id'],
      [{ viewer: { ...EXAMPLE_VIEWER, roles: 'R8000' } }, 'viewer'],
      [{ sections: 'allergies' }, 'sections'],
    ];
    for (const [change, problem] of cases) {
      const record = { ...records.override, ...change } as unknown as AuditRecord;
      let thrown: unknown;
      try {
        toAuditEvent(record);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, problem).to.be.instanceOf(UnmappableAuditRecordError);
      expect((thrown as UnmappableAuditRecordError).problem).to.equal(problem);
      expect((thrown as Error).message).not.to.include('9992345675');
    }
    // A viewer audited with only the identity that was valid still maps.
    const partial = { ...records.attempt, viewer: { userId: 'u-1' } } as unknown as AuditRecord;
    expect(toAuditEvent(partial).agent[0]?.who?.identifier?.value).to.equal('u-1');
  });
});
