import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { DEFAULT_HIGH_RISK_CLASSES, highRiskClassOf } from './high-risk.js';

const DMD = 'https://dmd.nhs.uk';
const SNOMED = 'http://snomed.info/sct';

describe('high-risk medicine classes', () => {
  it('matches a dm+d code under either system', () => {
    expect(
      highRiskClassOf([{ system: DMD, code: '42217611000001104' }], 'Warfarin 3mg tablets'),
    ).to.equal('anticoagulant');
    expect(highRiskClassOf([{ system: SNOMED, code: '42217611000001104' }], '')).to.equal(
      'anticoagulant',
    );
  });

  it('falls back to whole words of the name when the code is not in any class', () => {
    expect(
      highRiskClassOf([{ system: 'local', code: 'X1' }], 'Insulin glargine 100units/ml'),
    ).to.equal('insulin');
    expect(highRiskClassOf([], 'Morphine sulfate 10mg/5ml oral solution')).to.equal('opioid');
    expect(highRiskClassOf([], 'Levetiracetam 500mg tablets')).to.equal('antiepileptic');
    expect(highRiskClassOf([], 'Lithium carbonate 400mg modified-release tablets')).to.equal(
      'lithium',
    );
    // Whole words only: "insulinoma" is not insulin.
    expect(highRiskClassOf([], 'Insulinoma screening kit')).to.equal(undefined);
    expect(highRiskClassOf([], 'Paracetamol 500mg tablets')).to.equal(undefined);
  });

  it('uses the classes a deployment configures instead of the defaults', () => {
    const classes = [{ name: 'nsaid', codes: [], nameTerms: ['ibuprofen'] }];
    expect(highRiskClassOf([], 'Ibuprofen 400mg tablets', classes)).to.equal('nsaid');
    expect(
      highRiskClassOf(
        [{ system: DMD, code: '42217611000001104' }],
        'Warfarin 3mg tablets',
        classes,
      ),
    ).to.equal(undefined);
    expect(DEFAULT_HIGH_RISK_CLASSES.map((c) => c.name)).to.include.members([
      'anticoagulant',
      'insulin',
      'opioid',
      'antiepileptic',
      'methotrexate',
      'lithium',
    ]);
  });
});

describe('high-risk medicines: brands, combinations and look-alike spellings', () => {
  const classOf = (
    name: string,
    codes: { system: string; code: string; display?: string }[] = [],
  ) => highRiskClassOf(codes, name);

  it('marks brand-name insulins, lithium, opioids, anticoagulants and antiepileptics', () => {
    const cases: [string, string][] = [
      ['Lantus 100units/ml SoloStar', 'insulin'],
      ['Abasaglar KwikPen 100units/ml', 'insulin'],
      ['Toujeo 300units/ml DoubleStar', 'insulin'],
      ['Humalog Mix25 KwikPen', 'insulin'],
      ['NovoRapid FlexPen 100units/ml', 'insulin'],
      ['Levemir FlexPen', 'insulin'],
      ['Tresiba FlexTouch 100units/ml', 'insulin'],
      ['Humulin I KwikPen', 'insulin'],
      ['Insulatard InnoLet', 'insulin'],
      ['Priadel 400mg modified-release tablets', 'lithium'],
      ['Camcolit 250 tablets', 'lithium'],
      ['Li-Liquid 509mg/5ml oral solution', 'lithium'],
      ['Oramorph 10mg/5ml oral solution', 'opioid'],
      ['Zomorph 30mg modified-release capsules', 'opioid'],
      ['MST Continus 10mg tablets', 'opioid'],
      ['OxyContin 10mg modified-release tablets', 'opioid'],
      ['Longtec 5mg tablets', 'opioid'],
      ['Durogesic DTrans 25micrograms/hour patches', 'opioid'],
      ['BuTrans 5micrograms/hour patches', 'opioid'],
      ['Zydol 50mg capsules', 'opioid'],
      ['Marevan 1mg tablets', 'anticoagulant'],
      ['Eliquis 5mg tablets', 'anticoagulant'],
      ['Xarelto 20mg tablets', 'anticoagulant'],
      ['Lixiana 60mg tablets', 'anticoagulant'],
      ['Pradaxa 150mg capsules', 'anticoagulant'],
      ['Epilim Chrono 500 prolonged-release tablets', 'antiepileptic'],
      ['Tegretol Retard 200mg tablets', 'antiepileptic'],
      ['Keppra 500mg tablets', 'antiepileptic'],
      ['Lamictal 100mg tablets', 'antiepileptic'],
      ['Metoject PEN 15mg/0.3ml', 'methotrexate'],
    ];
    for (const [name, expected] of cases) expect(classOf(name), name).to.equal(expected);
  });

  it('marks combination products by the high-risk ingredient they contain', () => {
    expect(classOf('Co-codamol 30mg/500mg tablets')).to.equal('opioid');
    expect(classOf('Co-dydramol 10mg/500mg tablets')).to.equal('opioid');
    expect(classOf('Cocodamol 8/500 effervescent')).to.equal('opioid');
    expect(classOf('Paracetamol 500mg tablets')).to.equal(undefined);
  });

  it('sees through case, zero-width characters, accents, full-width and look-alike letters', () => {
    const spellings = [
      'WARFARIN 3MG TABLETS',
      'War\u200Bfarin 3mg tablets', // zero-width space
      'Warf\u00ADarin 3mg tablets', // soft hyphen
      'Warfa\u2060rin', // word joiner
      'Ｗａｒｆａｒｉｎ 3mg', // full-width letters (NFKC)
      'Wárfarin 3mg', // accent
      'W\u0430rfarin 3mg', // Cyrillic a
      'W.A.R.F.A.R.I.N 3mg',
    ];
    for (const name of spellings)
      expect(classOf(name), JSON.stringify(name)).to.equal('anticoagulant');
    expect(classOf('co\u200B-\u200Bcodamol 30/500')).to.equal('opioid');
    // Whole words still: a word that merely contains a term is not the medicine.
    expect(classOf('Heparinoid cream')).to.equal(undefined);
    expect(classOf('Glargineless base')).to.equal(undefined);
    // Devices named after insulin are not insulin; the insulin itself still is.
    expect(classOf('BD Viva insulin pen needles 4mm/32gauge')).to.equal(undefined);
    expect(classOf('Insulin syringes U100 1ml with needle')).to.equal(undefined);
    expect(classOf('Insulin aspart 100units/ml solution for injection')).to.equal('insulin');
  });

  it('code wins: one code gives one answer whatever the display says', () => {
    const apixabanVtm = { system: SNOMED, code: '774624002' };
    for (const display of ['Apixaban', 'Paracetamol 500mg tablets', '', 'Zzz']) {
      expect(classOf(display, [{ ...apixabanVtm, display }]), display).to.equal('anticoagulant');
    }
    // A code in one class is not overridden by a name from another.
    expect(
      classOf('Morphine (mislabelled)', [{ system: DMD, code: '42217611000001104' }]),
    ).to.equal('anticoagulant');
    // The GP2GP oxycodone product concept and co-codamol, by code under either system.
    expect(classOf('', [{ system: SNOMED, code: '430127000' }])).to.equal('opioid');
    expect(classOf('', [{ system: DMD, code: '412556009' }])).to.equal('opioid');
  });

  it('reads a coding display when the medicine name is not the branded one', () => {
    expect(
      classOf('Item 1', [{ system: 'local', code: 'L1', display: 'Lantus SoloStar 100units/ml' }]),
    ).to.equal('insulin');
  });
});
