// Conformance of the R4 path over the 142 published UK Core examples (read in place from
// ../shared/fixtures, never copied). Every file goes through every normaliser without throwing;
// the files that carry a section's data meet expectations written from reading them.
import { fixtureIndex, loadFixture } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { SectionValues } from '../../src/model/sections.js';
import { normaliseOptions } from '../../src/normalise/options.js';
import {
  R4_NORMALISERS,
  R4_SECTION_TYPES,
  demographicsFromR4,
  type R4Context,
} from '../../src/normalise/r4/index.js';
import { notShownSummary } from '../../src/normalise/shared/not-shown.js';
import { record } from '../../src/normalise/shared/read.js';
import { bundleEntries, referenceIndex } from '../../src/normalise/shared/references.js';

const FOLDER = 'uk-core-r4-examples';
const RICHARD = 'UKCore-Patient-RichardSmith-Example';
let richard: unknown;

type Sections = { [K in keyof typeof R4_NORMALISERS]: SectionValues[K] };

/**
 * Every section of one file, as a server holding that file and the patient Richard Smith would
 * give them: each section reads its own resource types, and references resolve through the
 * file's entries (with their fullUrls) and the patient.
 */
function normaliseAll(json: unknown): Sections {
  const entries = [...bundleEntries(resourceList(json)), { resource: richard }];
  const context: R4Context = {
    patientId: RICHARD,
    nhsNumber: '9912003888',
    references: referenceIndex(entries),
    options: normaliseOptions({ today: '2024-01-01' }),
  };
  const resources = entries.map((e) => e.resource);
  const result: Partial<Record<string, unknown>> = {};
  for (const [section, normalise] of Object.entries(R4_NORMALISERS)) {
    const types = R4_SECTION_TYPES[section as keyof typeof R4_SECTION_TYPES];
    const own = resources.filter((r) => types.includes(String(record(r)?.resourceType)));
    result[section] = (normalise as (r: unknown[], c: R4Context) => unknown)(own, context);
  }
  return result as Sections;
}

/** A Bundle as it is (its entries keep their fullUrls), any other resource as a one-item list. */
function resourceList(json: unknown): unknown {
  return record(json)?.resourceType === 'Bundle' ? json : [json];
}

/** The section's resource types present in a file. */
function sectionTypesIn(json: unknown): string[] {
  const all = new Set(Object.values(R4_SECTION_TYPES).flat());
  return bundleEntries(resourceList(json))
    .map((e) => String(record(e.resource)?.resourceType))
    .filter((type) => all.has(type));
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
    expect(s.allergies.entries[0]!.date).to.equal('2019-12-10T13:00:00+00:00');
    expect(s.allergies.diagnostics.patientCheck).to.deep.equal({ checked: 1, failed: 0 });
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
      start: '2019-12-10T13:00:00+00:00',
      end: '2019-12-11T13:00:00+00:00',
    });
  },
  'UKCore-Flag-FoodAllergy-Example.json': (s) => {
    expect(s.risksWarnings.entries).to.have.length(1);
    expect(s.risksWarnings.entries[0]).to.include({
      display: 'Peanut-free diet',
      status: 'active',
      start: '2019-12-10T13:00:00+00:00',
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
      // Active, with no course of therapy: current as the source says.
      current: true,
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
      performed: '2019-12-10T13:00:00+00:00',
    });
  },
  'UKCore-Bundle-BatchPOST-Example.json': (s, json) => {
    // Five readings POSTed without ids under urn:uuid fullUrls: each takes its uuid as id.
    // In the order the file lists them (the model sorts readings by date, newest first).
    const fullUrls = (json as { entry: { fullUrl: string }[] }).entry.map((e) => e.fullUrl);
    const readings = [...s.bloodPressure.entries].sort((a, b) => a.date!.localeCompare(b.date!));
    expect(readings.map((r) => `urn:uuid:${r.id}`)).to.deep.equal(fullUrls);
    expect(readings.map((r) => [r.systolic, r.diastolic])).to.deep.equal([
      [120, 95],
      [121, 95],
      [125, 90],
      [122, 92],
      [118, 94],
    ]);
    expect(readings.map((r) => r.date)).to.deep.equal(
      [20, 21, 22, 23, 24].map((m) => `2024-03-25T12:${m}:00+00:00`),
    );
    expect(s.bloodPressure.diagnostics.patientCheck).to.deep.equal({ checked: 5, failed: 0 });
  },
  'UKCore-Bundle-NEWS2Observations-Example.json': (s) => {
    // Every observation is about Patient/ad2c58ab-..., not the patient viewed: none is shown,
    // each is counted, and the patient-check numbers say so (seven results, one blood pressure).
    expect(s.investigations.entries).to.have.length(0);
    expect(s.bloodPressure.entries).to.have.length(0);
    expect(s.investigations.diagnostics.patientCheck).to.deep.equal({ checked: 7, failed: 7 });
    expect(s.bloodPressure.diagnostics.patientCheck).to.deep.equal({ checked: 1, failed: 1 });
    expect(notShownSummary(s.investigations).reasons[0]).to.include({
      reason: 'another-patient',
      count: 7,
    });
  },
  'UKCore-Observation-FingerJointInflamed-Example.json': (s) => {
    // No subject at all: never assumed to be this patient.
    expect(s.investigations.entries).to.have.length(0);
    expect(s.investigations.diagnostics.patientCheck).to.deep.equal({ checked: 1, failed: 1 });
  },
  'UKCore-Observation-Lab-RedCellCount-Example.json': (s) => {
    expect(s.investigations.entries).to.have.length(1);
    expect(s.investigations.entries[0]).to.include({ value: 3.9, unit: '10*12/L' });
  },
  'UKCore-Observation-24HourBloodPressure-Example.json': (s) => {
    // Shown as a reading or a result, or counted: never lost (how it pairs is the BP rule's job).
    const seen = [s.bloodPressure, s.investigations].map(
      (section) => section.entries.length + notShownSummary(section).count,
    );
    expect(seen[0]! + seen[1]!).to.equal(1);
  },
  'UKCore-Medication-COVID-Vaccine-Example.json': (s) => expectNothing(s),
  'UKCore-Medication-Sn-Amoxicillin-Example.json': (s) => expectNothing(s),
  'UKCore-Medication-Sn-TransferDegradedMedEntry-Example.json': (s) => expectNothing(s),
  'UKCore-Medication-TimololVTM-Example.json': (s) => expectNothing(s),
  'UKCore-Medication-TimoptolEyeDrops-Example.json': (s) => expectNothing(s),
  'UKCore-MedicationRequest-Amoxicillin-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-CiprofloxacinIV-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-CiprofloxacinOral-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-Clarithromycin-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-Doxycycline-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-ParacetamolIV-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-MedicationRequest-ParacetamolOral-Example.json': (s) => accounted(s.medications, 1),
  'UKCore-ServiceRequest-CTChestScan-Example.json': (s) => accounted(s.events, 1),
  'UKCore-ServiceRequest-ColonoscopyRequest-Example.json': (s) => accounted(s.events, 1),
  'UKCore-ServiceRequest-ECG-Example.json': (s) => accounted(s.events, 1),
  'UKCore-ServiceRequest-HipReplacement-Example.json': (s) => accounted(s.events, 1),
  'UKCore-ServiceRequest-Lab-CReactiveProtein-Example.json': (s) => {
    expect(s.events.entries).to.have.length(0);
    expect(s.events.diagnostics.dropped['service request that is not a referral']).to.equal(1);
  },
};

