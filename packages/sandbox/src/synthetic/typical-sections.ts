/**
 * The typical patient's sections beyond medicines, allergies, problems, INR and blood pressure:
 * renal, diabetic and blood-count series, procedures, encounters (GP, an A&E attendance and the
 * admission that followed), referrals and a falls warning. Added after the first release, so
 * every id here is new and the older ones in patients.ts stay as they were.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { labResult } from './builders.js';
import { encounter, procedure, referral, riskFlag } from './builders-events.js';
import { daysBefore } from './dates.js';
import type { SeededRandom } from './random.js';
import { SANDBOX_ORGANISATIONS, SANDBOX_PATIENTS, type RosterPatient } from './roster.js';

interface SeriesSpec {
  key: string;
  codes: Code[];
  unit: string;
  ucum: string;
  low?: number;
  high?: number;
  /** Value range the seeded generator draws from, and decimals kept. */
  range: [number, number];
  decimals: number;
}

const SERIES: SeriesSpec[] = [
  {
    key: 'creatinine',
    codes: [code.serumCreatinine, code.creatinineMolesLoinc],
    unit: 'umol/L',
    ucum: 'umol/L',
    low: 45,
    high: 90,
    range: [98, 142],
    decimals: 0,
  },
  {
    key: 'egfr',
    codes: [code.egfrCkdEpi, code.egfrCkdEpiLoinc],
    unit: 'mL/min/1.73m2',
    ucum: 'mL/min/{1.73_m2}',
    low: 60,
    range: [34, 52],
    decimals: 0,
  },
  // Only the SNOMED code: the LOINC code in codes.ts is the percentage (DCCT) test, not IFCC mmol/mol.
  {
    key: 'hba1c',
    codes: [code.hba1cIfcc],
    unit: 'mmol/mol',
    ucum: 'mmol/mol',
    high: 48,
    range: [49, 66],
    decimals: 0,
  },
  {
    key: 'haemoglobin',
    codes: [code.haemoglobinEstimation, code.haemoglobinLoinc],
    unit: 'g/L',
    ucum: 'g/L',
    low: 115,
    high: 165,
    range: [104, 128],
    decimals: 0,
  },
];

function labSeries(p: RosterPatient, random: SeededRandom): fhir4.Observation[] {
  return SERIES.flatMap((spec) =>
    Array.from({ length: 6 }, (_, i) => {
      const raw = spec.range[0] + random.next() * (spec.range[1] - spec.range[0]);
      const factor = 10 ** spec.decimals;
      return labResult(p, `typical-${spec.key}-${i + 1}`, {
        codes: spec.codes,
        date: daysBefore(12 + (5 - i) * 61),
        value: Math.round(raw * factor) / factor,
        unit: spec.unit,
        ucum: spec.ucum,
        ...(spec.low !== undefined && { low: spec.low }),
        ...(spec.high !== undefined && { high: spec.high }),
      });
    }),
  );
}

function events(p: RosterPatient): fhir4.Resource[] {
  const consultations = [30, 95, 180, 262, 420, 610].map((days, i) =>
    encounter(p, `typical-consultation-${i + 1}`, {
      kind: i % 3 === 2 ? 'gp-telephone' : 'gp-consultation',
      start: daysBefore(days),
    }),
  );
  const trust = SANDBOX_ORGANISATIONS.viewingTrust.ods;
  return [
    ...consultations,
    // Pneumonia: seen in A&E, then admitted for eleven days.
    encounter(p, 'typical-ae-attendance', {
      kind: 'emergency',
      start: `${daysBefore(341)}T21:40:00Z`,
      end: `${daysBefore(340)}T02:15:00Z`,
      serviceProvider: trust,
      location: 'Emergency department',
      clinician: 'OKAFOR, Grace (Dr)',
    }),
    encounter(p, 'typical-admission', {
      kind: 'admission',
      start: `${daysBefore(340)}T02:15:00Z`,
      end: `${daysBefore(329)}T11:00:00Z`,
      serviceProvider: trust,
      location: 'Ward 7 (respiratory)',
      clinician: 'HUSSAIN, Imran (Dr)',
    }),
    referral(p, 'typical-referral-cardiology', {
      code: code.referralToCardiologyService,
      authored: daysBefore(95),
      status: 'active',
      priority: 'urgent',
      recipient: 'Cardiology outpatients, Riverside University Hospitals',
    }),
    referral(p, 'typical-referral-physiotherapy', {
      code: code.referralToPhysiotherapist,
      authored: daysBefore(420),
    }),
    procedure(p, 'typical-knee-replacement', {
      code: code.totalKneeReplacement,
      performed: '2017-01-20',
    }),
    procedure(p, 'typical-cataract', { code: code.cataractExtraction, performed: '2020-06-03' }),
    riskFlag(p, 'typical-flag-falls', { code: code.atRiskForFalls, start: daysBefore(262) }),
  ];
}

export function typicalAdditionalSections(random: SeededRandom): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.typical;
  return [...labSeries(p, random), ...events(p)];
}
