/**
 * A small, seeded generator of synthetic R4 patient bundles shaped as collection and transaction
 * bundles are in the wild: every reference between entries is a `urn:uuid:` fullUrl (Patient,
 * Medication, Practitioner, Organization, Encounter), transaction entries carry no ids, and some
 * medicines are contained in their request. It also says what each section must show, so a test
 * can check that nothing was lost. Synthetic data only: the NHS numbers are in the 999 test range.
 *
 * Codes are taken from the published examples in ../shared/fixtures (file named beside each).
 */
import { nhsNumberCheckDigit } from '../../src/nhs-number.js';

const SCT = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const COURSE = 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

type Concept = { system: string; code: string; display: string };
const sct = (code: string, display: string): Concept => ({ system: SCT, code, display });

// Allergy substances and reactions: UKCore-AllergyIntolerance-Amoxicillin-Example,
// GP Connect allergies_response1.
const ALLERGENS = [sct('372687004', 'Amoxicillin'), sct('256349002', 'Peanut - dietary')];
const REACTIONS = [
  sct('247472004', 'Urticarial rash'),
  sct('241933001', 'Peanut-induced anaphylaxis'),
];
// Medicines: UKCore-MedicationStatement-Amoxicillin-Example (dm+d), GP Connect meds_response and
// consultations_response1 (SNOMED CT).
const MEDICINES: Concept[] = [
  { system: DMD, code: '39732311000001104', display: 'Amoxicillin 250mg capsules' },
  sct('319773006', 'Aspirin 75mg dispersible tablets'),
  sct('319284000', 'Amlodipine 10mg tablets'),
  sct('321987003', 'Citalopram 20mg tablets'),
  sct('322236009', 'Paracetamol 500mg tablets'),
];
// Conditions: GP Connect consultations_response1, UKCore-Condition-BleedingFromEar-Example.
const CONDITIONS = [
  sct('54150009', 'Upper respiratory infection'),
  sct('231504006', 'Mixed anxiety and depressive disorder'),
  sct('234050002', 'Venous insufficiency of leg'),
  sct('26322001', 'Bleeding from ear'),
];
// Laboratory tests: GP Connect pathology_response1.
const TESTS = [
  sct('1022541000000102', 'Total white cell count'),
  sct('1022431000000105', 'Haemoglobin estimation'),
  sct('1022651000000100', 'Platelet count'),
];
// Procedures: UKCore-Procedure-ExaminationOfSkin-Example, GP Connect consultations_response1.
const PROCEDURES = [
  sct('128004', 'Hand microscope examination of skin'),
  sct('308931006', 'Walking practice'),
];
// Encounter type: UKCore-Encounter-InpatientEncounter-Example.
const SEEN_IN_WARD = sct('185212007', 'Seen in hospital ward');

/** mulberry32: a tiny deterministic PRNG, so a failure reproduces from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPatient {
  bundle: { resourceType: 'Bundle'; type: 'collection' | 'transaction'; entry: unknown[] };
  host: { nhsNumber: string; name: { family: string; given: string[] }; birthDate: string };
  /** How many entries each section must show, and their displays. */
  expected: {
    allergies: number;
    medications: string[];
    problems: number;
    diagnoses: number;
    investigations: number;
    bloodPressure: number;
    procedures: number;
    events: number;
  };
}

