import type { HighRiskClass } from './high-risk.js';

/** The codes and names of one medicine or group, shared by a class here and drug monitoring. */
export type MedicineTerms = Pick<HighRiskClass, 'codes' | 'nameTerms'>;

// Medicine groups that drug monitoring (drug-monitoring.ts) also needs one by one: each list is
// kept once, here, and the classes below are built from them.

export const WARFARIN: MedicineTerms = {
  codes: [
    '48603004', // Warfarin (VTM, previous id)
    '777947006', // Warfarin (VTM)
    '319733000', // Warfarin 1mg tablets (VMP, previous id)
    '42217511000001103', // Warfarin 1mg tablets (VMP)
    '319734006', // Warfarin 3mg tablets (VMP, previous id)
    '42217611000001104', // Warfarin 3mg tablets (VMP)
    '319735007', // Warfarin 5mg tablets (VMP, previous id)
    '42217911000001105', // Warfarin 5mg tablets (VMP)
    '319736008', // Warfarin 500microgram tablets (VMP)
    '375374009', // Warfarin 4mg tablets (VMP)
  ],
  nameTerms: ['warfarin', 'marevan'],
};

/** Direct oral anticoagulants. */
export const DOACS: MedicineTerms = {
  codes: [
    '774624002', // Apixaban (VTM)
    '19510611000001104', // Apixaban (VTM, previous id)
    '703907006', // Apixaban 2.5mg tablets (VMP)
    '703908001', // Apixaban 5mg tablets (VMP, previous id)
    '42206511000001102', // Apixaban 5mg tablets (VMP)
    '777455008', // Rivaroxaban (VTM)
    '442539005', // Rivaroxaban (VTM, previous id)
    '27810711000001104', // Rivaroxaban 2.5mg tablets (VMP)
    '14254711000001104', // Rivaroxaban 10mg tablets (VMP)
    '19842111000001101', // Rivaroxaban 15mg tablets (VMP)
    '19842211000001107', // Rivaroxaban 20mg tablets (VMP)
    '775732007', // Edoxaban (VTM)
    '13568411000001103', // Dabigatran etexilate (VTM)
    '13532911000001104', // Dabigatran etexilate 75mg capsules (VMP)
    '13532811000001109', // Dabigatran etexilate 110mg capsules (VMP)
    '19469811000001101', // Dabigatran etexilate 150mg capsules (VMP)
  ],
  nameTerms: [
    'apixaban',
    'eliquis',
    'rivaroxaban',
    'xarelto',
    'edoxaban',
    'lixiana',
    'dabigatran',
    'pradaxa',
  ],
};

export const PHENYTOIN: MedicineTerms = { codes: [], nameTerms: ['phenytoin', 'epanutin'] };
export const CARBAMAZEPINE: MedicineTerms = {
  codes: [],
  nameTerms: ['carbamazepine', 'tegretol', 'carbagen'],
};
export const VALPROATE: MedicineTerms = {
  codes: [],
  nameTerms: [
    'valproate',
    'valproic',
    'epilim',
    'episenta',
    'epival',
    'dyzantil',
    'depakote',
    'convulex',
  ],
};
export const LAMOTRIGINE: MedicineTerms = { codes: [], nameTerms: ['lamotrigine', 'lamictal'] };

export const METHOTREXATE: MedicineTerms = {
  codes: ['41792011000001100'], // Methotrexate 2.5mg tablets (VMP)
  nameTerms: ['methotrexate', 'maxtrex', 'metoject', 'nordimet', 'zlatal', 'jylamvo'],
};

export const LITHIUM: MedicineTerms = {
  codes: [],
  nameTerms: ['lithium', 'priadel', 'camcolit', 'liskonum', 'li-liquid', 'lithonate'],
};

/**
 * The default high-risk classes: the UK "APINCH" high-alert medicines (anti-infectives left out:
 * the aminoglycosides and vancomycin it names are hospital IV medicines, not GP record items;
 * Potassium, Insulins, Narcotics (opioids), Chemotherapy, Heparin and other anticoagulants) plus
 * the NHS high-risk lists' antiepileptics, methotrexate and lithium.
 *
 * Codes (dm+d VTM/VMP ids and SNOMED CT product concepts, matched under any system, so both
 * `http://snomed.info/sct` and `https://dmd.nhs.uk`) each verified against a published source,
 * listed in docs/record-model.md ("High-risk medicines"). Codes that could not be verified are
 * not here: those medicines are caught by name.
 *
 * Name terms are whole words or phrases (matched on normalised text, see medicine-name.ts):
 * ingredients (dm+d VTM names), UK brand names (dm+d AMP / BNF presentation names) and
 * combination products named after a high-risk ingredient (co-codamol = codeine + paracetamol).
 */
