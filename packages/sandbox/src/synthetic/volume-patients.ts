/**
 * Patients with very large records, generated in loops (deterministic: seeded, fixed dates), for
 * paging and virtualised-list tests and benchmarks.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { labResult, medicationCourse, patientResource } from './builders.js';
import { encounter, referral, type EncounterKind } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SeededRandom } from './random.js';
import { SANDBOX_ORGANISATIONS, SANDBOX_PATIENTS } from './roster.js';

export const LARGE_RECORD_RESULTS = 2500;
export const HUGE_TIMELINE_EVENTS = 10_000;
/** One in ten events of the huge timeline is a referral, the rest encounters. */
export const HUGE_TIMELINE_REFERRAL_EVERY = 10;
/** One in 250 events of the huge timeline is an admission (in place of an encounter). */
export const HUGE_TIMELINE_ADMISSION_EVERY = 250;

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
  const trust = SANDBOX_ORGANISATIONS.viewingTrust.ods;
  const events = Array.from({ length: HUGE_TIMELINE_EVENTS }, (_, i): fhir4.Resource => {
    // Newest last: two events a day, going back about 14 years.
    const daysAgo = Math.floor((HUGE_TIMELINE_EVENTS - 1 - i) / 2) + 1;
    const date = daysBefore(daysAgo);
    if (i % HUGE_TIMELINE_REFERRAL_EVERY === HUGE_TIMELINE_REFERRAL_EVERY - 1) {
      return referral(p, `huge-referral-${i + 1}`, {
        code: random.pick(referralCodes),
        authored: date,
      });
    }
    const kind = random.pick(kinds);
    // A hospital stay of four days now and then (drawn after the kind, so the others stay as they were).
    if (i % HUGE_TIMELINE_ADMISSION_EVERY === HUGE_TIMELINE_ADMISSION_EVERY / 2)
      return encounter(p, `huge-event-${i + 1}`, {
        kind: 'admission',
        start: date,
        end: daysBefore(Math.max(0, daysAgo - 4)),
        serviceProvider: trust,
        location: 'Ward 4 (medical)',
      });
    // A&E attendances are at the hospital, never at the practice.
    if (kind === 'emergency')
      return encounter(p, `huge-event-${i + 1}`, {
        kind,
        start: date,
        serviceProvider: trust,
        location: 'Emergency department',
      });
    return encounter(p, `huge-event-${i + 1}`, { kind, start: date });
  });
  return [patientResource(p), ...events, ...longMedicationHistory()];
}

/**
 * Fourteen years of medicines: repeats issued every eight weeks for years (one stopped anticoagulant
 * replaced by another), and an antibiotic or painkiller course every few months, so the medication
 * list is read at length too.
 */
function longMedicationHistory(): fhir4.MedicationRequest[] {
  const p = SANDBOX_PATIENTS.hugeTimeline;
  const every = (interval: number, fromDaysAgo: number, toDaysAgo: number) =>
    Array.from({ length: Math.floor((fromDaysAgo - toDaysAgo) / interval) + 1 }, (_, i) =>
      daysBefore(fromDaysAgo - i * interval),
    );
  const repeat = (
    id: string,
    medicine: Code,
    dose: string,
    unit: string,
    value: number,
    issues: string[],
    stopped?: string,
  ) =>
    medicationCourse(p, {
      id,
      medicine,
      dose,
      quantity: { value, unit },
      kind: 'repeat',
      authorised: issues[0]!,
      issues,
      ...(stopped && { stopped: { date: stopped, reason: code.drugTherapyDiscontinued } }),
    });
  const acutes: [Code, string, string, number][] = [
    [code.amoxicillin500mgCapsules, 'One capsule three times a day for 5 days', 'capsule', 15],
    [code.clarithromycin500mgTablets, 'One tablet twice a day for 5 days', 'tablet', 10],
    [code.doxycycline100mgCapsules, 'Two capsules on the first day, then one a day', 'capsule', 8],
    [code.ciprofloxacin500mgTablets, 'One tablet twice a day for 3 days', 'tablet', 6],
    [code.codeineWithParacetamol, 'One or two tablets every four to six hours', 'tablet', 30],
  ];
  return [
    ...repeat(
      'huge-omeprazole',
      code.omeprazole20mgGastroResistantCapsules,
      'One capsule once a day',
      'capsule',
      56,
      every(56, 5040, 20),
    ),
    ...repeat(
      'huge-furosemide',
      code.furosemide40mgTablets,
      'One tablet each morning',
      'tablet',
      56,
      every(56, 3600, 30),
    ),
    ...repeat(
      'huge-paracetamol',
      code.paracetamol500mgTablets,
      'Two tablets up to four times a day when required',
      'tablet',
      100,
      every(90, 4000, 60),
    ),
    // Warfarin for years, stopped when apixaban replaced it.
    ...repeat(
      'huge-warfarin',
      code.warfarin3mgTablets,
      'As directed by the anticoagulant clinic',
      'tablet',
      56,
      every(28, 4300, 1900),
      daysBefore(1880),
    ),
    ...repeat(
      'huge-apixaban',
      code.apixaban5mgTablets,
      'One tablet twice a day',
      'tablet',
      56,
      every(28, 1870, 14),
    ),
    ...Array.from({ length: 50 }, (_, i) => {
      const [medicine, dose, unit, value] = acutes[i % acutes.length]!;
      const issued = daysBefore(35 + i * 100);
      return medicationCourse(p, {
        id: `huge-acute-${i + 1}`,
        medicine,
        dose,
        quantity: { value, unit },
        kind: 'acute',
        authorised: issued,
        issues: [issued],
      });
    }).flat(),
  ];
}
