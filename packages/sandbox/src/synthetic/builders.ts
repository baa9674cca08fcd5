/**
 * Small builders for UK Core shaped resources, so the patient stories in patients.ts read as
 * clinical facts rather than JSON. Every resource gets its UK Core profile and a stable id.
 */
import {
  NHS_NUMBER_SYSTEM,
  ODS_SYSTEM,
  PROBLEM_SIGNIFICANCE_EXTENSION,
  PROFILE,
  RELATED_PROBLEM_EXTENSION,
  type Code,
} from '../codes.js';
import type { RosterPatient } from './roster.js';
import { SANDBOX_PRACTICE } from './roster.js';

export const PRACTICE_ID = 'practice-riverside';
export const GP_ID = 'practitioner-gp';

const coding = (code: Code): fhir4.Coding => ({
  system: code.system,
  code: code.code,
  display: code.display,
});
export const concept = (...codes: Code[]): fhir4.CodeableConcept => ({ coding: codes.map(coding) });
const hl7 = (system: string, code: string, display?: string): fhir4.CodeableConcept => ({
  coding: [
    {
      system: `http://terminology.hl7.org/CodeSystem/${system}`,
      code,
      ...(display && { display }),
    },
  ],
});
const profile = (name: keyof typeof PROFILE): fhir4.Meta => ({ profile: [PROFILE[name]] });
const subject = (patient: RosterPatient): fhir4.Reference => ({
  reference: `Patient/${patient.id}`,
});
const recorder: fhir4.Reference = { reference: `Practitioner/${GP_ID}` };

export function practice(): fhir4.Organization {
  return {
    resourceType: 'Organization',
    id: PRACTICE_ID,
    meta: profile('Organization'),
    identifier: [{ system: ODS_SYSTEM, value: SANDBOX_PRACTICE.ods }],
    name: SANDBOX_PRACTICE.name,
    type: [hl7('organization-type', 'prov', 'Healthcare Provider')],
  };
}

export function generalPractitioner(): fhir4.Practitioner {
  return {
    resourceType: 'Practitioner',
    id: GP_ID,
    meta: profile('Practitioner'),
    identifier: [{ system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: 'C9999999' }],
    name: [{ family: 'Bennett', given: ['Sarah'], prefix: ['Dr'] }],
  };
}

export function patientResource(patient: RosterPatient): fhir4.Patient {
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: profile('Patient'),
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: patient.nhsNumber }],
    name: [
      { use: 'official', family: patient.family, given: [patient.given], prefix: [patient.title] },
    ],
    gender: patient.gender,
    birthDate: patient.birthDate,
    generalPractitioner: [
      {
        reference: `Organization/${PRACTICE_ID}`,
        identifier: { system: ODS_SYSTEM, value: SANDBOX_PRACTICE.ods },
      },
    ],
  };
}

export function allergy(
  patient: RosterPatient,
  id: string,
  options: {
    code: Code;
    recorded: string;
    reaction?: Code;
    severity?: 'mild' | 'moderate' | 'severe';
    criticality?: 'low' | 'high';
    category?: 'medication' | 'food' | 'environment';
    resolved?: boolean;
  },
): fhir4.AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: profile('AllergyIntolerance'),
    clinicalStatus: hl7('allergyintolerance-clinical', options.resolved ? 'resolved' : 'active'),
    verificationStatus: hl7('allergyintolerance-verification', 'confirmed'),
    ...(options.category && { category: [options.category], type: 'allergy' as const }),
    ...(options.criticality && { criticality: options.criticality }),
    code: concept(options.code),
    patient: subject(patient),
    recordedDate: options.recorded,
    recorder,
    ...(options.reaction && {
      reaction: [{ manifestation: [concept(options.reaction)], severity: options.severity }],
    }),
  };
}

export function condition(
  patient: RosterPatient,
  id: string,
  options: {
    code: Code;
    onset: string;
    kind: 'problem' | 'diagnosis';
    status: 'active' | 'inactive' | 'resolved';
    abated?: string;
    /** Problems: major or minor (UK Core problem significance). */
    significance?: 'major' | 'minor';
    /** Problems: ids of problems a clinician linked this one to (UK Core related problem). */
    related?: string[];
    /** Sent with no category at all, as UK Core allows: still a problem to every reader. */
    uncategorised?: boolean;
  },
): fhir4.Condition {
  const extension: fhir4.Extension[] = [
    ...(options.significance
      ? [{ url: PROBLEM_SIGNIFICANCE_EXTENSION, valueCode: options.significance }]
      : []),
    ...(options.related ?? []).map((target) => ({
      url: RELATED_PROBLEM_EXTENSION,
      extension: [
        { url: 'type', valueCode: 'sibling' },
        { url: 'target', valueReference: { reference: `Condition/${target}` } },
      ],
    })),
  ];
  return {
    resourceType: 'Condition',
    id,
    meta: profile('Condition'),
    ...(extension.length > 0 && { extension }),
    clinicalStatus: hl7('condition-clinical', options.status),
    verificationStatus: hl7('condition-ver-status', 'confirmed'),
    ...(!options.uncategorised && {
      category: [
        options.kind === 'problem'
          ? hl7('condition-category', 'problem-list-item', 'Problem List Item')
          : hl7('condition-category', 'encounter-diagnosis', 'Encounter Diagnosis'),
      ],
    }),
    code: concept(options.code),
    subject: subject(patient),
    onsetDateTime: options.onset,
    ...(options.abated && { abatementDateTime: options.abated }),
    recordedDate: options.onset,
    recorder,
  };
}

