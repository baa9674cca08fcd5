import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type {
  InvestigationResult,
  InvestigationsSection,
  Medication,
  MedicationsSection,
} from '../../model/clinical.js';
import { LOINC, READ_V2, SNOMED_CT, type Coding } from '../../model/common.js';
import { drugMonitoring } from './drug-monitoring.js';
import { highRiskClassOf } from './high-risk.js';
import { seriesOf } from './investigation-series.js';

const DMD = 'https://dmd.nhs.uk';
const INR_SCT: Coding = { system: SNOMED_CT, code: '165581004', display: 'INR' };
const INR_LOINC: Coding = { system: LOINC, code: '6301-6' };
const EGFR: Coding = { system: SNOMED_CT, code: '1011481000000105', display: 'eGFR' };
const CREATININE: Coding = { system: SNOMED_CT, code: '1000731000000107' };
const TSH: Coding = { system: SNOMED_CT, code: '1022791000000101' };
const LITHIUM_LOINC: Coding = { system: LOINC, code: '14334-7' };

function medication(name: string, options: Partial<Medication> = {}): Medication {
  return {
    id: `med-${name}`,
    codes: [],
    display: name,
    name,
    status: 'active',
    kind: 'repeat',
    current: true,
    issues: [],
    highRisk: false,
    provenance: { source: 'static' },
    ...options,
  };
}

let resultCount = 0;
function result(codes: Coding[], date: string | undefined, value: number): InvestigationResult {
  resultCount += 1;
  return {
    id: `r${resultCount}`,
    codes,
    display: codes[0]?.display ?? 'Result',
    status: 'final',
    value,
    ...(date && { date }),
    provenance: { source: 'static' },
  };
}

function sections(
  medications: Medication[],
  results: InvestigationResult[],
): [MedicationsSection, InvestigationsSection] {
  const diagnostics = { dropped: {}, unparseable: {} };
  return [
    { entries: medications, warnings: [], diagnostics },
    { entries: results, series: seriesOf(results), warnings: [], diagnostics },
  ];
}

/** `[medication name, test, latest result id]` rows, for compact assertions. */
function rows(medications: Medication[], results: InvestigationResult[]): string[][] {
  return drugMonitoring(...sections(medications, results)).map((m) => [
    m.medication.name,
    m.test,
    m.latest?.id ?? '-',
  ]);
}

