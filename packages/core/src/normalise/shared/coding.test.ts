import { expect } from '@open-wc/testing';
import { namesSensitiveTerm } from '../../policy/sensitive-match.js';
import type { Entry } from '../../model/common.js';
import fc from 'fast-check';
import { codingsOf, codingsOfEach, firstCodeOf } from './coding.js';
import { array } from './read.js';

const SCT = 'http://snomed.info/sct';

describe('codingsOf: the term as recorded', () => {
  it('shows a GP Connect descriptionDisplay and keeps the preferred term', () => {
    const codes = codingsOf({
      coding: [
        {
          system: SCT,
          code: '1697821000006102',
          display: 'Right arm',
          extension: [
            {
              url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-coding-sctdescid',
              extension: [
                { url: 'descriptionId', valueId: '1697821000006118' },
                { url: 'descriptionDisplay', valueString: 'Left arm' },
              ],
            },
          ],
        },
      ],
    });
    expect(codes).to.deep.equal([
      { system: SCT, code: '1697821000006102', display: 'Left arm', preferredTerm: 'Right arm' },
    ]);
  });

  it('reads the UK Core R4 extension, and keeps one term when both say the same', () => {
    const uk = (term: string) => ({
      coding: [
        {
          system: SCT,
          code: '162397003',
          display: 'Pain in throat',
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/coding-sctdescid', valueId: '1' },
            {
              url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-CodingSCTDescDisplay',
              valueString: term,
            },
          ],
        },
      ],
    });
    expect(codingsOf(uk('Sore throat'))[0]).to.deep.equal({
      system: SCT,
      code: '162397003',
      display: 'Sore throat',
      preferredTerm: 'Pain in throat',
    });
    expect(codingsOf(uk('pain in throat'))[0]).to.deep.equal({
      system: SCT,
      code: '162397003',
      display: 'Pain in throat',
    });
  });

  it('ignores a description extension on a code system other than SNOMED CT, and blank terms', () => {
    const extension = [
      {
        url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-coding-sctdescid',
        extension: [{ url: 'descriptionDisplay', valueString: '  ' }],
      },
    ];
    expect(
      codingsOf({
        coding: [
          { system: 'http://read.info/readv2', code: 'TJ008', display: 'Read term', extension },
          { system: SCT, code: '1', display: 'Preferred', extension },
        ],
      }).map((c) => c.display),
    ).to.deep.equal(['Read term', 'Preferred']);
  });

  it('matches a sensitive name by the preferred term when the chosen description hides it', () => {
    const entry = {
      id: 'e1',
      display: 'Status post',
      codes: [
        {
          system: SCT,
          code: '1',
          display: 'Status post',
          preferredTerm: 'Human immunodeficiency virus infection',
        },
      ],
    } as unknown as Entry;
    // The default lexicon's own term, seen only through the preferred term.
    expect(namesSensitiveTerm(entry)).to.equal(true);
    const withoutPreferred = {
      ...entry,
      codes: [{ system: SCT, code: '1', display: 'Status post' }],
    };
    expect(namesSensitiveTerm(withoutPreferred)).to.equal(false);
  });
});

/** Anything a supplier might send where a CodeableConcept belongs. */
const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined));
const coding = fc.oneof(
  fc.record({ system: value, code: value, display: value }, { requiredKeys: [] }),
  value,
);
const concept = fc.oneof(
  fc.record({ coding: fc.oneof(fc.array(coding, { maxLength: 4 }), coding) }, { requiredKeys: [] }),
  value,
);

describe('firstCodeOf', () => {
  it('is the first coding codingsOf keeps, whatever the concept holds', () => {
    fc.assert(
      fc.property(concept, (c) => {
        expect(firstCodeOf(c)).to.equal(codingsOf(c)[0]?.code);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('codingsOfEach', () => {
  it('is every concept’s codings in order, a lone concept read as a list of one, whatever is sent', () => {
    const concepts = fc.oneof(fc.array(concept, { maxLength: 4 }), concept);
    fc.assert(
      fc.property(concepts, (c) => {
        expect(codingsOfEach(c)).to.deep.equal(array(c).flatMap((one) => codingsOf(one)));
      }),
      { numRuns: 2000 },
    );
  });
});
