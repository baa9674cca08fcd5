// Condition fragments: per-file expectations written from reading each file. Every Condition in
// GP Connect is a problem header (category problem-list-item), so each lands in `problems`, never
// `diagnoses`; one without a category is still a problem.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/** Most condition fragments are one Condition (7E277DF1...-PROB): Burning feet, inactive, minor. */
const BURNING_FEET = {
  display: 'Burning feet',
  status: 'inactive',
  onset: '2020-09-06',
  abated: '2020-10-04T00:00:00+01:00',
  date: '2020-09-06',
  significance: 'minor',
};
const ASSERTED = '2020-09-07T10:12:02.093+01:00';

const problem =
  (extra: object = BURNING_FEET) =>
  (s: Sections) => {
    expect(s.problems?.entries).to.have.length(1);
    expect(s.problems?.entries[0]).to.deep.include(extra);
    expect(s.problems?.entries[0]?.codes.map((c) => c.code)).to.include('36031001');
    expect(s.diagnoses?.entries).to.have.length(0);
  };
/** The "actual problem" variants: Test Condition, inactive, no category and no significance. */
const testCondition = (s: Sections) => {
  const { significance: _, ...rest } = BURNING_FEET;
  problem({ ...rest, display: 'Test Condition' })(s);
  expect(s.problems?.entries[0]).not.to.have.property('significance');
};

export const conditionFiles: Expectations = {
  'condition_2_related_clinical_content.json': problem(),
  'condition_actual_problem_condition.json': problem(),
  'condition_all_included.json': (s) => {
    problem()(s);
    // GP Connect has no separate diagnosis list: the empty one says so.
    expect(s.diagnoses?.warnings.map((w) => w.code)).to.include('source-warning');
  },
  'condition_asserter_not_practitioner.json': problem(),
  'condition_asserter_not_present.json': problem(),
  'condition_dates_present.json': problem(),
  'condition_no_problem.json': problem(),
  'condition_no_related_clinical_content.json': problem(),
  'condition_related_clinical_content_list_reference.json': problem(),
  'condition_related_clinical_content_non_existent_reference.json': problem(),
  'condition_related_clinical_content_suppressed_linkage_references.json': problem(),
  'condition_suppressed_related_medication_request.json': problem(),
  'condition_status_inactive.json': problem(),
  'condition_status_active.json': problem({ ...BURNING_FEET, status: 'active' }),
  'condition_major_significance.json': problem({ ...BURNING_FEET, significance: 'major' }),
  'condition_actual_problem_allergy_intolerance.json': testCondition,
  'condition_actual_problem_immunization.json': testCondition,
  'condition_actual_problem_medication_request.json': testCondition,
  'condition_dates_not_present.json': (s) => {
    // No onset and no abatement: dated by its asserted date, no onset invented.
    problem({ display: 'Burning feet', status: 'inactive', date: ASSERTED })(s);
    expect(s.problems?.entries[0]).not.to.have.property('onset');
    expect(s.problems?.entries[0]).not.to.have.property('abated');
  },
  'condition_no_problem_no_onsetdate.json': (s) => {
    problem({ display: 'Burning feet', abated: '2020-10-04T00:00:00+01:00', date: ASSERTED })(s);
    expect(s.problems?.entries[0]).not.to.have.property('onset');
  },
  'condition_related_clinical_content_allergy.json': (s) => {
    // No clinical status, category, onset or significance: still shown by its term.
    problem({ display: 'Burning feet', date: ASSERTED })(s);
    expect(s.problems?.entries[0]).not.to.have.property('onset');
    expect(s.problems?.entries[0]).not.to.have.property('significance');
  },
  'condition_missing_code.json': (s) => {
    // No code at all: nothing names it, counted.
    expect(s.problems?.entries).to.have.length(0);
    expect(s.problems?.diagnostics.unparseable).to.deep.equal({
      'Condition without a code or term': 1,
    });
  },
  'fhir-bundle.json': (s) => {
    // The linked resources of the other files; one problem header, coded 231504006, major, no
    // onset: dated by its asserted date.
    expect(s.problems?.entries).to.have.length(1);
    expect(s.problems?.entries[0]).to.deep.include({
      status: 'active',
      significance: 'major',
      date: '2020-06-01T00:00:00+01:00',
    });
    expect(s.problems?.entries[0]?.codes.map((c) => c.code)).to.deep.equal(['231504006']);
    expect(s.allergies?.entries[0]).to.include({ display: 'test', status: 'resolved' });
    expect(s.investigations?.entries[0]).to.include({
      display: 'Test Observation',
      date: '2010-01-14T09:42:00+00:00',
    });
    // Its Immunization has only a NullFlavor vaccine code and no vaccination procedure: nothing
    // names it, counted; its Encounter has no period: counted.
    expect(s.immunisations?.entries).to.have.length(0);
    expect(s.immunisations?.diagnostics.unparseable).to.deep.equal({
      'Immunization without a vaccine or vaccination': 1,
    });
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
};