describe('drugMonitoring', () => {
  it('puts the newest INR beside warfarin, whichever coding the result leads with', () => {
    const warfarin = medication('Warfarin 3mg tablets', {
      codes: [{ system: DMD, code: '42217611000001104' }],
    });
    const older = result([INR_SCT, INR_LOINC], '2026-10-01', 2.1);
    const newest = result([INR_LOINC], '2026-11-14', 2.6); // LOINC only, as UK Core labs send
    const middle = result([INR_SCT], '2026-10-30', 3.4);
    const monitored = drugMonitoring(...sections([warfarin], [older, newest, middle]));
    expect(monitored).to.have.length(1);
    expect(monitored[0]!.medication).to.equal(warfarin);
    expect(monitored[0]!.test).to.equal('INR');
    expect(monitored[0]!.latest).to.equal(newest);
  });

  it('says when the record holds no result for the test (latest absent)', () => {
    const warfarin = medication('Warfarin 1mg tablets');
    const monitored = drugMonitoring(...sections([warfarin], [result([EGFR], '2026-11-01', 50)]));
    expect(monitored).to.deep.equal([{ medication: warfarin, test: 'INR' }]);
  });

  it('lists only current medications', () => {
    const stopped = medication('Warfarin 3mg tablets', { current: false, status: 'stopped' });
    expect(rows([stopped], [result([INR_SCT], '2026-11-01', 2.5)])).to.deep.equal([]);
  });

  it('recognises a medicine as the high-risk marker does: code first, then the normalised name', () => {
    // A practice-local code and a brand name: only the name can say it is lithium.
    const priadel = medication('Priadel 400mg modified-release tablets', {
      codes: [{ system: 'local', code: 'PRIADEL-400-MR' }],
    });
    expect(highRiskClassOf(priadel.codes, priadel.name)).to.equal('lithium');
    // A DOAC code under a misleading display: the code decides.
    const apixaban = medication('Item 7', { codes: [{ system: SNOMED_CT, code: '774624002' }] });
    // Look-alike letters and zero-width characters do not hide warfarin.
    const warfarin = medication('W\u0430r\u200Bfarin 5mg tablets');
    const lithiumLevel = result([LITHIUM_LOINC], '2026-11-02', 0.7);
    const egfr = result([EGFR], '2026-11-03', 48);
    expect(rows([priadel, apixaban, warfarin], [lithiumLevel, egfr])).to.deep.equal([
      [priadel.name, 'Serum lithium', lithiumLevel.id],
      [priadel.name, 'eGFR', egfr.id],
      [priadel.name, 'TSH', '-'],
      [apixaban.name, 'eGFR', egfr.id],
      [apixaban.name, 'Creatinine', '-'],
      [warfarin.name, 'INR', '-'],
    ]);
  });

  it('follows the table for methotrexate, metformin and amiodarone', () => {
    const methotrexate = medication('Methotrexate 2.5mg tablets', {
      codes: [{ system: DMD, code: '41792011000001100' }],
    });
    const metformin = medication('Metformin 500mg modified-release tablets');
    const amiodarone = medication('Amiodarone 200mg tablets');
    const haemoglobin = result(
      [{ system: SNOMED_CT, code: '1022431000000105' }],
      '2026-09-01',
      121,
    );
    const whiteCells = result([{ system: SNOMED_CT, code: '1022541000000102' }], '2026-10-01', 3.1);
    const alt = result([{ system: SNOMED_CT, code: '1018251000000107' }], '2026-10-01', 40);
    const creatinine = result([CREATININE], '2026-08-01', 130);
    const tsh = result([TSH], '2026-07-01', 4.2);
    expect(
      rows([methotrexate, metformin, amiodarone], [haemoglobin, whiteCells, alt, creatinine, tsh]),
    ).to.deep.equal([
      [methotrexate.name, 'FBC', whiteCells.id],
      [methotrexate.name, 'LFTs', alt.id],
      [metformin.name, 'eGFR', '-'],
      [metformin.name, 'Creatinine', creatinine.id],
      [amiodarone.name, 'TSH', tsh.id],
    ]);
  });

  it('shows an antiepileptic level only where one is recorded', () => {
    const phenytoin = medication('Phenytoin sodium 100mg tablets');
    const tegretol = medication('Tegretol Retard 200mg tablets');
    const epilim = medication('Epilim Chrono 500 prolonged-release tablets');
    const lamotrigine = medication('Lamotrigine 100mg tablets');
    const carbamazepineLevel = result([{ system: LOINC, code: '3432-2' }], '2026-06-01', 8);
    expect(rows([phenytoin, tegretol, epilim, lamotrigine], [carbamazepineLevel])).to.deep.equal([
      [tegretol.name, 'Carbamazepine level', carbamazepineLevel.id],
    ]);
  });

  it('matches a test by system and code together, and prefers a dated result to an undated one', () => {
    const warfarin = medication('Warfarin 3mg tablets');
    const wrongSystem = result([{ system: 'local', code: '165581004' }], '2026-11-19', 9.9);
    const undated = result([INR_SCT], undefined, 4.0);
    const dated = result([INR_SCT], '2025-01-01', 2.2);
    expect(rows([warfarin], [wrongSystem, undated, dated])).to.deep.equal([
      [warfarin.name, 'INR', dated.id],
    ]);
    expect(rows([warfarin], [undated])).to.deep.equal([[warfarin.name, 'INR', undated.id]]);
  });

  it('reads a Read v2 serum lithium level, and nothing for medicines that need no monitoring', () => {
    const lithium = medication('Lithium carbonate 400mg modified-release tablets');
    const level = result([{ system: READ_V2, code: '44W8.00' }], '2026-05-05', 0.5);
    expect(rows([lithium, medication('Paracetamol 500mg tablets')], [level])).to.deep.equal([
      [lithium.name, 'Serum lithium', level.id],
      [lithium.name, 'eGFR', '-'],
      [lithium.name, 'TSH', '-'],
    ]);
    // The same Read v2 concept without its term code, as some suppliers send it.
    const bare = { ...level, id: 'bare', codes: [{ system: READ_V2, code: '44W8.' }] };
    expect(rows([lithium], [bare])[0]).to.deep.equal([lithium.name, 'Serum lithium', 'bare']);
  });
});
