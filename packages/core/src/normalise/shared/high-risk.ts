import type { Coding } from '../../model/common.js';

/**
 * A class of high-risk medicines. Sources code medicines differently (dm+d VMP/AMP/VTM under
 * `https://dmd.nhs.uk` or `http://snomed.info/sct`, Read, local codes), so a class matches on any
 * of its codes in any system, and on the medicine's name as a fallback.
 */
export interface HighRiskClass {
  /** Shown to the clinician, e.g. `anticoagulant`. */
  name: string;
  /** Codes (dm+d/SNOMED CT concept ids or others) that belong to the class, whatever their system. */
  codes: readonly string[];
  /** Whole words that identify the class in a medicine's name (case-insensitive). */
  nameTerms: readonly string[];
}

/**
 * The default classes, after the NHS high-risk medicines lists (anticoagulants, insulins, opioids,
 * antiepileptics, methotrexate, lithium, ...). Codes verified against published dm+d examples and
 * codelists (see packages/sandbox/src/codes.ts for the source of each).
 */
export const DEFAULT_HIGH_RISK_CLASSES: readonly HighRiskClass[] = [
  {
    name: 'anticoagulant',
    codes: [
      '48603004', // Warfarin (VTM)
      '42217511000001103', // Warfarin 1mg tablets (VMP)
      '42217611000001104', // Warfarin 3mg tablets (VMP)
      '319734006', // Warfarin 3mg tablets (previous VMP id)
      '42217911000001105', // Warfarin 5mg tablets (VMP)
      '42206511000001102', // Apixaban 5mg tablets (VMP)
    ],
    nameTerms: [
      'warfarin',
      'acenocoumarol',
      'phenindione',
      'apixaban',
      'rivaroxaban',
      'edoxaban',
      'dabigatran',
      'heparin',
      'enoxaparin',
      'dalteparin',
      'tinzaparin',
      'fondaparinux',
    ],
  },
  { name: 'insulin', codes: [], nameTerms: ['insulin'] },
  {
    name: 'opioid',
    codes: [],
    nameTerms: [
      'morphine',
      'diamorphine',
      'oxycodone',
      'fentanyl',
      'buprenorphine',
      'codeine',
      'dihydrocodeine',
      'tramadol',
      'tapentadol',
      'methadone',
      'hydromorphone',
      'pethidine',
    ],
  },
  {
    name: 'antiepileptic',
    codes: [],
    nameTerms: [
      'levetiracetam',
      'lamotrigine',
      'valproate',
      'valproic',
      'carbamazepine',
      'phenytoin',
      'phenobarbital',
      'topiramate',
      'lacosamide',
      'clobazam',
      'zonisamide',
      'ethosuximide',
      'oxcarbazepine',
      'brivaracetam',
      'perampanel',
      'primidone',
    ],
  },
  {
    name: 'methotrexate',
    codes: ['41792011000001100'], // Methotrexate 2.5mg tablets (VMP)
    nameTerms: ['methotrexate'],
  },
  { name: 'lithium', codes: [], nameTerms: ['lithium'] },
];

/** The first class the medicine belongs to, by code first and then by name. */
export function highRiskClassOf(
  codes: readonly Coding[],
  name: string,
  classes: readonly HighRiskClass[] = DEFAULT_HIGH_RISK_CLASSES,
): string | undefined {
  for (const riskClass of classes) {
    if (codes.some((coding) => riskClass.codes.includes(coding.code))) return riskClass.name;
  }
  const words = new Set(name.toLowerCase().split(/[^a-z]+/));
  for (const riskClass of classes) {
    if (riskClass.nameTerms.some((term) => words.has(term))) return riskClass.name;
  }
  return undefined;
}