export const DEFAULT_HIGH_RISK_CLASSES: readonly HighRiskClass[] = [
  {
    name: 'anticoagulant',
    codes: [...WARFARIN.codes, ...DOACS.codes],
    nameTerms: [
      ...WARFARIN.nameTerms,
      'acenocoumarol',
      'sinthrome',
      'phenindione',
      ...DOACS.nameTerms,
      'heparin',
      'enoxaparin',
      'clexane',
      'inhixa',
      'dalteparin',
      'fragmin',
      'tinzaparin',
      'innohep',
      'fondaparinux',
      'arixtra',
    ],
  },
  {
    name: 'insulin',
    codes: [],
    nameTerms: [
      'insulin',
      // Insulin analogues named without the word "insulin".
      'glargine',
      'detemir',
      'degludec',
      'aspart',
      'lispro',
      'glulisine',
      // Brands.
      'lantus',
      'abasaglar',
      'toujeo',
      'semglee',
      'humalog',
      'admelog',
      'lyumjev',
      'novorapid',
      'fiasp',
      'trurapi',
      'apidra',
      'levemir',
      'tresiba',
      'humulin',
      'insulatard',
      'actrapid',
      'novomix',
      'insuman',
      'hypurin',
      'xultophy',
      'suliqua',
    ],
    // Devices named after insulin are not insulin.
    exceptTerms: ['needle', 'needles', 'syringe', 'syringes', 'sharps', 'pump', 'test'],
  },
  {
    name: 'opioid',
    codes: [
      '430127000', // Oxycodone-containing product in oral dose form (SNOMED CT)
      '412556009', // Product containing codeine and paracetamol (SNOMED CT; co-codamol)
    ],
    nameTerms: [
      'morphine',
      'oramorph',
      'zomorph',
      'mst continus',
      'sevredol',
      'mxl',
      'diamorphine',
      'oxycodone',
      'oxycontin',
      'oxynorm',
      'longtec',
      'shortec',
      'targinact',
      'fentanyl',
      'durogesic',
      'matrifen',
      'abstral',
      'effentora',
      'instanyl',
      'pecfent',
      'buprenorphine',
      'butrans',
      'transtec',
      'subutex',
      'espranor',
      'buvidal',
      'codeine',
      'co-codamol',
      'kapake',
      'solpadol',
      'zapain',
      'tylex',
      'dihydrocodeine',
      'co-dydramol',
      'df118',
      'tramadol',
      'zydol',
      'zamadol',
      'tramacet',
      'maxitram',
      'tapentadol',
      'palexia',
      'methadone',
      'physeptone',
      'hydromorphone',
      'palladone',
      'pethidine',
      'meptazinol',
      'pentazocine',
      'alfentanil',
      'remifentanil',
    ],
  },
  {
    name: 'antiepileptic',
    codes: [],
    nameTerms: [
      'levetiracetam',
      'keppra',
      'desitrend',
      ...LAMOTRIGINE.nameTerms,
      ...VALPROATE.nameTerms,
      ...CARBAMAZEPINE.nameTerms,
      ...PHENYTOIN.nameTerms,
      'phenobarbital',
      'phenobarbitone',
      'primidone',
      'mysoline',
      'topiramate',
      'topamax',
      'lacosamide',
      'vimpat',
      'clobazam',
      'frisium',
      'zonisamide',
      'zonegran',
      'ethosuximide',
      'zarontin',
      'emeside',
      'oxcarbazepine',
      'trileptal',
      'eslicarbazepine',
      'zebinix',
      'brivaracetam',
      'briviact',
      'perampanel',
      'fycompa',
      'rufinamide',
      'inovelon',
      'stiripentol',
      'diacomit',
      'cenobamate',
      'ontozry',
      'vigabatrin',
      'sabril',
      'tiagabine',
    ],
  },
  {
    name: 'methotrexate',
    ...METHOTREXATE,
  },
  {
    name: 'lithium',
    ...LITHIUM,
  },
  {
    name: 'potassium',
    codes: [],
    // Potassium chloride (the APINCH "P"): concentrated injection above all, and oral forms.
    nameTerms: ['potassium chloride'],
  },
  {
    name: 'chemotherapy',
    codes: [],
    // Oral cytotoxic medicines a GP record may hold (shared-care prescribing).
    nameTerms: [
      'capecitabine',
      'cyclophosphamide',
      'chlorambucil',
      'melphalan',
      'busulfan',
      'hydroxycarbamide',
      'mercaptopurine',
      'tioguanine',
      'temozolomide',
      'lomustine',
      'procarbazine',
    ],
  },
];
