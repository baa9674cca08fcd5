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

describe('BundleIndex.resolve', () => {
  /**
   * What resolve answers by reading the reference: the first top-level resource of the type and
   * id it names, a bare id taking the expected type, a `#` one only inside its container.
   */
  function readingOf(
    resources: { resourceType: string; id: string }[],
    reference: string,
    expectedType: string | undefined,
  ) {
    const value = reference.trim();
    if (!value || value.startsWith('#')) return undefined;
    const parts = value.split('/').filter((part) => part.length > 0);
    const type = parts.length >= 2 ? parts.at(-2)! : expectedType;
    const id = parts.at(-1);
    if (!id || !type || (expectedType && type !== expectedType)) return undefined;
    return resources.find((r) => r.resourceType.trim() === type && r.id.trim() === id);
  }

  it('finds what reading the reference finds, for any types, ids and references', () => {
    const part = fc
      .array(fc.constantFrom('P', 'a', '1', '/', '#', ' ', '-'), { minLength: 1, maxLength: 5 })
      .map((chars) => chars.join(''));
    const scenario = fc
      .array(fc.record({ resourceType: part, id: part }), { minLength: 1, maxLength: 6 })
      .chain((resources) =>
        fc.record({
          resources: fc.constant(resources),
          reference: fc.oneof(
            part,
            fc.constantFrom(...resources).map((r) => `${r.resourceType}/${r.id}`),
            fc
              .constantFrom(...resources)
              .map((r) => `https://x.org/fhir/${r.resourceType}/${r.id}`),
            fc.constantFrom(...resources).map((r) => ` ${r.resourceType.trim()}/${r.id.trim()} `),
          ),
          expectedType: fc.option(
            fc.oneof(part, fc.constantFrom(...resources.map((r) => r.resourceType))),
            {
              nil: undefined,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ resources, reference, expectedType }) => {
        const index = new BundleIndex({ entry: resources.map((resource) => ({ resource })) });
        const expected = readingOf(resources, reference, expectedType);
        expect(
          index.resolve({ reference }, expectedType),
          JSON.stringify({ reference, expectedType }),
        ).to.equal(expected);
        expect(index.resolve(reference, expectedType)).to.equal(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
