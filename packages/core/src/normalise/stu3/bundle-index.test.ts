import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { NHS_NUMBER_SYSTEM } from '../../model/common.js';
import { BundleIndex, PatientMatcher } from './bundle-index.js';

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

describe('PatientMatcher.isOtherPatient', () => {
  it('judges a subject by the Patient its last two segments name, for any ids and references', () => {
    const part = fc
      .array(fc.constantFrom('P', 'a', '/', ' '), { minLength: 1, maxLength: 4 })
      .map((chars) => chars.join(''));
    const scenario = fc.record({ ownId: part, otherId: part }).chain(({ ownId, otherId }) =>
      fc.record({
        ownId: fc.constant(ownId),
        otherId: fc.constant(otherId),
        reference: fc.oneof(
          part.map((tail) => `Patient/${tail}`),
          fc.constantFrom(`Patient/${ownId}`, `Patient/${otherId}`, `x/Patient/${ownId}`),
        ),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ ownId, otherId, reference }) => {
        const patient = (id: string, nhsNumber: string) => ({
          resource: {
            resourceType: 'Patient',
            id,
            identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhsNumber }],
          },
        });
        const index = new BundleIndex({
          entry: [patient(ownId, '9434765919'), patient(otherId, '9999999999')],
        });
        const matcher = new PatientMatcher(index, '9434765919');
        // The reading: the last two non-empty segments are the type and the id.
        const parts = reference
          .trim()
          .split('/')
          .filter((segment) => segment.length > 0);
        const [type, id] = parts.length >= 2 ? parts.slice(-2) : [undefined, parts.at(-1)];
        const own = [...matcher.matchedIds];
        const expected = id
          ? (type !== undefined && type !== 'Patient') || !own.includes(id)
          : false;
        expect(matcher.isOtherPatient({ subject: { reference } }), reference).to.equal(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("a reference that is 'Patient/' and the patient's own id is still read by its last segments", () => {
    const index = new BundleIndex({
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            id: 'x/Patient/P2',
            identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9434765919' }],
          },
        },
      ],
    });
    const matcher = new PatientMatcher(index, '9434765919');
    expect(matcher.isOtherPatient({ subject: { reference: 'Patient/x/Patient/P2' } })).to.equal(
      true,
    );
  });
});
