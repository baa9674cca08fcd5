// Tetanus-containing vaccinations by name (see tetanus-vaccines.ts for the names and sources).
// The terms below are the forms records use: dm+d AMP names (brand only), SNOMED CT vaccination
// terms, UK abbreviations; the negatives are vaccines and records that must never count.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { Immunisation } from '../../model/clinical.js';
import { isTetanusContaining, lastTetanusVaccination } from './tetanus-vaccines.js';

const SNOMED = 'http://snomed.info/sct';

function given(display: string, date?: string, extra: Partial<Immunisation> = {}): Immunisation {
  return {
    id: `${display}-${date ?? 'undated'}`,
    codes: [{ system: SNOMED, code: '0', display }],
    display,
    status: 'completed',
    provenance: { source: 'fhir-r4' },
    ...(date && { date }),
    ...extra,
  };
}

describe('tetanus-containing vaccinations', () => {
  it('are recognised by tetanus, UK abbreviations and brands whose every product contains it', () => {
    for (const term of [
      'Revaxis vaccine suspension for injection 0.5ml pre-filled syringes (Sanofi Pasteur)',
      'Diphtheria, tetanus and inactivated polio vaccination',
      'Tetanus booster',
      'Infanrix Hexa vaccine powder and suspension for suspension for injection 0.5ml pre-filled syringes (GlaxoSmithKline UK Ltd)',
      'Boostrix-IPV suspension for injection 0.5ml pre-filled syringes (GlaxoSmithKline UK Ltd)',
      'Repevax vaccine suspension for injection 0.5ml pre-filled syringes',
      'Pediacel vaccine suspension for injection 0.5ml pre-filled syringes',
      'Vaxelis vaccine suspension for injection 0.5ml pre-filled syringes (Sanofi)',
      'Td/IPV booster',
      'DTaP/IPV/Hib/HepB vaccination',
      'dTaP/IPV pre-school booster',
    ])
      expect(isTetanusContaining(given(term)), term).to.equal(true);
  });

  it('never counts other vaccines, immunoglobulin, or a record of one not done', () => {
    for (const term of [
      'Influenza vaccine (split virion, inactivated) suspension for injection 0.5ml pre-filled syringes (Pfizer Ltd)',
      'Measles-mumps-rubella vaccination',
      'First hepatitis A vaccination',
      'Human tetanus immunoglobulin 250unit/1ml solution for injection',
      'Tetanus vaccination not done',
      'Tetanus vaccine contraindicated',
      'Detapine', // no word boundary match: not "DTP"
    ])
      expect(isTetanusContaining(given(term)), term).to.equal(false);
  });

  it('reads every coding, not only the term shown (a procedure named by its vaccine code)', () => {
    const procedure = given('Booster vaccination', '2016-04-22', {
      codes: [
        { system: SNOMED, code: '1', display: 'Booster vaccination' },
        { system: 'https://dmd.nhs.uk', code: '7374311000001101', display: 'Revaxis vaccine' },
      ],
    });
    expect(isTetanusContaining(procedure)).to.equal(true);
  });

  it('the last one is the newest given: a dose not given does not count, undated ones come last', () => {
    const section = {
      entries: [
        given('Revaxis vaccine', '2009-05-01'),
        given('Revaxis vaccine', '2021-02', { status: 'not-done' }),
        given('Tetanus booster'),
        given('Td/IPV booster', '2016-04-22'),
        given('Influenza vaccine', '2025-10-14'),
      ],
      warnings: [],
      diagnostics: { dropped: {}, unparseable: {} },
    };
    expect(lastTetanusVaccination(section)?.date).to.equal('2016-04-22');
    expect(
      lastTetanusVaccination({ ...section, entries: [given('Tetanus booster')] })?.display,
    ).to.equal('Tetanus booster');
    expect(lastTetanusVaccination({ ...section, entries: [given('Influenza vaccine')] })).to.equal(
      undefined,
    );
  });
});
