import { LOINC, READ_V2, SNOMED_CT, type Coding } from '../../model/common.js';
import type {
  InvestigationResult,
  InvestigationsSection,
  Medication,
  MedicationsSection,
} from '../../model/clinical.js';
import { compareNewestFirst } from './compare-dates.js';
import { highRiskClassOf, type HighRiskClass } from './high-risk.js';
import {
  CARBAMAZEPINE,
  DOACS,
  LITHIUM,
  METHOTREXATE,
  PHENYTOIN,
  VALPROATE,
  WARFARIN,
  type MedicineTerms,
} from './high-risk-classes.js';

/** A current medication that needs a blood test watched, with the latest such result held. */
export interface MonitoredMedicine {
  /** A current medication that needs monitoring. */
  medication: Medication;
  /** What is monitored, in plain English, e.g. `INR`, `Serum lithium`, `eGFR`. */
  test: string;
  /** The latest matching result, if any (newest by effective date). */
  latest?: InvestigationResult;
}

/** One monitored test and the result codes that answer it (system and code both must match). */
interface MonitoredTest {
  test: string;
  codes: readonly Coding[];
  /**
   * Listed only when the record holds such a result: antiepileptic levels are taken when toxicity
   * or adherence is in question, not routinely, so "no level in the record" would be noise.
   */
  onlyWhenRecorded?: boolean;
}

const sct = (code: string): Coding => ({ system: SNOMED_CT, code });
const loinc = (code: string): Coding => ({ system: LOINC, code });
const readV2 = (code: string): Coding => ({ system: READ_V2, code });

// Result codes. Every one verified against a published source (docs/results.md, "Codes"):
// SNOMED CT observable entities from the Greater Manchester Secure Data Environment's clinical
// code sets (`UoM-Data-Science-Platforms/gm-sde`, shared/clinical-code-sets/tests/<test>/1/
// <test>.snomed.txt, built from the NHS primary care refsets); LOINC from the MIMIC lab-item
// LOINC mapping (MIT-LCP) and public lab LOINC maps. Codes not verified are left out (see docs).

const INR: MonitoredTest = {
  test: 'INR',
  codes: [
    sct('165581004'), // International normalised ratio (OpenCodelists INR_COD refset; OpenSAFELY codes_inr)
    loinc('6301-6'), // INR in Platelet poor plasma by Coagulation assay (public LOINC maps)
  ],
};

const SERUM_LITHIUM: MonitoredTest = {
  test: 'Serum lithium',
  codes: [
    loinc('14334-7'), // Lithium [Moles/volume] in Serum or Plasma (public lab LOINC maps)
    readV2('44W8.00'), // Serum lithium level (HDR UK Phenotype Library C1932, Read v2)
  ],
};

const EGFR: MonitoredTest = {
  test: 'eGFR',
  codes: [
    // gm-sde tests/egfr: the eGFR observable entities (creatinine, cystatin C, MDRD, lab-calculated).
    sct('1011481000000105'),
    sct('1011491000000107'),
    sct('1020291000000106'),
    sct('1107411000000104'),
    sct('996231000000108'),
    sct('857971000000104'),
    sct('857981000000102'),
    sct('963601000000106'),
    sct('963611000000108'),
    sct('963621000000102'),
    sct('963631000000100'),
    loinc('62238-1'), // GFR/1.73 sq M by Creatinine-based formula (CKD-EPI) (FHIR example; LOINC map)
  ],
};

const CREATININE: MonitoredTest = {
  test: 'Creatinine',
  codes: [
    // gm-sde tests/creatinine: serum and plasma creatinine observable entities.
    sct('1000731000000107'),
    sct('1001011000000107'),
    sct('1000981000000109'),
    sct('1000991000000106'),
    sct('1106601000000100'),
    sct('1107001000000108'),
    sct('1109421000000104'),
    sct('1109431000000102'),
    sct('1109441000000106'),
    sct('1109451000000109'),
    loinc('2160-0'), // Creatinine [Mass/volume] in Serum or Plasma (MIMIC lab-item map)
    loinc('14682-9'), // Creatinine [Moles/volume] in Serum or Plasma (public LOINC map)
  ],
};

const TSH: MonitoredTest = {
  test: 'TSH',
  codes: [
    sct('1022791000000101'), // Serum thyroid stimulating hormone level (gm-sde tests/tsh)
    sct('1027151000000105'), // Thyroid stimulating hormone level
    sct('1022801000000102'), // Plasma thyroid stimulating hormone level
    loinc('3016-3'), // Thyrotropin [Units/volume] in Serum or Plasma (public lab LOINC maps)
  ],
};

const FBC: MonitoredTest = {
  test: 'FBC',
  codes: [
    sct('1022431000000105'), // Haemoglobin estimation (gm-sde; GP Connect pathology example)
    loinc('718-7'), // Hemoglobin [Mass/volume] in Blood (MIMIC lab-item map)
    sct('1022541000000102'), // Total white cell count (gm-sde tests/white-blood-cells)
    sct('1022551000000104'), // Neutrophil count (public UK SQL code lists)
    sct('1022651000000100'), // Platelet count (gm-sde tests/platelets)
    sct('1108041000000107'), // Platelet count in blood
  ],
};