/** One synthetic patient as a `collection` or `transaction` bundle with urn:uuid references. */
export function generatePatient(
  seed: number,
  type: 'collection' | 'transaction',
): GeneratedPatient {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  let uuidCount = 0;
  const uuid = () =>
    `${seed.toString(16).padStart(8, '0')}-0000-4000-8000-${(++uuidCount).toString(16).padStart(12, '0')}`;
  const day = (daysAgo: number) =>
    new Date(Date.UTC(2026, 10, 26) - daysAgo * 86_400_000).toISOString().slice(0, 10);

  const entry: unknown[] = [];
  /** Adds a resource under a urn:uuid fullUrl; returns the reference to it. */
  const add = (resource: Record<string, unknown>) => {
    const id = uuid();
    entry.push({
      fullUrl: `urn:uuid:${id}`,
      // Transaction entries are created by the server: no id, a POST request.
      resource: type === 'transaction' ? resource : { ...resource, id },
      ...(type === 'transaction' && {
        request: { method: 'POST', url: String(resource.resourceType) },
      }),
    });
    return { reference: `urn:uuid:${id}` };
  };

  const firstNine = `999${String(between(0, 999_999)).padStart(6, '0')}`;
  const check = nhsNumberCheckDigit(firstNine);
  const nhsNumber = check === undefined ? '9990000018' : `${firstNine}${check}`;
  const family = pick(['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'PATEL']);
  const given = pick(['Alex', 'Sam', 'Jo', 'Chris', 'Robin']);
  const birthDate = day(between(20 * 365, 80 * 365));
  const practice = add({
    resourceType: 'Organization',
    identifier: [{ system: ODS, value: `Y${between(10000, 99999)}` }],
    name: 'Synthetic Practice',
  });
  const patient = add({
    resourceType: 'Patient',
    identifier: [{ system: NHS, value: nhsNumber }],
    name: [{ use: 'official', family, given: [given] }],
    birthDate,
    generalPractitioner: [practice],
  });
  const doctor = add({
    resourceType: 'Practitioner',
    name: [{ family: 'CLINICIAN', given: ['Synthetic'], prefix: ['Dr'] }],
  });

  const encounters: { reference: string }[] = [];
  const eventCount = between(1, 4);
  for (let i = 0; i < eventCount; i++) {
    const classOnly = i % 2 === 1;
    encounters.push(
      add({
        resourceType: 'Encounter',
        status: 'finished',
        class: {
          system: ACT_CODE,
          code: classOnly ? 'AMB' : 'IMP',
          display: classOnly ? 'ambulatory' : 'inpatient encounter',
        },
        ...(!classOnly && { type: [{ coding: [SEEN_IN_WARD] }] }),
        subject: patient,
        participant: [{ individual: doctor }],
        serviceProvider: practice,
        period: { start: day(between(1, 900)) },
      }),
    );
  }
  const inEncounter = () => ({ encounter: pick(encounters) });

  const allergyCount = between(1, 5);
  for (let i = 0; i < allergyCount; i++) {
    add({
      resourceType: 'AllergyIntolerance',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [ALLERGENS[i % ALLERGENS.length]] },
      patient,
      recorder: doctor,
      recordedDate: day(between(30, 3000)),
      reaction: [{ manifestation: [{ coding: [pick(REACTIONS)] }], severity: 'moderate' }],
      ...inEncounter(),
    });
  }

  const medications: string[] = [];
  const medicationCount = between(1, 5);
  for (let i = 0; i < medicationCount; i++) {
    const medicine = MEDICINES[i % MEDICINES.length]!;
    medications.push(medicine.display);
    const repeat = next() < 0.5;
    const shape = i % 3; // 0: urn:uuid Medication, 1: contained Medication, 2: MedicationStatement
    const common = {
      status: 'active',
      subject: patient,
      ...inEncounter(),
    };
    if (shape === 2) {
      const medication = add({ resourceType: 'Medication', code: { coding: [medicine] } });
      add({
        resourceType: 'MedicationStatement',
        ...common,
        medicationReference: medication,
        effectivePeriod: { start: day(between(1, 400)) },
      });
      continue;
    }
    const medicationReference =
      shape === 0
        ? add({ resourceType: 'Medication', code: { coding: [medicine] } })
        : { reference: '#med' };
    add({
      resourceType: 'MedicationRequest',
      ...common,
      intent: 'order',
      ...(shape === 1 && {
        contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [medicine] } }],
      }),
      medicationReference,
      courseOfTherapyType: {
        coding: [{ system: COURSE, code: repeat ? 'continuous' : 'acute' }],
      },
      authoredOn: day(between(1, 20)),
      requester: doctor,
    });
  }

  let problems = 0;
  let diagnoses = 0;
  const conditionCount = between(1, 5);
  for (let i = 0; i < conditionCount; i++) {
    const kind = i % 3; // 0: problem-list-item, 1: no category, 2: encounter-diagnosis
    if (kind === 2) diagnoses++;
    else problems++;
    add({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'active' }] },
      ...(kind !== 1 && {
        category: [
          {
            coding: [
              {
                system: CONDITION_CATEGORY,
                code: kind === 0 ? 'problem-list-item' : 'encounter-diagnosis',
              },
            ],
          },
        ],
      }),
      code: { coding: [pick(CONDITIONS)] },
      subject: patient,
      recorder: doctor,
      onsetDateTime: day(between(10, 5000)),
      ...inEncounter(),
    });
  }

  const laboratory = { coding: [{ system: OBSERVATION_CATEGORY, code: 'laboratory' }] };
  const resultCount = between(1, 6);
  for (let i = 0; i < resultCount; i++) {
    add({
      resourceType: 'Observation',
      status: 'final',
      category: [laboratory],
      code: { coding: [pick(TESTS)] },
      subject: patient,
      performer: [practice],
      effectiveDateTime: day(between(1, 700)),
      valueQuantity: { value: between(1, 300) / 10, unit: '10*9/L' },
    });
  }
  // One blood pressure panel (codes as UKCore-Observation-VitalSigns-BloodPressure-Example).
  add({
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs' }] }],
    code: { coding: [sct('75367002', 'Blood pressure')] },
    subject: patient,
    effectiveDateTime: day(between(1, 300)),
    component: [
      {
        code: { coding: [sct('72313002', 'Systolic arterial pressure')] },
        valueQuantity: { value: between(100, 160), unit: 'mmHg', code: 'mm[Hg]' },
      },
      {
        code: { coding: [sct('1091811000000102', 'Diastolic arterial pressure')] },
        valueQuantity: { value: between(60, 95), unit: 'mmHg', code: 'mm[Hg]' },
      },
    ],
    ...inEncounter(),
  });

  const procedureCount = between(1, 3);
  for (let i = 0; i < procedureCount; i++) {
    add({
      resourceType: 'Procedure',
      status: 'completed',
      code: { coding: [pick(PROCEDURES)] },
      subject: patient,
      performedDateTime: day(between(1, 2000)),
      ...inEncounter(),
    });
  }

  return {
    bundle: { resourceType: 'Bundle', type, entry },
    host: { nhsNumber, name: { family, given: [given] }, birthDate },
    expected: {
      allergies: allergyCount,
      medications,
      problems,
      diagnoses,
      investigations: resultCount,
      bloodPressure: 1,
      procedures: procedureCount,
      events: eventCount,
    },
  };
}
