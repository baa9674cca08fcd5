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
