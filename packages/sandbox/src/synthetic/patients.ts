/**
 * The synthetic patients' records, generated deterministically (fixed anchor date, seeded
 * randomness): the same build always serves the same record. Each story is written from what the
 * patient is for (see roster.ts); every code comes from codes.ts, where each is verified.
 */
import * as code from '../codes.js';
import {
  allergy,
  bloodPressure,
  condition,
  generalPractitioner,
  labResult,
  medicationCourse,
  patientResource,
  practice,
  type MedicationCourse,
} from './builders.js';
import { sharingConsent } from './builders-events.js';
import { SYNTHETIC_TODAY, daysBefore } from './dates.js';
import { typicalMedicationRealism } from './medication-realism.js';
import {
  consentNotSetPatient,
  nothingRecordedPatient,
  otherOrganisations,
  privateAndSensitivePatient,
} from './special-patients.js';
import { typicalAdditionalSections } from './typical-sections.js';
import { typicalListSections } from './typical-lists.js';
import { hugeTimelinePatient, largeRecordPatient } from './volume-patients.js';
import { SeededRandom } from './random.js';
import { SANDBOX_PATIENTS, type RosterPatient } from './roster.js';
import { transferredPatient } from './transferred-patient.js';
import { palliativePatient, safeguardingPatient } from './warning-patients.js';
import { lithiumPatient } from './results-patient.js';

export { SANDBOX_PATIENTS, SYNTHETIC_TODAY };

/** Issue dates every `interval` days, newest `lastDaysAgo` before today, `count` of them, oldest first. */
function issueDates(
  count: number,
  interval: number,
  lastDaysAgo: number,
  random: SeededRandom,
): string[] {
  return Array.from({ length: count }, (_, i) =>
    daysBefore(lastDaysAgo + (count - 1 - i) * interval + random.int(0, 3)),
  );
}