const LFTS: MonitoredTest = {
  test: 'LFTs',
  codes: [
    sct('1018251000000107'), // Serum alanine aminotransferase level (gm-sde)
    loinc('1742-6'), // Alanine aminotransferase in Serum or Plasma (MIMIC lab-item map)
    sct('1000621000000104'), // Serum alkaline phosphatase level (gm-sde)
    sct('997611000000101'), // Total alkaline phosphatase level
    sct('999691000000104'), // Serum bilirubin level (gm-sde)
    sct('997591000000109'), // Serum total bilirubin level
    sct('1107221000000109'), // Substance concentration of total bilirubin in serum
  ],
};

// LOINC from the MIMIC lab-item map, each also in a second public lab map. Lamotrigine: no
// LOINC or SNOMED CT code could be verified, so no lamotrigine level is looked for.
const PHENYTOIN_LEVEL: MonitoredTest = {
  test: 'Phenytoin level',
  codes: [loinc('3968-5')],
  onlyWhenRecorded: true,
};
const CARBAMAZEPINE_LEVEL: MonitoredTest = {
  test: 'Carbamazepine level',
  codes: [loinc('3432-2')],
  onlyWhenRecorded: true,
};
const VALPROATE_LEVEL: MonitoredTest = {
  test: 'Valproate level',
  codes: [loinc('4086-5')],
  onlyWhenRecorded: true,
};

// Medicines monitored here but not high-risk: named by ingredient (dm+d VTM) and main UK brand.
const METFORMIN: MedicineTerms = { codes: [], nameTerms: ['metformin', 'glucophage'] };
const AMIODARONE: MedicineTerms = { codes: [], nameTerms: ['amiodarone', 'cordarone'] };

/**
 * What to watch for each medicine (BNF monitoring requirements and the NHS shared-care lists):
 * warfarin, INR; lithium, serum lithium with kidney and thyroid function; methotrexate, blood
 * count and liver function; DOACs and metformin, kidney function (doses depend on it);
 * antiepileptics with a level test, that level where one is recorded; amiodarone, thyroid function.
 */
const MONITORING: readonly (MedicineTerms & { name: string; tests: readonly MonitoredTest[] })[] = [
  { name: 'warfarin', ...WARFARIN, tests: [INR] },
  { name: 'lithium', ...LITHIUM, tests: [SERUM_LITHIUM, EGFR, TSH] },
  { name: 'methotrexate', ...METHOTREXATE, tests: [FBC, LFTS] },
  { name: 'doac', ...DOACS, tests: [EGFR, CREATININE] },
  { name: 'metformin', ...METFORMIN, tests: [EGFR, CREATININE] },
  { name: 'phenytoin', ...PHENYTOIN, tests: [PHENYTOIN_LEVEL] },
  { name: 'carbamazepine', ...CARBAMAZEPINE, tests: [CARBAMAZEPINE_LEVEL] },
  { name: 'valproate', ...VALPROATE, tests: [VALPROATE_LEVEL] },
  { name: 'amiodarone', ...AMIODARONE, tests: [TSH] },
];

// The high-risk matcher reads medicines (code first, then the normalised name); here it is given
// these groups as its classes, so a medicine is recognised exactly as the high-risk marker does.
const MONITORED_CLASSES: readonly HighRiskClass[] = MONITORING;
const TESTS_BY_GROUP = new Map(MONITORING.map((group) => [group.name, group.tests]));

/**
 * A coding's key for matching. A Read v2 code is five characters; suppliers send it alone
 * (`44W8.`) or with its two-digit term code (`44W8.00`), which names the term, not the concept.
 */
const codeKey = (coding: Coding): string => {
  const code = coding.code.trim();
  return `${coding.system}|${coding.system === READ_V2 ? code.slice(0, 5) : code}`;
};

/**
 * Each current medication that needs monitoring, once per test, beside the latest result of that
 * test in the record (newest by effective date; an undated result only when none is dated).
 * Medicines in section order, tests in the table's order.
 */
export function drugMonitoring(
  medications: MedicationsSection,
  investigations: InvestigationsSection,
): MonitoredMedicine[] {
  const latest = latestResults(investigations);
  const monitored: MonitoredMedicine[] = [];
  for (const medication of medications.entries) {
    if (!medication.current) continue;
    const group = highRiskClassOf(medication.codes, medication.name, MONITORED_CLASSES);
    const tests = group ? (TESTS_BY_GROUP.get(group) ?? []) : [];
    for (const test of tests) {
      const result = latest(test);
      if (!result && test.onlyWhenRecorded) continue;
      monitored.push({ medication, test: test.test, ...(result && { latest: result }) });
    }
  }
  return monitored;
}

/**
 * The newest result answering a test: each code's newest result is found once, then a test takes
 * the newest over its codes. Every result is read by all its codings, not only the first one that
 * keys `InvestigationsSection.series`, so an INR coded LOINC first and one coded SNOMED CT first
 * both count.
 */
function latestResults(
  investigations: InvestigationsSection,
): (test: MonitoredTest) => InvestigationResult | undefined {
  const newestByCode = new Map<string, InvestigationResult>();
  for (const result of investigations.entries) {
    for (const coding of result.codes) {
      const key = codeKey(coding);
      const held = newestByCode.get(key);
      if (!held || compareNewestFirst(result.date, held.date) < 0) newestByCode.set(key, result);
    }
  }
  return (test) => {
    let newest: InvestigationResult | undefined;
    for (const coding of test.codes) {
      const result = newestByCode.get(codeKey(coding));
      if (result && (!newest || compareNewestFirst(result.date, newest.date) < 0)) newest = result;
    }
    return newest;
  };
}