/**
 * Every resource of a section's types in the file is shown, counted as not shown, or dropped as
 * entered in error: nothing silently lost (docs/architecture.md#rules). Medication requests may merge (an issue
 * joins its authorisation), so there only "at least one accounted" holds.
 */
function expectNothingLost(types: string[], s: Sections) {
  const count = (...names: string[]) => types.filter((t) => names.includes(t)).length;
  const seen = (...sections: Sections[keyof Sections][]) =>
    sections.reduce(
      (sum, section) =>
        sum +
        section.entries.length +
        notShownSummary(section).count +
        (section.diagnostics.dropped['entered in error'] ?? 0),
      0,
    );
  expect(seen(s.allergies) + s.allergies.statements.length, 'allergies').to.equal(
    count('AllergyIntolerance'),
  );
  expect(seen(s.problems, s.diagnoses), 'conditions').to.equal(count('Condition'));
  expect(seen(s.investigations, s.bloodPressure), 'observations').to.equal(count('Observation'));
  expect(seen(s.procedures), 'procedures').to.equal(count('Procedure'));
  const flags = {
    ...s.risksWarnings,
    entries: s.risksWarnings.entries.filter((w) => w.origin === 'flag'),
  };
  expect(seen(flags), 'flags').to.equal(count('Flag'));
  expect(seen(s.events), 'events').to.equal(count('Encounter', 'ServiceRequest'));
  const requests = count('MedicationRequest', 'MedicationStatement');
  expect(seen(s.medications), 'medications').to.be.within(Math.min(requests, 1), requests);
}

/** Nothing shown and nothing to report in any section. */
function expectNothing(s: Sections) {
  for (const [name, section] of Object.entries(s)) {
    expect(section.entries, name).to.have.length(0);
    expect(notShownSummary(section).count, name).to.equal(0);
    expect(section.diagnostics.patientCheck, name).to.equal(undefined);
  }
}

/**
 * `n` entries of this patient each either shown or counted with a reason (how the medicine or
 * request is mapped belongs to other rules): none is lost, and every one passed the patient check.
 */
function accounted(section: Sections[keyof Sections], n: number) {
  expect(section.entries.length + notShownSummary(section).count).to.equal(n);
  expect(section.diagnostics.patientCheck).to.deep.equal({ checked: n, failed: 0 });
}

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
    richard = await loadFixture(FOLDER, `${RICHARD}.json`);
  });

  it('has all 142 published examples', () => {
    expect(files).to.have.length(142);
    for (const name of Object.keys(EXPECTATIONS)) expect(files, name).to.include(name);
  });

  it('normalises every example through every section without throwing, and meets its expectations', async () => {
    for (const file of files) {
      const json = await loadFixture(FOLDER, file);
      const sections = normaliseAll(json);
      try {
        EXPECTATIONS[file]?.(sections, json);
        // A file without any section's resources (Appointment, Patient, Questionnaire, ...)
        // adds nothing to the record and has nothing to report.
        if (sectionTypesIn(json).length === 0) expectNothing(sections);
        expectNothingLost(sectionTypesIn(json), sections);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
  });

  it('resolves a medicine held in another example, as a server holding every example would', async () => {
    const all = await Promise.all(files.map((file) => loadFixture(FOLDER, file)));
    const references = referenceIndex(all.flatMap((json) => bundleEntries(resourceList(json))));
    const eyeDrops = all.find(
      (json) => record(json)?.id === 'UKCore-MedicationRequest-EyeDrops-Example',
    );
    const meds = R4_NORMALISERS.medications([eyeDrops], {
      patientId: RICHARD,
      references,
      options: normaliseOptions({ today: '2024-01-01' }),
    });
    expect(meds.entries.map((m) => m.name)).to.deep.equal([
      'Timoptol 0.5% eye drops (DE Pharmaceuticals)',
    ]);
    expect(meds.entries[0]).to.include({ status: 'completed', current: false });
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
