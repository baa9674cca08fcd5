import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { READ_V2, SNOMED_CT } from '../../model/common.js';
import type { RiskWarning } from '../../model/clinical.js';
import { isEndOfLifeWarning, riskWarningsByPriority } from './risk-warning-priority.js';

/** A model warning (synthetic terms; codes only where the rule reads them). */
function warning(id: string, overrides: Partial<RiskWarning> = {}): RiskWarning {
  return {
    id,
    codes: [],
    display: id,
    status: 'active',
    category: [
      { system: 'http://example.org/flag-category', code: 'clinical', display: 'Clinical' },
    ],
    provenance: { source: 'static' },
    ...overrides,
  };
}

describe('risk warning priority', () => {
  it('knows resuscitation decisions by SNOMED CT code, whatever the term says', () => {
    const coded = warning('Flag 1', {
      codes: [{ system: SNOMED_CT, code: '450476008' }],
    });
    expect(isEndOfLifeWarning(coded)).to.equal(true);
    // The same code in another system is not the SNOMED CT concept.
    const other = warning('Flag 2', { codes: [{ system: READ_V2, code: '450476008' }] });
    expect(isEndOfLifeWarning(other)).to.equal(false);
  });

  it('knows palliative care and DNACPR by term, on the entry or its category', () => {
    expect(isEndOfLifeWarning(warning('DNACPR decision'))).to.equal(true);
    expect(isEndOfLifeWarning(warning('On palliative care register'))).to.equal(true);
    expect(isEndOfLifeWarning(warning('End of life care plan'))).to.equal(true);
    const byCategory = warning('Preferred place of death: home', {
      category: [{ system: 'http://example.org', code: 'eol', display: 'End-of-life care' }],
    });
    expect(isEndOfLifeWarning(byCategory)).to.equal(true);
    expect(isEndOfLifeWarning(warning('At risk of falls'))).to.equal(false);
    expect(isEndOfLifeWarning(warning('Palliation of symptoms'))).to.equal(false);
  });

  it('puts end-of-life warnings first, then the rest, each newest first with undated last', () => {
    const falls = warning('At risk of falls', { start: '2026-01-10' });
    const violent = warning('Violent patient', { start: '2019-05-01' });
    const undated = warning('Lives alone');
    const dnacpr = warning('Not for resuscitation', { start: '2024-02-01' });
    const palliative = warning('Palliative care', { start: '2025-03-01' });
    const input = [falls, undated, dnacpr, violent, palliative];
    expect(riskWarningsByPriority(input).map((w) => w.display)).to.deep.equal([
      'Palliative care',
      'Not for resuscitation',
      'At risk of falls',
      'Violent patient',
      'Lives alone',
    ]);
    expect(input[0]).to.equal(falls);
  });
});
