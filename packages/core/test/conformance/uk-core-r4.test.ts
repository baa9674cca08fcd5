// Conformance of the R4 path over the 142 published UK Core examples (read in place from
// ../shared/fixtures, never copied). Every file goes through every normaliser without throwing;
// the files that carry a section's data meet expectations written from reading them.
import { fixtureIndex, loadFixture } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { SectionValues } from '../../src/model/sections.js';
import { normaliseOptions } from '../../src/normalise/options.js';
import {
  R4_NORMALISERS,
  demographicsFromR4,
  type R4Context,
} from '../../src/normalise/r4/index.js';

const FOLDER = 'uk-core-r4-examples';
const context: R4Context = {
  patientId: 'UKCore-Patient-RichardSmith-Example',
  options: normaliseOptions({ today: '2024-01-01' }),
};

type Sections = { [K in keyof typeof R4_NORMALISERS]: SectionValues[K] };

/** The resources a file holds: itself, or its Bundle entries. */
function resourcesOf(json: unknown): unknown[] {
  const r = json as { resourceType?: string; entry?: { resource?: unknown }[] };
  return r.resourceType === 'Bundle' ? (r.entry ?? []).map((e) => e.resource) : [json];
}

function normaliseAll(resources: unknown[]): Sections {
  const result: Partial<Record<string, unknown>> = {};
  for (const [section, normalise] of Object.entries(R4_NORMALISERS)) {
    result[section] = (normalise as (r: unknown[], c: R4Context) => unknown)(resources, context);
  }
  return result as Sections;
}

/** Expectations per file, written from reading each example. */
const EXPECTATIONS: Record<string, (s: Sections, json: unknown) => void> = {
  'UKCore-AllergyIntolerance-Amoxicillin-Example.json': (s) => {
    expect(s.allergies.state).to.equal('recorded');
    expect(s.allergies.entries).to.have.length(1);
    expect(s.allergies.entries[0]!.codes[0]).to.include({
      code: '372687004',
      display: 'Amoxicillin',
    });
    expect(s.allergies.entries[0]!.reactions[0]!.manifestations.map((m) => m.code)).to.include(
      '247472004',
    );
  },
  'UKCore-AllergyIntolerance-EnteredInError-Example.json': (s) => {
    expect(s.allergies.entries).to.have.length(0);
    expect(s.allergies.diagnostics.dropped['entered in error']).to.equal(1);
    expect(s.allergies.state).to.equal('not-recorded');
  },
  'UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example.json': (s) => {
    // No known DRUG allergy: a statement, not an allergen, and not "no known allergies".
    expect(s.allergies.entries).to.have.length(0);
    expect(s.allergies.statements).to.have.length(1);
    expect(s.allergies.statements[0]!.scope).to.equal('drug');
    expect(s.allergies.state).to.equal('not-recorded');
  },
  // Degraded allergies are shown by the original term in `code.text` (`<code> | <term>` gives
  // the original code too), never by the degrade code's display.
  'UKCore-AllergyIntolerance-Sn-DrugAllergy-Example.json': (s) =>
    expectTransferDegraded(s, '196461000000101', 'Septrin', '9339101000001105'),
  'UKCore-AllergyIntolerance-Sn-DrugAllergyToEggProtein-Example.json': (s) =>
    expectTransferDegraded(s, '196461000000101', 'Allergy to egg protein', '213020009'),
  'UKCore-AllergyIntolerance-Sn-TransferDegradedDrugAllergy-Example.json': (s) =>
    expectTransferDegraded(s, '196461000000101', 'Amoxicillin 250mg capsules'),
  'UKCore-AllergyIntolerance-Sn-NonDrugAllergy-Example.json': (s) =>
    expectTransferDegraded(s, '196471000000108', 'Latex'),
  'UKCore-Bundle-AllergyList-Example.json': (s) => {
    expect(s.allergies.entries).to.have.length(1);
    expect(s.allergies.state).to.equal('recorded');
  },
  'UKCore-Bundle-Sn-NoAllergyData-Example.json': (s) => {
    expect(s.allergies.entries).to.have.length(0);
    expect(s.allergies.state).to.equal('not-recorded');
  },
  'UKCore-Condition-BleedingFromEar-Example.json': (s) => expectDiagnosis(s, '26322001'),
  'UKCore-Condition-HipReplacement-Example.json': (s) => expectDiagnosis(s, '281445000'),
  'UKCore-Encounter-InpatientEncounter-Example.json': (s) => {
    expect(s.events.entries).to.have.length(1);
    expect(s.events.entries[0]).to.include({
      kind: 'admission',
      status: 'finished',
      display: 'Seen in hospital ward',
    });
  },
  'UKCore-Flag-FoodAllergy-Example.json': (s) => {
    expect(s.risksWarnings.entries).to.have.length(1);
    expect(s.risksWarnings.entries[0]).to.include({
      display: 'Peanut-free diet',
      status: 'active',
    });
  },
  'UKCore-MedicationStatement-Amoxicillin-Example.json': (s) => {
    expect(s.medications.entries).to.have.length(1);
    const amoxicillin = s.medications.entries[0]!;
    expect(amoxicillin.codes[0]).to.include({
      system: 'https://dmd.nhs.uk',
      code: '39732311000001104',
    });
    expect(amoxicillin).to.include({
      name: 'Amoxicillin 250mg capsules',
      status: 'active',
      highRisk: false,
    });
  },
  'UKCore-MedicationRequest-EyeDrops-Example.json': (s) => {
    // Its medicine is a Medication resource the file does not contain: counted, not guessed.
    expect(s.medications.entries).to.have.length(0);
    expect(
      Object.values(s.medications.diagnostics.unparseable).reduce((a, b) => a + b, 0),
    ).to.equal(1);
  },
  'UKCore-Observation-VitalSigns-BloodPressure-Example.json': (s, json) => {
    const components = (json as { component: { valueQuantity: { value: number } }[] }).component;
    expect(s.bloodPressure.entries).to.have.length(1);
    expect(s.bloodPressure.entries[0]).to.include({
      systolic: components[0]!.valueQuantity.value,
      diastolic: components[1]!.valueQuantity.value,
      unit: 'mmHg',
    });
    expect(s.investigations.entries).to.have.length(0);
  },
  'UKCore-Observation-Lab-WhiteCellCount-Example.json': (s) => {
    expect(s.investigations.entries).to.have.length(1);
    expect(s.investigations.entries[0]).to.include({
      value: 11.2,
      unit: '10*9/L',
      status: 'final',
    });
    expect(s.investigations.series).to.have.length(1);
  },
  'UKCore-Observation-Lab-Albumin-Example.json': (s) => {
    // Its subject is a bundle-internal urn:uuid, not this patient: dropped and counted.
    expect(s.investigations.entries).to.have.length(0);
    expect(s.investigations.diagnostics.dropped['another or no patient']).to.equal(1);
  },
  // A vital sign outside a test report is an observation now, never dropped for its category.
  'UKCore-Observation-VitalSigns-HeartRate-Example.json': (s) => {
    expect(s.investigations.entries).to.have.length(1);
    expect(s.investigations.entries[0]).to.include({
      display: 'Resting heart rate',
      value: 104,
      unit: 'per minute',
      kind: 'observation',
      date: '2023-08-10',
    });
    expect(s.bloodPressure.entries).to.have.length(0);
  },
  'UKCore-Procedure-ExaminationOfSkin-Example.json': (s) => {
    expect(s.procedures.entries).to.have.length(1);
    expect(s.procedures.entries[0]).to.include({
      display: 'Hand microscope examination of skin',
      status: 'completed',
    });
  },
  'UKCore-ServiceRequest-Lab-CReactiveProtein-Example.json': (s) => {
    expect(s.events.entries).to.have.length(0);
    expect(s.events.diagnostics.dropped['service request that is not a referral']).to.equal(1);
  },
};

