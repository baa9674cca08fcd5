import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { BundleIndex } from './bundle-index.js';

describe('BundleIndex.target: the type and id a reference names', () => {
  it('reads the last two non-empty segments, as splitting on "/" does, for any reference', () => {
    const reference = fc
      .array(fc.constantFrom('/', 'a', 'P', '1', '-', ':', '.'), { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(reference, (value) => {
        const parts = value.split('/').filter((part) => part.length > 0);
        const { type, id } = BundleIndex.target({ reference: value });
        expect({ type, id }, value).to.deep.equal({
          type: parts.length >= 2 ? parts.at(-2) : undefined,
          id: parts.at(-1),
        });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads doubled types, absolute URLs and bare ids', () => {
    expect(
      BundleIndex.target({ reference: 'MedicationRequest/MedicationRequest/x' }),
    ).to.deep.equal({ type: 'MedicationRequest', id: 'x' });
    expect(BundleIndex.target({ reference: 'https://example.org/fhir/Patient/p1/' })).to.deep.equal(
      { type: 'Patient', id: 'p1' },
    );
    expect(BundleIndex.target({ reference: 'plan-1' })).to.deep.equal({
      type: undefined,
      id: 'plan-1',
    });
  });
});
