/**
 * A patient on lithium, for the results and blood pressure views: a serum lithium series every
 * three months (the newest in the toxic range), kidney and thyroid function, two abnormal results
 * sent with no unit, an eGFR bound (">90"), and blood pressure taken sitting and standing at the
 * practice, averaged at home, and recorded as lone halves (a systolic, a diastolic). Lithium is
 * coded with a practice-local code, so only the name lexicon recognises it (as for Priadel).
 * Synthetic; every code is from codes.ts.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { concept, medicationCourse, patientResource } from './builders.js';
import { sharingConsent } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SANDBOX_PATIENTS, type RosterPatient } from './roster.js';

const p: RosterPatient = SANDBOX_PATIENTS.lithium;
const subject: fhir4.Reference = { reference: `Patient/${p.id}` };
const meta: fhir4.Meta = {
  profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation'],
};
const hl7 = (system: string, value: string): fhir4.CodeableConcept => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code: value }],
});

const lithiumCarbonate: Code = {
  system: code.SANDBOX_LOCAL_DRUG_SYSTEM,
  code: 'LITHIUM-CARB-400-MR',
  display: 'Lithium carbonate 400mg modified-release tablets',
};

interface Lab {
  codes: Code[];
  daysAgo: number;
  value: number;
  /** Absent: the result came without a unit (as some transferred and point-of-care results do). */
  unit?: string;
  /** The UCUM code of the unit, when it differs from the unit as shown. */
  ucum?: string;
  comparator?: '<' | '>';
  low?: number;
  high?: number;
  flag?: 'H' | 'L';
}

function lab(id: string, spec: Lab): fhir4.Observation {
  const quantity = (value: number): fhir4.Quantity => ({
    value,
    ...(spec.unit && {
      unit: spec.unit,
      system: 'http://unitsofmeasure.org',
      code: spec.ucum ?? spec.unit,
    }),
  });
  return {
    resourceType: 'Observation',
    id,
    meta,
    status: 'final',
    category: [hl7('observation-category', 'laboratory')],
    code: concept(...spec.codes),
    subject,
    effectiveDateTime: daysBefore(spec.daysAgo),
    valueQuantity: {
      ...quantity(spec.value),
      ...(spec.comparator && { comparator: spec.comparator }),
    },
    ...(spec.flag && { interpretation: [hl7('v3-ObservationInterpretation', spec.flag)] }),
    ...((spec.low !== undefined || spec.high !== undefined) && {
      referenceRange: [
        {
          ...(spec.low !== undefined && { low: quantity(spec.low) }),
          ...(spec.high !== undefined && { high: quantity(spec.high) }),
        },
      ],
    }),
  };
}

const mmHg = (value: number): fhir4.Quantity => ({
  value,
  unit: 'mmHg',
  system: 'http://unitsofmeasure.org',
  code: 'mm[Hg]',
});

/** A panel with both halves (sitting or standing at the practice). */
function panel(
  id: string,
  daysAgo: number,
  codes: [Code, Code, Code],
  systolic: number,
  diastolic: number,
): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    meta,
    status: 'final',
    category: [hl7('observation-category', 'vital-signs')],
    code: concept(codes[0], code.bloodPressureSnomed),
    subject,
    effectiveDateTime: `${daysBefore(daysAgo)}T10:20:00Z`,
    component: [
      { code: concept(codes[1], code.systolicBpLoinc), valueQuantity: mmHg(systolic) },
      { code: concept(codes[2], code.diastolicBpLoinc), valueQuantity: mmHg(diastolic) },
    ],
  };
}

/** One half on its own Observation (home averages come as two; a lone half has no partner). */
function half(id: string, when: string, halfCode: Code, value: number): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    meta,
    status: 'final',
    category: [hl7('observation-category', 'vital-signs')],
    code: concept(halfCode),
    subject,
    effectiveDateTime: when,
    valueQuantity: mmHg(value),
  };
}