export interface MedicationCourse {
  id: string;
  medicine: Code;
  dose: string;
  quantity: { value: number; unit: string };
  kind: 'repeat' | 'acute';
  authorised: string;
  /** Issue dates (ISO dates); the plan is re-issued on each. */
  issues: string[];
  stopped?: { date: string; reason?: Code };
}

/** A repeat or acute course: the authorisation (intent plan) and each issue (intent order). */
export function medicationCourse(
  patient: RosterPatient,
  course: MedicationCourse,
): fhir4.MedicationRequest[] {
  const base = {
    resourceType: 'MedicationRequest' as const,
    meta: profile('MedicationRequest'),
    medicationCodeableConcept: concept(course.medicine),
    subject: subject(patient),
    requester: recorder,
    courseOfTherapyType: hl7(
      'medicationrequest-course-of-therapy',
      course.kind === 'repeat' ? 'continuous' : 'acute',
      course.kind === 'repeat' ? 'Continuous long term therapy' : 'Short course (acute) therapy',
    ),
    dosageInstruction: [{ text: course.dose }],
  };
  const dispenseRequest = {
    quantity: { value: course.quantity.value, unit: course.quantity.unit },
  };
  const plan: fhir4.MedicationRequest = {
    ...base,
    id: course.id,
    status: course.stopped ? 'stopped' : course.kind === 'acute' ? 'completed' : 'active',
    ...(course.stopped?.reason && { statusReason: concept(course.stopped.reason) }),
    intent: 'plan',
    authoredOn: course.authorised,
    dispenseRequest: {
      ...dispenseRequest,
      ...(course.stopped && {
        validityPeriod: { start: course.authorised, end: course.stopped.date },
      }),
    },
  };
  const issues = course.issues.map((date, index): fhir4.MedicationRequest => ({
    ...base,
    id: `${course.id}-issue-${index + 1}`,
    status: 'completed',
    intent: 'order',
    authoredOn: date,
    basedOn: [{ reference: `MedicationRequest/${course.id}` }],
    dispenseRequest,
  }));
  return [plan, ...issues];
}

export function labResult(
  patient: RosterPatient,
  id: string,
  options: {
    codes: Code[];
    date: string;
    value: number;
    unit: string;
    ucum: string;
    low?: number;
    high?: number;
  },
): fhir4.Observation {
  const interpretation =
    options.high !== undefined && options.value > options.high
      ? hl7('v3-ObservationInterpretation', 'H', 'High')
      : options.low !== undefined && options.value < options.low
        ? hl7('v3-ObservationInterpretation', 'L', 'Low')
        : undefined;
  return {
    resourceType: 'Observation',
    id,
    meta: profile('Observation'),
    status: 'final',
    category: [hl7('observation-category', 'laboratory', 'Laboratory')],
    code: concept(...options.codes),
    subject: subject(patient),
    effectiveDateTime: options.date,
    issued: `${options.date}T16:00:00Z`,
    performer: [{ reference: `Organization/${PRACTICE_ID}` }],
    valueQuantity: {
      value: options.value,
      unit: options.unit,
      system: 'http://unitsofmeasure.org',
      code: options.ucum,
    },
    ...(interpretation && { interpretation: [interpretation] }),
    ...((options.low !== undefined || options.high !== undefined) && {
      referenceRange: [
        {
          ...(options.low !== undefined && { low: { value: options.low, unit: options.unit } }),
          ...(options.high !== undefined && { high: { value: options.high, unit: options.unit } }),
        },
      ],
    }),
  };
}

export function bloodPressure(
  patient: RosterPatient,
  id: string,
  options: {
    panel: Code[];
    systolicCodes: Code[];
    diastolicCodes: Code[];
    date: string;
    systolic: number;
    diastolic: number;
  },
): fhir4.Observation {
  const mmHg = (value: number): fhir4.Quantity => ({
    value,
    unit: 'mmHg',
    system: 'http://unitsofmeasure.org',
    code: 'mm[Hg]',
  });
  return {
    resourceType: 'Observation',
    id,
    meta: profile('Observation'),
    status: 'final',
    category: [hl7('observation-category', 'vital-signs', 'Vital Signs')],
    code: concept(...options.panel),
    subject: subject(patient),
    effectiveDateTime: options.date,
    performer: [recorder],
    component: [
      { code: concept(...options.systolicCodes), valueQuantity: mmHg(options.systolic) },
      { code: concept(...options.diastolicCodes), valueQuantity: mmHg(options.diastolic) },
    ],
  };
}
