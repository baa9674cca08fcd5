// Immunisation fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/**
 * Immunisation fragments name the vaccination in the VaccinationProcedure extension (Read v2
 * 65M1.00 and SNOMED CT 38598009 Measles-mumps-rubella vaccination) and put only a NullFlavor
 * (UNK) in vaccineCode; most are dated 2010-06-30T05:59:00+01:00, dose 5 mg, first of a course.
 */
const mmr =
  (extra: object = {}) =>
  (s: Sections) => {
    expect(s.immunisations?.entries).to.have.length(1);
    expect(s.immunisations?.entries[0]).to.deep.include({
      display: 'Measles-mumps-rubella vaccination',
      status: 'completed',
      ...extra,
    });
    expect(s.immunisations?.entries[0]?.codes.map((c) => c.code)).not.to.include('UNK');
  };
const MMR_GIVEN = {
  date: '2010-06-30T05:59:00+01:00',
  doseSequence: 1,
  dose: { value: 5, unit: 'mg' },
};
export const immunisationFiles: Expectations = {
  'immunization-all-pertinent-information.json': mmr({ ...MMR_GIVEN, primarySource: true }),
  'immunization-primary-source-false.json': mmr({ ...MMR_GIVEN, primarySource: false }),
  'immunization-no-primary-source.json': (s) => {
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('primarySource');
  },
  'immunization-dose-quantity-as-code.json': mmr({ dose: { value: 5, unit: 'mg' } }),
  'immunization-vaccine-code-given.json': (s) => {
    // The procedure names it; the vaccine code is kept among the codes.
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]?.codes.map((c) => c.code)).to.include('123456789');
  },
  'immunization-no-date.json': (s) => {
    mmr()(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('date');
  },
  'immunization-site-term-text-no-display.json': (s) => {
    mmr()(s);
    expect(s.immunisations?.entries[0]?.site?.map((c) => c.code)).to.deep.equal([
      '1697821000006102',
    ]);
  },
  'immunization-with-no-relation-to-condition.json': (s) => {
    expect(s.immunisations?.entries[0]).to.include({
      display: 'Measles mumps and rubella vaccination - second dose',
      date: '2020-11-02',
    });
  },
  // Same MMR vaccination, varying what a clinician does not rely on here (practitioners, notes,
  // parent present, report origin, reasons): still shown, given, dated, dose kept.
  'immunization-extension-no-parent-present.json': mmr(MMR_GIVEN),
  'immunization-extension-parent-present-false.json': mmr(MMR_GIVEN),
  'immunization-multiple-practitioners.json': mmr(MMR_GIVEN),
  'immunization-multiple-practitioners-no-AP-roles.json': mmr(MMR_GIVEN),
  'immunization-no-practitioner.json': mmr(MMR_GIVEN),
  'immunization-practitioner-but-no-actor.json': mmr(MMR_GIVEN),
  'immunization-with-practitioner-invalid-reference-resource-type.json': mmr(MMR_GIVEN),
  'immunization-with-report-origin.json': mmr(MMR_GIVEN),
  'immunization-multiple-reason-given.json': mmr(MMR_GIVEN),
  'immunization-codeable-concepts-text.json': mmr(MMR_GIVEN),
  // notGiven is false and status completed: a reasonNotGiven does not make it "not done".
  'immunization-multiple-reason-not-given.json': mmr(MMR_GIVEN),
  'immunization-reason-not-given-coding.json': mmr(MMR_GIVEN),
  'immunization-reason-not-given-text.json': mmr(MMR_GIVEN),
  'immunization-dose-quantity-as-unit.json': mmr({ ...MMR_GIVEN, dose: { value: 5, unit: 'mg' } }),
  'immunization-dose-quantity-no-unit-no-code.json': (s) => {
    mmr({ date: MMR_GIVEN.date, doseSequence: 1 })(s);
    expect(s.immunisations?.entries[0]?.dose?.value).to.equal(5);
    expect(s.immunisations?.entries[0]?.dose?.unit).to.equal(undefined);
  },
  'immunization-dose-quantity-as-unit-no-value.json': (s) => {
    // A unit with no value is no dose.
    mmr({ date: MMR_GIVEN.date })(s);
    expect(s.immunisations?.entries[0]?.dose?.value).to.equal(undefined);
  },
  'immunization-no-pertinent-information.json': (s) => {
    // Only the vaccination, its date and the administering practitioner.
    mmr({ date: MMR_GIVEN.date })(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('primarySource');
    expect(s.immunisations?.entries[0]).not.to.have.property('dose');
    expect(s.immunisations?.entries[0]).not.to.have.property('site');
  },
  'immunization-site-term-text-display-different.json': (s) => {
    // The coding's display says "Right arm", its descriptionDisplay (the term the clinician chose)
    // "Left arm": the term as recorded is shown, never the opposite arm; the display is kept as the
    // preferred term.
    expect(s.immunisations?.entries[0]?.site).to.deep.equal([
      {
        system: 'http://snomed.info/sct',
        code: '1697821000006102',
        display: 'Left arm',
        preferredTerm: 'Right arm',
      },
    ]);
  },
  'immunization-site-term-text-display-same.json': (s) => {
    mmr()(s);
    expect(s.immunisations?.entries[0]).not.to.have.property('date');
    expect(s.immunisations?.entries[0]?.site?.map((c) => c.display)).to.deep.equal(['Left arm']);
  },
  'immunization-site-with-user-selected.json': (s) => {
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]?.site?.map((c) => c.display)).to.include(
      'Site With User Selected',
    );
  },
  'immunization-site-with-no-user-selected.json': (s) => {
    mmr(MMR_GIVEN)(s);
    expect(s.immunisations?.entries[0]?.site?.map((c) => c.code)).to.include('16978610000');
  },
  'immunization-with-relation-to-condition-with-one-note.json': (s) => {
    expect(s.immunisations?.entries[0]).to.include({
      display: 'Measles mumps and rubella vaccination - second dose',
      date: '2020-11-02',
      status: 'completed',
    });
  },
  'immunization-with-relation-to-condition-with-two-notes.json': mmr({ date: MMR_GIVEN.date }),
  'fhir-bundle.json': (s) => {
    // Two Conditions coded 170433008 and a Location: problems, no immunisation.
    expect(s.immunisations?.entries).to.have.length(0);
    expect(s.problems?.entries.map((e) => e.date)).to.deep.equal(['2020-11-02', '2020-11-02']);
  },
};