const SERUM_LITHIUM = [code.serumLithiumLoinc, code.serumLithiumReadV2];
const EGFR = [code.egfrCkdEpi, code.egfrCkdEpiLoinc];
const SITTING: [Code, Code, Code] = [
  code.sittingBloodPressure,
  code.sittingSystolicBp,
  code.sittingDiastolicBp,
];
const STANDING: [Code, Code, Code] = [
  code.standingBloodPressure,
  code.standingSystolicBp,
  code.standingDiastolicBp,
];

export function lithiumPatient(): fhir4.Resource[] {
  const levels = [0.62, 0.71, 0.58, 0.8, 0.76, 0.69, 0.84, 1.32];
  const home = `${daysBefore(40)}T08:00:00Z`;
  return [
    patientResource(p),
    sharingConsent(p, '2019-03-11'),
    ...medicationCourse(p, {
      id: 'lithium-carbonate',
      medicine: lithiumCarbonate,
      dose: 'Two tablets at night',
      quantity: { value: 56, unit: 'tablet' },
      kind: 'repeat',
      authorised: '2016-04-02',
      issues: Array.from({ length: 6 }, (_, i) => daysBefore(8 + (5 - i) * 28)),
    }),
    // Serum lithium every three months, target 0.4-1.0 mmol/L; the newest is high.
    ...levels.map((value, i) =>
      lab(`lithium-level-${i + 1}`, {
        codes: SERUM_LITHIUM,
        daysAgo: 6 + (levels.length - 1 - i) * 91,
        value,
        unit: 'mmol/L',
        low: 0.4,
        high: 1.0,
        ...(value > 1.0 && { flag: 'H' as const }),
      }),
    ),
    // A point-of-care lithium sent with no unit at all (and so no range unit): still flagged high.
    lab('lithium-level-no-unit', { codes: SERUM_LITHIUM, daysAgo: 250, value: 1.1, flag: 'H' }),
    lab('lithium-egfr-1', {
      codes: EGFR,
      daysAgo: 370,
      value: 90,
      comparator: '>',
      unit: 'mL/min/1.73m2',
      ucum: 'mL/min/{1.73_m2}',
      low: 60,
    }),
    lab('lithium-egfr-2', {
      codes: EGFR,
      daysAgo: 188,
      value: 71,
      unit: 'mL/min/1.73m2',
      ucum: 'mL/min/{1.73_m2}',
      low: 60,
    }),
    lab('lithium-egfr-3', {
      codes: EGFR,
      daysAgo: 6,
      value: 54,
      unit: 'mL/min/1.73m2',
      ucum: 'mL/min/{1.73_m2}',
      low: 60,
      flag: 'L',
    }),
    // Creatinine sent with no unit, flagged high.
    lab('lithium-creatinine-no-unit', {
      codes: [code.serumCreatinine],
      daysAgo: 6,
      value: 131,
      flag: 'H',
    }),
    lab('lithium-tsh-1', {
      codes: [code.serumTsh],
      daysAgo: 370,
      value: 3.1,
      unit: 'mU/L',
      low: 0.35,
      high: 5.5,
    }),
    lab('lithium-tsh-2', {
      codes: [code.serumTsh],
      daysAgo: 6,
      value: 6.8,
      unit: 'mU/L',
      low: 0.35,
      high: 5.5,
      flag: 'H',
    }),
    panel('lithium-bp-1', 400, SITTING, 138, 86),
    panel('lithium-bp-2', 300, SITTING, 146, 92),
    panel('lithium-bp-3', 180, SITTING, 152, 96),
    panel('lithium-bp-4', 180, STANDING, 134, 88),
    half('lithium-bp-home-systolic', home, code.homeSystolicBp, 141),
    half('lithium-bp-home-diastolic', home, code.homeDiastolicBp, 87),
    half('lithium-bp-systolic-alone', `${daysBefore(20)}T11:05:00Z`, code.systolicBpSnomed, 164),
    half('lithium-bp-diastolic-alone', `${daysBefore(6)}T09:40:00Z`, code.diastolicBpSnomed, 101),
  ];
}
