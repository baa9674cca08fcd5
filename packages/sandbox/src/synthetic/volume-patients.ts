/**
 * Patients with very large records, generated in loops (deterministic: seeded, fixed dates), for
 * paging and virtualised-list tests and benchmarks.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { labResult, patientResource } from './builders.js';
import { encounter, referral, type EncounterKind } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SeededRandom } from './random.js';
import { SANDBOX_PATIENTS } from './roster.js';

export const LARGE_RECORD_RESULTS = 2500;
export const HUGE_TIMELINE_EVENTS = 10_000;
/** One in ten events of the huge timeline is a referral, the rest encounters. */
export const HUGE_TIMELINE_REFERRAL_EVERY = 10;

const TESTS: {
  codes: Code[];
  unit: string;
  ucum: string;
  low?: number;
  high?: number;
  range: [number, number];
}[] = [
  {
    codes: [code.serumCreatinine, code.creatinineMolesLoinc],
    unit: 'umol/L',
    ucum: 'umol/L',
    low: 45,
    high: 90,
    range: [60, 130],
  },
  {
    codes: [code.egfrCkdEpi, code.egfrCkdEpiLoinc],
    unit: 'mL/min/1.73m2',
    ucum: 'mL/min/{1.73_m2}',
    low: 60,
    range: [40, 90],
  },
  { codes: [code.hba1cIfcc], unit: 'mmol/mol', ucum: 'mmol/mol', high: 48, range: [38, 70] },
  {
    codes: [code.haemoglobinEstimation, code.haemoglobinLoinc],
    unit: 'g/L',
    ucum: 'g/L',
    low: 130,
    high: 180,
    range: [110, 170],
  },
  {
    codes: [code.inrSnomed, code.inrLoinc],
    unit: 'ratio',
    ucum: '{ratio}',
    low: 2,
    high: 3,
    range: [1.5, 3.8],
  },
];

export function largeRecordPatient(seed: number): fhir4.Resource[] {
  const p = SANDBOX_PATIENTS.largeRecord;
  const random = new SeededRandom(seed + 1);
  const results = Array.from({ length: LARGE_RECORD_RESULTS }, (_, i) => {
    const test = TESTS[i % TESTS.length]!;
    const value = test.range[0] + random.next() * (test.range[1] - test.range[0]);
    return labResult(p, `large-result-${i + 1}`, {
      codes: test.codes,
      // Five tests on each day, a day every week, newest last.
      date: daysBefore(7 * Math.floor((LARGE_RECORD_RESULTS - 1 - i) / TESTS.length)),
      value: Math.round(value * 10) / 10,
      unit: test.unit,
      ucum: test.ucum,
      ...(test.low !== undefined && { low: test.low }),
      ...(test.high !== undefined && { high: test.high }),
    });
  });
  return [patientResource(p), ...results];
}

export function hugeTimelinePatient(seed: number): fhir4.Resource[] {
  const p = SANDBOX_PATIENTS.hugeTimeline;
  const random = new SeededRandom(seed + 2);
  const kinds: EncounterKind[] = [
    'gp-consultation',
    'gp-consultation',
    'gp-telephone',
    'emergency',
  ];
  const referralCodes = [
    code.referralToCardiologyService,
    code.referralToPhysiotherapist,
    code.referralToCounselor,
  ];
  const events = Array.from({ length: HUGE_TIMELINE_EVENTS }, (_, i): fhir4.Resource => {
    // Newest last: two events a day, going back about 14 years.
    const date = daysBefore(Math.floor((HUGE_TIMELINE_EVENTS - 1 - i) / 2) + 1);
    if (i % HUGE_TIMELINE_REFERRAL_EVERY === HUGE_TIMELINE_REFERRAL_EVERY - 1) {
      return referral(p, `huge-referral-${i + 1}`, {
        code: random.pick(referralCodes),
        authored: date,
      });
    }
    return encounter(p, `huge-event-${i + 1}`, { kind: random.pick(kinds), start: date });
  });
  return [patientResource(p), ...events];
}
