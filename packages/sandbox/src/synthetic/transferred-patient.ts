/**
 * A patient whose record came to the practice by GP2GP, with the shapes real transferred records
 * have (issue 9): allergies under a transfer-degraded code with the original term as text (one
 * resolved, written as GP2GP writes it), an allergy known only by its name, an INR sent as text
 * ("Ap 2.400") and an eGFR bound (">90"), blood pressure recorded as separate systolic and
 * diastolic observations (and one systolic alone), uncategorised observations (weight and a
 * creatinine outside any report), immunisations, a confidential referral (so the GP Connect
 * referrals List carries the confidential-items warning), a repeat sent under the transfer-degraded
 * medication code with its name as text, and a recent antibiotic known only by its name.
 * Synthetic; every code is from codes.ts.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { concept, medicationCourse, patientResource } from './builders.js';
import { referral, sharingConsent } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SANDBOX_PATIENTS, type RosterPatient } from './roster.js';

const p: RosterPatient = SANDBOX_PATIENTS.transferred;
const subject: fhir4.Reference = { reference: `Patient/${p.id}` };
const profile = (name: string): fhir4.Meta => ({
  profile: [`https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`],
});
const status = (system: string, value: string): fhir4.CodeableConcept => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code: value }],
});

function allergy(
  id: string,
  substance: fhir4.CodeableConcept,
  clinical: 'active' | 'resolved',
  recorded: string,
): fhir4.AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: profile('AllergyIntolerance'),
    clinicalStatus: status('allergyintolerance-clinical', clinical),
    verificationStatus: status('allergyintolerance-verification', 'confirmed'),
    category: ['medication'],
    code: substance,
    patient: subject,
    recordedDate: recorded,
  };
}

function observation(
  id: string,
  codes: Code[],
  when: string,
  value: Partial<fhir4.Observation>,
  category?: string,
): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    meta: profile('Observation'),
    status: 'final',
    ...(category && { category: [status('observation-category', category)] }),
    code: concept(...codes),
    subject,
    effectiveDateTime: when,
    ...value,
  };
}

const mmHg = (value: number): Partial<fhir4.Observation> => ({
  valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
});

function immunisation(id: string, when: string, dose: number): fhir4.Immunization {
  return {
    resourceType: 'Immunization',
    id,
    meta: profile('Immunization'),
    status: 'completed',
    // 38598009 Measles-mumps-rubella vaccination, as the GP2GP immunisation fragments code it.
    vaccineCode: {
      coding: [
        { system: code.SNOMED, code: '38598009', display: 'Measles-mumps-rubella vaccination' },
      ],
    },
    patient: subject,
    occurrenceDateTime: when,
    protocolApplied: [{ doseNumberPositiveInt: dose }],
  };
}

/** A course whose medicine is sent as `medicine` (a degraded coding with text, or text alone). */
function transferredCourse(
  id: string,
  medicine: fhir4.CodeableConcept,
  course: { kind: 'repeat' | 'acute'; dose: string; unit: string; value: number; issues: string[] },
): fhir4.MedicationRequest[] {
  return medicationCourse(p, {
    id,
    // Replaced below: the builder codes every course; this one is sent as the transfer sent it.
    medicine: code.transferDegradedMedicationEntry,
    dose: course.dose,
    quantity: { value: course.value, unit: course.unit },
    kind: course.kind,
    authorised: course.issues[0]!,
    issues: course.issues,
  }).map((request) => ({ ...request, medicationCodeableConcept: medicine }));
}

export function transferredPatient(): fhir4.Resource[] {
  const degraded = { ...code.transferDegradedDrugAllergy };
  const confidentialReferral = referral(p, 'transferred-referral-confidential', {
    code: code.referralToCardiologyService,
    authored: '2025-06-02',
    status: 'active',
  });
  return [
    patientResource(p),
    sharingConsent(p, '2024-05-01'),
    // Transfer-degraded: shown as "Co-amoxiclav", never as the degrade code's display.
    allergy(
      'transferred-allergy-degraded',
      { ...concept(degraded), text: 'Co-amoxiclav' },
      'active',
      '2024-05-01',
    ),
    // Resolved, as GP2GP sends it: the original term and code in the text.
    allergy(
      'transferred-allergy-resolved',
      { ...concept(degraded), text: "Resolved 'Allergy to penicillin' original code 91936005" },
      'resolved',
      '2024-05-01',
    ),
    // Known only by its name: shown, marked uncoded.
    allergy('transferred-allergy-uncoded', { text: 'Elastoplast' }, 'active', '2024-05-01'),
    observation(
      'transferred-inr-text',
      [code.inrSnomed, code.inrLoinc],
      '2025-10-14',
      { valueString: 'Ap 2.400' },
      'laboratory',
    ),
    observation(
      'transferred-egfr-bound',
      [code.egfrCkdEpi, code.egfrCkdEpiLoinc],
      '2025-10-14',
      { valueString: '>90' },
      'laboratory',
    ),
    // Blood pressure as two separate observations taken together, and a systolic alone.
    observation(
      'transferred-bp-systolic',
      [code.systolicBpSnomed],
      '2025-09-01T09:10:00Z',
      mmHg(148),
      'vital-signs',
    ),
    observation(
      'transferred-bp-diastolic',
      [code.diastolicBpSnomed],
      '2025-09-01T09:10:00Z',
      mmHg(92),
      'vital-signs',
    ),
    observation(
      'transferred-bp-systolic-alone',
      [code.systolicBpSnomed],
      '2025-11-03T11:00:00Z',
      mmHg(156),
      'vital-signs',
    ),
    // Uncategorised data: no category (weight, and a creatinine outside any test report).
    observation('transferred-weight', [code.bodyWeightSnomed, code.bodyWeightLoinc], '2025-09-01', {
      valueQuantity: { value: 82.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    }),
    observation('transferred-creatinine', [code.serumCreatinine], '2025-09-01', {
      valueQuantity: {
        value: 96,
        unit: 'umol/L',
        system: 'http://unitsofmeasure.org',
        code: 'umol/L',
      },
    }),
    // Degraded in transfer: shown as "Bendroflumethiazide 2.5mg tablets", marked.
    ...transferredCourse(
      'transferred-medication-degraded',
      {
        ...concept(code.transferDegradedMedicationEntry),
        text: 'Bendroflumethiazide 2.5mg tablets',
      },
      {
        kind: 'repeat',
        dose: 'One tablet each morning',
        unit: 'tablet',
        value: 28,
        issues: [100, 72, 44, 16].map((days) => daysBefore(days)),
      },
    ),
    // Known only by its name: a recent antibiotic, shown and marked uncoded.
    ...transferredCourse(
      'transferred-medication-uncoded',
      { text: 'Flucloxacillin 500mg capsules' },
      {
        kind: 'acute',
        dose: 'One capsule four times a day for 7 days',
        unit: 'capsule',
        value: 28,
        issues: [daysBefore(20)],
      },
    ),
    immunisation('transferred-mmr-1', '1968-05-20', 1),
    immunisation('transferred-mmr-2', '1971-09-06', 2),
    {
      ...confidentialReferral,
      meta: { ...confidentialReferral.meta, security: [{ ...code.confidentialityRestricted }] },
    },
  ];
}
