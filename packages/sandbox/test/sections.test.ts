// Every roster patient's record, over real HTTP against the mounted sandbox.
import '@dcr-elements/test-support';
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { isValidNhsNumber } from '@dcr-elements/core';
import { SANDBOX_ORGANISATIONS, SANDBOX_PATIENTS } from '../src/synthetic/roster.js';
import { getJson, searchAll, type Json } from './helpers.js';

const {
  typical,
  largeRecord,
  hugeTimeline,
  nothingRecorded,
  privateAndSensitive,
  optedOut,
  consentNotSet,
} = SANDBOX_PATIENTS;
const codesOf = (resource: Json): string[] => resource.code.coding.map((c: Json) => c.code);

describe('sandbox synthetic records', () => {
  it('gives every roster patient a valid, distinct NHS number in the 999 test range', () => {
    const numbers = Object.values(SANDBOX_PATIENTS).map((p) => p.nhsNumber);
    expect(new Set(numbers).size).to.equal(numbers.length);
    for (const n of numbers) {
      expect(isValidNhsNumber(n), n).to.equal(true);
      expect(n.startsWith('999'), n).to.equal(true);
    }
  });

  it('has every section for the typical patient', async () => {
    const search = (q: string) =>
      searchAll(`${q}${q.includes('?') ? '&' : '?'}patient=${typical.id}`);
    const procedures = await search('Procedure');
    expect(procedures.total).to.be.at.least(2);
    const encounters = (await search('Encounter')).entries.map((e) => e.resource);
    const classes = encounters.map((e: Json) => e.class.code);
    expect(classes).to.include.members(['AMB', 'IMP', 'EMER']);
    const admission = encounters.find((e: Json) => e.class.code === 'IMP');
    expect(admission.period.start < admission.period.end).to.equal(true);
    const referrals = (await search('ServiceRequest')).entries.map((e) => e.resource);
    expect(referrals.length).to.be.at.least(2);
    for (const r of referrals) {
      expect(r.intent).to.equal('order');
      expect(r.category[0].coding[0].code).to.equal('3457005');
    }
    const flags = (await search('Flag')).entries.map((e) => e.resource);
    expect(flags.flatMap(codesOf)).to.include('129839007');
    for (const [code, label] of [
      ['1000731000000107', 'creatinine'],
      ['1011481000000105', 'eGFR'],
      ['999791000000106', 'HbA1c'],
      ['1022431000000105', 'haemoglobin'],
      ['165581004', 'INR'],
    ]) {
      const series = await search(`Observation?code=http://snomed.info/sct|${code}`);
      expect(series.total, label).to.be.at.least(6);
    }
    const bp = await search('Observation?category=vital-signs');
    expect(bp.total).to.be.at.least(12);
  });

  it('has repeat and acute medications with issues, and a stopped one with a coded reason', async () => {
    const requests = (await searchAll(`MedicationRequest?patient=${typical.id}`)).entries.map(
      (e) => e.resource,
    );
    const plans = requests.filter((r: Json) => r.intent === 'plan');
    const kinds = plans.map((p: Json) => p.courseOfTherapyType.coding[0].code);
    expect(kinds).to.include.members(['continuous', 'acute']);
    const stopped = plans.filter((p: Json) => p.status === 'stopped');
    expect(stopped.length).to.be.at.least(1);
    expect(stopped[0].statusReason.coding[0]).to.include({
      system: 'http://snomed.info/sct',
      code: '274512008',
    });
    const warfarinIssues = requests.filter(
      (r: Json) => r.basedOn?.[0]?.reference === 'MedicationRequest/typical-warfarin-3mg',
    );
    expect(warfarinIssues).to.have.length(13);
  });

  it('pages the large record: 2,500 results in ceil(2500 / _count) requests', async () => {
    const { entries, requests, total } = await searchAll(
      `Observation?patient=${largeRecord.id}&category=laboratory&_count=500`,
    );
    expect(total).to.equal(2500);
    expect(new Set(entries.map((e) => e.resource.id)).size).to.equal(2500);
    expect(requests).to.equal(5);
  });

  it('holds 10,000 events for the huge timeline (encounters and referrals)', async () => {
    const encounters = await getJson(
      `${SANDBOX_FHIR_R4}/Encounter?patient=${hugeTimeline.id}&_count=1`,
    );
    const referrals = await getJson(
      `${SANDBOX_FHIR_R4}/ServiceRequest?patient=${hugeTimeline.id}&_count=1`,
    );
    expect(encounters.body.total + referrals.body.total).to.equal(10_000);
    expect(referrals.body.total).to.be.greaterThan(0);
  });

  it('has nothing recorded for the nothing-recorded patient: no allergy entry or statement, no medicines', async () => {
    for (const type of [
      'AllergyIntolerance',
      'MedicationRequest',
      'MedicationStatement',
      'Condition',
      'Observation',
    ]) {
      const { status, body } = await getJson(
        `${SANDBOX_FHIR_R4}/${type}?patient=${nothingRecorded.id}`,
      );
      expect(status, type).to.equal(200);
      expect(body.total, type).to.equal(0);
    }
  });

  it('labels confidential entries and records who recorded them, and holds sensitive entries', async () => {
    const conditions = (await searchAll(`Condition?patient=${privateAndSensitive.id}`)).entries.map(
      (e) => e.resource,
    );
    const confidential = conditions.filter((c: Json) =>
      c.meta.security?.some((s: Json) => s.code === 'R'),
    );
    expect(confidential.length).to.be.at.least(2);
    const orgOf = async (roleRef: string) => {
      const role = (await getJson(`${SANDBOX_FHIR_R4}/${roleRef}`)).body;
      return (await getJson(`${SANDBOX_FHIR_R4}/${role.organization.reference}`)).body.identifier[0]
        .value;
    };
    const recorders = await Promise.all(confidential.map((c: Json) => orgOf(c.recorder.reference)));
    expect(recorders).to.include.members(['Y12345', SANDBOX_ORGANISATIONS.viewingTrust.ods]);
    expect(conditions.flatMap(codesOf)).to.include('105629000');
    const procedures = (await searchAll(`Procedure?patient=${privateAndSensitive.id}`)).entries.map(
      (e) => e.resource,
    );
    expect(procedures.flatMap(codesOf)).to.include.members(['386639001', '52637005']);
  });

  it('refuses clinical searches for dissent and not-set patients, but still answers Patient', async () => {
    for (const [patient, reason] of [
      [optedOut, 'dissent'],
      [consentNotSet, 'not-set'],
    ] as const) {
      const { status, body } = await getJson(
        `${SANDBOX_FHIR_R4}/AllergyIntolerance?patient=${patient.id}`,
      );
      expect(status).to.equal(403);
      expect(body.issue[0].code).to.equal('forbidden');
      const codes = body.issue[0].details.coding.map((c: Json) => c.code);
      expect(codes).to.include.members(['NO_PATIENT_CONSENT', reason]);
      expect((await getJson(`${SANDBOX_FHIR_R4}/Patient/${patient.id}`)).status).to.equal(200);
    }
    const read = await getJson(`${SANDBOX_FHIR_R4}/Condition/opted-out-hypertension`);
    expect(read.status).to.equal(403);
  });
});
