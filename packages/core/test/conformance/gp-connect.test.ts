// Conformance of the GP Connect (STU3) path over the published Access Record Structured example
// responses (read in place from ../shared/fixtures, never copied). Every file goes through the
// normaliser for every section without throwing; each file then meets expectations written from
// reading it. Several examples reference Patients that are not in the bundle: those entries are
// dropped as "another patient" by design (see bundle-index.ts), and the expectations say so.
import '@dcr-elements/test-support';
import { fixtureIndex, loadFixture } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SECTION_NAMES, type SectionValues } from '../../src/model/sections.js';
import { normaliseOptions } from '../../src/normalise/options.js';
import { normaliseStructuredRecord } from '../../src/normalise/stu3/structured-record.js';

const FOLDER = 'gp-connect-structured-examples';
const options = normaliseOptions({ today: '2019-07-01' });
type Record = Partial<SectionValues>;

/** The NHS number each example is about (all but the pathology ones use the test number 9999999999). */
const nhsNumberFor = (file: string) => (file.startsWith('pathology') ? '9432003812' : '9999999999');

/** Files whose allergies List points at an allergy the bundle does not hold: allergies unavailable. */
const missingAllergy = (s: Record) => {
  expect(s).not.to.have.property('allergies');
  expect(s.demographics?.patient.family).to.equal('Jackson');
};
/** Files with only the patient and practice: no clinical area returned at all. */
const patientOnly = (s: Record) => {
  expect(s).not.to.have.property('allergies');
  expect(s.demographics?.patient).to.include({
    nhsNumber: '9999999999',
    registeredPractice: 'O001',
  });
  expect(s.medications?.entries).to.have.length(0);
  expect(s.problems?.entries).to.have.length(0);
};
/**
 * Immunisations are read since the immunisations section was added (they were ignored before,
 * which hid tetanus status from A&E): the vaccination is named by the VaccinationProcedure
 * extension, as `vaccineCode` holds only a NullFlavor in these examples.
 */
const hepatitisADose = {
  id: 'eba25af1-5b74-4790-aa5a-2134fd27ad45',
  display: 'First hepatitis A vaccination',
  status: 'completed',
  date: '2019-06-28',
  doseSequence: 1,
  primarySource: true,
};
const immunisationsOnly = (s: Record) => {
  expect(s.demographics?.patient.birthDate).to.equal('1952-05-31');
  for (const section of ['medications', 'problems', 'bloodPressure', 'events'] as const) {
    expect(s[section]?.entries, section).to.have.length(0);
  }
  expect(s.immunisations?.warnings).to.deep.equal([]);
};