function expectTransferDegraded(s: Sections, code: string, term: string, original?: string) {
  expect(s.allergies.state).to.equal('recorded');
  expect(s.allergies.entries).to.have.length(1);
  const allergy = s.allergies.entries[0]!;
  expect(allergy.codes.map((c) => c.code)).to.include(code);
  expect(allergy.display).to.equal(term);
  expect(allergy.degraded).to.equal(true);
  expect(allergy.originalCode).to.equal(original);
}

function expectDiagnosis(s: Sections, code: string) {
  expect(s.problems.entries).to.have.length(0);
  expect(s.diagnoses.entries).to.have.length(1);
  expect(s.diagnoses.entries[0]!.codes[0]!.code).to.equal(code);
}

describe('UK Core R4 examples through the R4 path', function () {
  let files: string[] = [];

  before(async function () {
    const index = await fixtureIndex();
    if (!index) this.skip();
    files = index?.[FOLDER] ?? [];
  });

  it('has all 142 published examples', () => {
    expect(files).to.have.length(142);
    for (const name of Object.keys(EXPECTATIONS)) expect(files, name).to.include(name);
  });

  it('normalises every example through every section without throwing', async () => {
    for (const file of files) {
      const json = await loadFixture(FOLDER, file);
      const sections = normaliseAll(resourcesOf(json));
      try {
        EXPECTATIONS[file]?.(sections, json);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
  });

  it('reads the NHS number and birth date of the published patients', async () => {
    const richard = demographicsFromR4(
      await loadFixture(FOLDER, 'UKCore-Patient-RichardSmith-Example.json'),
    );
    expect(richard).to.include({
      nhsNumber: '9912003888',
      birthDate: '1970-09-11',
      family: 'SMITH',
    });
    const baby = demographicsFromR4(
      await loadFixture(FOLDER, 'UKCore-Patient-BabyPatient-Example.json'),
    );
    expect(baby).to.include({ nhsNumber: '9912003890', birthDate: '2021-02-11' });
    // No NHS number: cannot be tied to the host's patient.
    expect(
      demographicsFromR4(await loadFixture(FOLDER, 'UKCore-Patient-Sn-Photo-Example.json')),
    ).to.equal(undefined);
  });
});