function typicalPatient(random: SeededRandom): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.typical;
  const courses: MedicationCourse[] = [
    {
      id: 'typical-warfarin-3mg',
      medicine: code.warfarin3mgTablets,
      dose: 'Take as directed by the anticoagulant clinic (see yellow book)',
      quantity: { value: 56, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2015-03-20',
      issues: issueDates(13, 28, 9, random),
    },
    {
      id: 'typical-warfarin-1mg',
      medicine: code.warfarin1mgTablets,
      dose: 'Take as directed by the anticoagulant clinic (see yellow book)',
      quantity: { value: 28, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2015-03-20',
      issues: issueDates(13, 28, 9, random),
    },
    {
      id: 'typical-furosemide',
      medicine: code.furosemide40mgTablets,
      dose: 'One tablet each morning',
      quantity: { value: 56, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2021-09-02',
      issues: issueDates(7, 56, 20, random),
    },
    {
      id: 'typical-omeprazole',
      medicine: code.omeprazole20mgGastroResistantCapsules,
      dose: 'One capsule once a day',
      quantity: { value: 56, unit: 'capsule' },
      kind: 'repeat',
      authorised: '2018-01-15',
      issues: issueDates(7, 56, 34, random),
    },
    {
      id: 'typical-paracetamol',
      medicine: code.paracetamol500mgTablets,
      dose: 'Two tablets up to four times a day when required',
      quantity: { value: 100, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2016-06-01',
      issues: issueDates(4, 90, 45, random),
    },
    {
      id: 'typical-clarithromycin',
      medicine: code.clarithromycin500mgTablets,
      dose: 'One tablet twice a day for 5 days',
      quantity: { value: 10, unit: 'tablet' },
      kind: 'acute',
      authorised: daysBefore(340),
      issues: [daysBefore(340)],
    },
    {
      id: 'typical-apixaban',
      medicine: code.apixaban5mgTablets,
      dose: 'One tablet twice a day',
      quantity: { value: 56, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2014-05-10',
      issues: issueDates(10, 28, 4270, random), // the last about a week before it was stopped
      stopped: { date: '2015-03-20', reason: code.drugTherapyDiscontinued },
    },
    {
      id: 'typical-doxycycline',
      medicine: code.doxycycline100mgCapsules,
      dose: 'Two capsules on the first day, then one capsule a day',
      quantity: { value: 8, unit: 'capsule' },
      kind: 'acute',
      authorised: daysBefore(11),
      issues: [daysBefore(11)],
    },
  ];
  // INR every two to three weeks over the last year, mostly in the 2.0-3.0 target range.
  const inr = Array.from({ length: 20 }, (_, i) =>
    labResult(p, `typical-inr-${i + 1}`, {
      codes: [code.inrSnomed, code.inrLoinc],
      date: daysBefore(7 + (19 - i) * 18),
      value: Math.round((1.7 + random.next() * 1.9) * 10) / 10,
      unit: 'ratio',
      ucum: '{ratio}',
      low: 2.0,
      high: 3.0,
    }),
  );
  const bp = Array.from({ length: 12 }, (_, i) =>
    bloodPressure(p, `typical-bp-${i + 1}`, {
      panel: [code.bloodPressureSnomed, code.bloodPressurePanelLoinc],
      systolicCodes: [code.systolicBpSnomed, code.systolicBpLoinc],
      diastolicCodes: [code.diastolicBpSnomed, code.diastolicBpLoinc],
      date: daysBefore(14 + (11 - i) * 60),
      systolic: random.int(128, 162),
      diastolic: random.int(70, 94),
    }),
  );
  return [
    patientResource(p),
    sharingConsent(p, '2012-02-27'),
    allergy(p, 'typical-allergy-penicillin', {
      code: code.penicillinSubstance,
      recorded: '1998-04-17',
      reaction: code.urticaria,
      severity: 'moderate',
      criticality: 'high',
      category: 'medication',
    }),
    condition(p, 'typical-af', {
      code: code.atrialFibrillation,
      onset: '2014-05-02',
      kind: 'problem',
      status: 'active',
      significance: 'major',
    }),
    condition(p, 'typical-hypertension', {
      code: code.essentialHypertension,
      onset: '2009-10-12',
      kind: 'problem',
      status: 'active',
      significance: 'major',
    }),
    condition(p, 'typical-diabetes', {
      code: code.type2DiabetesMellitus,
      onset: '2012-02-27',
      kind: 'problem',
      status: 'active',
      significance: 'major',
    }),
    condition(p, 'typical-ckd3', {
      code: code.chronicKidneyDiseaseStage3,
      onset: '2019-08-05',
      kind: 'problem',
      status: 'active',
      significance: 'major',
    }),
    condition(p, 'typical-heart-failure', {
      code: code.heartFailure,
      onset: '2021-09-01',
      kind: 'problem',
      status: 'active',
      significance: 'major',
      related: ['typical-af'],
    }),
    condition(p, 'typical-oa-knee', {
      code: code.osteoarthritisOfKnee,
      onset: '2016-03-14',
      kind: 'problem',
      status: 'inactive',
      abated: '2017-02-01',
      significance: 'major',
    }),
    condition(p, 'typical-pneumonia', {
      code: code.communityAcquiredPneumonia,
      onset: daysBefore(341),
      kind: 'diagnosis',
      status: 'resolved',
      abated: daysBefore(320),
    }),
    condition(p, 'typical-uti', {
      code: code.urinaryTractInfection,
      onset: daysBefore(150),
      kind: 'diagnosis',
      status: 'resolved',
      abated: daysBefore(140),
    }),
    ...courses.flatMap((course) => medicationCourse(p, course)),
    ...inr,
    ...bp,
  ];
}

function noKnownAllergiesPatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.noKnownAllergies;
  return [
    patientResource(p),
    allergy(p, 'nka-statement', { code: code.noKnownAllergy, recorded: '2019-02-11' }),
    condition(p, 'nka-asthma', {
      code: code.asthma,
      onset: '2001-06-20',
      kind: 'problem',
      status: 'active',
    }),
  ];
}

function optedOutPatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.optedOut;
  // She has a record; her dissent means none of it may leave the practice.
  return [
    patientResource(p),
    sharingConsent(p, '2018-05-25'),
    allergy(p, 'opted-out-peanut', {
      code: code.peanutDietary,
      recorded: '2005-03-03',
      reaction: code.urticaria,
      severity: 'severe',
      criticality: 'high',
      category: 'food',
    }),
    condition(p, 'opted-out-hypertension', {
      code: code.essentialHypertension,
      onset: '2016-01-19',
      kind: 'problem',
      status: 'active',
    }),
  ];
}

/** Every resource the sandbox loads at start, the same on every run. */
export function generateSyntheticRecords(seed = 20261120): fhir4.Resource[] {
  const random = new SeededRandom(seed);
  return [
    practice(),
    generalPractitioner(),
    ...otherOrganisations(),
    ...typicalPatient(random),
    // After typicalPatient, so the values drawn for the older resources stay the same.
    ...typicalAdditionalSections(random),
    ...typicalMedicationRealism(SANDBOX_PATIENTS.typical),
    ...typicalListSections(),
    ...noKnownAllergiesPatient(),
    ...optedOutPatient(),
    ...consentNotSetPatient(),
    ...nothingRecordedPatient(),
    ...privateAndSensitivePatient(),
    ...largeRecordPatient(seed),
    ...hugeTimelinePatient(seed),
    ...transferredPatient(),
    ...palliativePatient(),
    ...safeguardingPatient(),
    ...lithiumPatient(),
  ];
}