const EXPECTATIONS: { [file: string]: (s: Record, raw: string) => void } = {
  'allergies_response1.json': (s, raw) => {
    expect(s.demographics?.patient).to.include({
      family: 'Jackson',
      gender: 'female',
      registeredPractice: 'O001',
    });
    expect(s.allergies?.state).to.equal('recorded');
    expect(s.allergies?.entries.map((e) => [e.id, e.status])).to.deep.equal([
      ['Resolved-1', 'resolved'],
      ['6bff710a-0bdc-4c9b-b98b-40db0a107edc', 'active'],
      ['5eb0f76a-cecb-4b83-999d-ddb76e551a9b', 'active'],
      ['d92b7d42-554d-4c92-b829-e76508185702', 'active'],
    ]);
    // Coded 196461000000101 Transfer-degraded drug allergy: shown by its original term.
    const degraded = s.allergies?.entries.find((e) => e.id.startsWith('d92b7d42'));
    expect(degraded).to.include({
      display: 'Allergy to paracetemol',
      degraded: true,
    });
    expect(s.allergies?.entries.map((e) => e.display).join()).not.to.contain('Transfer-degraded');
    const peanut = s.allergies?.entries.find((e) => e.codes[0]?.code === '256349002');
    expect(peanut).to.include({ criticality: 'high', category: 'environment' });
    expect(peanut?.reactions[0]).to.deep.include({ severity: 'severe' });
    expect(peanut?.provenance).to.deep.equal({
      source: 'gp-connect',
      organisation: 'O001',
      // Its PractitionerRole's Organization carries ODS O001: the recorder is proved.
      recorderOrganisation: 'O001',
      recorder: 'GILBERT, Nichole (Miss)',
      recorded: '2016-02-08T10:57:34+00:00',
    });
    // The active List names one allergy the bundle does not contain.
    expect(s.allergies?.diagnostics.unparseable).to.deep.equal({
      'List entry missing from the bundle': 1,
    });
    expect(JSON.stringify(s)).not.to.contain('freetext');
    expect(raw).to.contain('freetext');
  },
  'allergies_response2.json': (s) => {
    expect(s.allergies?.state).to.equal('no-known-allergies');
    expect(s.allergies?.entries).to.have.length(0);
    expect(s.allergies?.statements).to.have.length(1);
    expect(s.allergies?.statements[0]).to.include({ scope: 'all', display: 'No known allergy' });
  },
  'allergies_response3.json': (s) => {
    expect(s.allergies?.state).to.equal('not-recorded');
    expect(s.allergies?.warnings).to.deep.equal([
      {
        code: 'empty-reason',
        coding: {
          system: 'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1',
          code: 'no-content-recorded',
          display: 'No Content Recorded',
        },
      },
    ]);
  },
  'consultations_forwards_response1.json': (s) => {
    expect(s.allergies?.entries).to.have.length(4);
    expect(s.medications?.entries).to.have.length(2);
    // The provider's OperationOutcome says includeConsultations and includeProblems are not supported.
    for (const section of ['events', 'problems', 'bloodPressure'] as const) {
      expect(
        s[section]?.warnings.map((w) => w.coding?.code),
        section,
      ).to.deep.equal(['NOT_IMPLEMENTED']);
    }
    expect(s.medications?.warnings).to.deep.equal([]);
  },
  'consultations_response1.json': (s) => {
    expect(s.medications?.entries.map((m) => m.name)).to.deep.equal([
      'Citalopram 20mg tablets',
      'Amlodipine 10mg tablets',
      'Paracetamol 500mg tablets',
      'Citalopram 20mg tablets',
      'Citalopram 20mg tablets',
    ]);
    expect(s.medications?.diagnostics.unparseable).to.deep.equal({
      'MedicationStatement with duplicated id': 3,
    });
    // Conditions, Encounters and the blood pressure name Patients that are not this bundle's patient.
    expect(s.problems?.diagnostics.dropped).to.deep.equal({ 'another patient': 4 });
    expect(s.events?.diagnostics.dropped).to.deep.equal({ 'another patient': 3 });
    expect(s.bloodPressure?.diagnostics.dropped).to.deep.equal({ 'another patient': 1 });
  },
  'consultations_response2.json': missingAllergy,
  'consultations_response3.json': patientOnly,
  'diaryentries_response1.json': (s) => {
    expect(s.problems?.entries).to.have.length(1);
    expect(s.problems?.entries[0]).to.include({
      status: 'active',
      onset: '2019-03-28T10:30:00',
      // The descriptionDisplay "Swollen leg", not the coding's display (a fully specified name).
      display: 'Swollen leg',
    });
    expect(s.diagnoses?.entries).to.have.length(0);
    expect(s.diagnoses?.warnings[0]?.code).to.equal('source-warning');
  },
  'immunizations_response1.json': (s) => {
    immunisationsOnly(s);
    expect(s.immunisations?.entries).to.have.length(1);
    expect(s.immunisations?.entries[0]).to.deep.include({
      ...hepatitisADose,
      dose: { value: 0.5, unit: 'ml' },
    });
    expect(s.immunisations?.entries[0]?.codes.map((c) => c.code)).to.deep.equal(['170378007']);
  },
  'immunizations_response2.json': (s) => {
    immunisationsOnly(s);
    // Newest first: the dose not given (notGiven: true, with its coded reason), then the one given.
    expect(s.immunisations?.entries.map((e) => [e.display, e.status, e.date])).to.deep.equal([
      ['Hepatitis A vaccination not done', 'not-done', '2019-09-28'],
      ['First hepatitis A vaccination', 'completed', '2019-06-28'],
    ]);
    expect(s.immunisations?.entries[0]?.reasonNotGiven?.map((c) => c.code)).to.deep.equal([
      '213257006',
    ]);
    expect(s.immunisations?.entries[1]).not.to.have.property('reasonNotGiven');
  },
  'immunizations_response3.json': (s) => {
    immunisationsOnly(s);
    // The List holds an Observation (no consent to immunisation) about another Patient.
    expect(s.immunisations?.entries).to.have.length(0);
    expect(s.investigations?.entries).to.have.length(0);
    expect(s.investigations?.diagnostics.dropped).to.deep.equal({ 'another patient': 1 });
  },
  'meds_response.json': (s, raw) => {
    const meds = s.medications!.entries;
    expect(meds).to.have.length(3);
    const aspirin = meds.find((m) => m.codes[0]?.code === '319773006');
    expect(aspirin).to.include({
      kind: 'repeat',
      status: 'active',
      current: true,
      dosage: 'TAKE ONE DAILY',
      highRisk: false,
    });
    // Issue dates are each order's dispenseRequest.validityPeriod.start (here equal to its
    // authoredOn, so these dates did not move when the rule changed from authoredOn).
    expect(aspirin?.issues.map((i) => i.date)).to.deep.equal(['2016-08-11', '2016-09-11']);
    expect(aspirin?.lastIssued?.date).to.equal('2016-09-11');
    expect(aspirin?.repeat).to.deep.equal({
      issuesAllowed: 5,
      issuesUsed: 2,
      expectedSupplyDays: 28,
    });
    // Still "active" at the practice, last issued nearly three years before 2019-07-01.
    expect(aspirin?.notIssuedSince).to.equal('2016-09-11');
    const acute = meds.filter((m) => m.kind === 'acute');
    expect(acute.map((m) => m.status)).to.deep.equal(['completed', 'completed']);
    expect(acute[1]?.quantity).to.deep.equal({ value: 28, unit: 'capsules' });
    // One acute's statement says last issued 2016-05-10 but the bundle holds no order for it:
    // the model shows the source's date and notes why; the other acute's order agrees.
    expect(acute.map((m) => m.lastIssued?.date)).to.deep.equal(['2016-05-10', '2016-05-10']);
    expect(s.medications?.diagnostics.notes).to.deep.equal({
      "last issue date taken from the source's last-issue-date extension (issue not in the record)": 1,
    });
    expect(JSON.stringify(s)).not.to.match(/NOTES FOR PHARMACY|INSTRUCTIONS FOR PATIENT/);
    expect(raw).to.contain('NOTES FOR PHARMACY');
  },
  'pathology_response1.json': (s) => {
    expect(s.demographics?.patient.family).to.equal('REARDON');
    const results = s.investigations!.entries;
    expect(results).to.have.length(18);
    expect(s.investigations?.series).to.have.length(18);
    const hb = results.find((r) => r.codes[0]?.code === '1022431000000105');
    expect(hb).to.deep.include({
      value: 142,
      unit: 'g/dL',
      referenceRange: { low: 115, high: 150 },
      date: '2019-04-03T12:00:00+00:00',
    });
    expect(hb).not.to.have.property('abnormal');
    // "less than 3.8 to 5" is a text range: not carried.
    expect(results.find((r) => r.codes[0]?.code === '1022451000000103')).not.to.have.property(
      'referenceRange',
    );
  },
  'pathology_response2.json': (s) => {
    expect(s.investigations?.entries).to.have.length(1);
    expect(s.investigations?.entries[0]).to.include({
      display: 'Prostate specific antigen level',
      value: 5.9,
      abnormal: 'high',
    });
  },
  'problems_response1.json': patientOnly,
  'problems_response2.json': missingAllergy,
  'problems_response3.json': patientOnly,
  'referrals_response1.json': (s, raw) => {
    expect(s.events?.entries.map((e) => [e.kind, e.display, e.date])).to.deep.equal([
      ['referral', 'Referral to physiotherapist', '2019-03-28T10:30:00+00:00'],
      ['referral', 'Referral to counselor', '2019-03-28T10:30:00+00:00'],
    ]);
    expect(JSON.stringify(s)).not.to.contain('swollen legs');
    expect(raw).to.contain('swollen legs');
  },
  'skeleton_full_record.json': (s) => {
    // Shape only: no Patient identity, no codes, no dates. Nothing can be shown, everything is counted.
    expect(s).not.to.have.property('demographics');
    expect(s).not.to.have.property('allergies');
    expect(s.medications?.diagnostics.unparseable).to.deep.equal({
      'MedicationStatement without a coded medicine': 3,
    });
    expect(s.problems?.diagnostics.unparseable).to.deep.equal({
      'Condition without a code or term': 1,
    });
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
  'uncategorised_response1.json': (s) => {
    expect(s.bloodPressure?.entries).to.have.length(0);
    expect(s.bloodPressure?.diagnostics).to.deep.equal({ dropped: {}, unparseable: {} });
    // Uncategorised data reaches investigations as observations (it was ignored before); the
    // respiratory rate names another Patient and is counted. The saturation is named by its
    // descriptionDisplay, the term chosen at recording.
    expect(
      s.investigations?.entries.map((e) => [e.display, e.value, e.unit, e.kind]),
    ).to.deep.equal([
      ['Temperature', 36.7, 'C', 'observation'],
      ['Arterial oxygen saturation on room air at rest', 96, '%', 'observation'],
    ]);
    expect(s.investigations?.diagnostics.dropped).to.deep.equal({ 'another patient': 1 });
  },
  'uncategorised_response2.json': missingAllergy,
  'uncategorised_response3.json': patientOnly,
};

describe('GP Connect structured examples conformance', function () {
  let files: string[] = [];

  before(async function () {
    const index = await fixtureIndex();
    if (!index?.[FOLDER]) this.skip();
    files = index[FOLDER]!;
  });

  it('has an expectation for every published example', function () {
    expect(files.length).to.equal(22);
    expect([...files].sort()).to.deep.equal(Object.keys(EXPECTATIONS).sort());
  });

  it('reads every example through the STU3 path without throwing and meets its expectations', async function () {
    for (const file of files) {
      const json = await loadFixture(FOLDER, file);
      const raw = JSON.stringify(json);
      let record: Record = {};
      expect(() => {
        record = normaliseStructuredRecord(json, SECTION_NAMES, nhsNumberFor(file), options);
      }, file).not.to.throw();
      try {
        EXPECTATIONS[file]?.(record, raw);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      for (const section of ['procedures', 'risksWarnings'] as const) {
        expect(record[section]?.warnings[0]?.code, `${file} ${section}`).to.equal('source-warning');
      }
    }
  });
});
