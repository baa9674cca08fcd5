// Text from the record: hidden characters are removed as the model reads a string, and look-alike
// spellings are found. All data is synthetic.
import { expect } from '@open-wc/testing';
import { normaliseOptions } from '../options.js';
import { allergiesFromR4 } from '../r4/allergies.js';
import { cleanText } from './display-text.js';
import { lookalikeOf } from './lookalike.js';

const SCT = 'http://snomed.info/sct';
const RLO = '\u202E';

describe('cleanText: what the model keeps of a string', () => {
  it('removes bidi controls, zero-width and format characters', () => {
    expect(cleanText(`Peni${RLO}cillin`)).to.equal('Penicillin');
    expect(cleanText('Peni\u200Bcil\u200Dlin\uFEFF\u2066\u2069\u200F\u00AD')).to.equal(
      'Penicillin',
    );
    // Tag characters (astral, category Cf) and a lone surrogate.
    expect(cleanText('Aspirin\u{E0041}\u{E007F}\uD800')).to.equal('Aspirin');
  });

  it('turns control characters and line separators into spaces', () => {
    expect(cleanText('Latex\nallergy\u2028x\u0007y')).to.equal('Latex allergy x y');
  });

  it('cuts a stack of combining marks to four, keeping real accents', () => {
    const zalgo = `Z${'\u0301'.repeat(40)}algo`;
    expect(cleanText(zalgo)).to.equal(`Z${'\u0301'.repeat(4)}algo`);
    expect(cleanText('Nguyễn Thị Ánh')).to.equal('Nguyễn Thị Ánh');
    expect(cleanText('ईसाई')).to.equal('ईसाई');
  });

  it('returns a plain string unchanged, and keeps right-to-left letters', () => {
    const plain = 'Amoxicillin 500mg capsules';
    expect(cleanText(plain)).to.equal(plain);
    expect(cleanText('حساسية البنسلين')).to.equal('حساسية البنسلين');
  });

  it('the R4 allergy normaliser keeps no control in a display, a text or a reaction', () => {
    const section = allergiesFromR4(
      [
        {
          resourceType: 'AllergyIntolerance',
          id: 'a1',
          patient: { reference: 'Patient/pat' },
          clinicalStatus: 'active',
          criticality: 'high',
          code: { coding: [{ system: SCT, code: '91936005', display: `${RLO}Penicillin` }] },
          reaction: [{ manifestation: [{ text: `Rash${RLO}`, coding: [] }] }],
        },
        {
          resourceType: 'AllergyIntolerance',
          id: 'a2',
          patient: { reference: 'Patient/pat' },
          clinicalStatus: 'active',
          code: { text: `Lat\u200Bex${RLO}` },
        },
      ],
      { patientId: 'pat', options: normaliseOptions({ today: '2026-11-26' }) },
    );
    const json = JSON.stringify(section);
    expect(json).not.to.match(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    expect(section.entries.map((e) => e.display)).to.deep.equal(['Penicillin', 'Latex']);
  });
});

describe('lookalikeOf: look-alike spellings', () => {
  it('flags Cyrillic letters in a Latin medicine name', () => {
    // "Реnicillin": Cyrillic Р (U+0420) and е (U+0435).
    expect(lookalikeOf('\u0420\u0435nicillin V 250mg')).to.deep.equal({
      word: '\u0420\u0435nicillin',
      reason: 'mixed-alphabets',
      scripts: ['Cyrillic', 'Latin'],
    });
    // A Greek omicron in "Amoxicillin".
    expect(lookalikeOf('Am\u03BFxicillin')?.reason).to.equal('mixed-alphabets');
  });

  it('flags a word all in Cyrillic letters that look Latin', () => {
    expect(lookalikeOf('\u0421\u041E\u0420\u0415 tablets')).to.include({
      reason: 'lookalike-alphabet',
    });
  });

  it('flags compatibility forms of Latin letters', () => {
    expect(lookalikeOf('𝐏enicillin')?.reason).to.equal('unusual-letters');
    expect(lookalikeOf('Ｐenicillin')?.reason).to.equal('unusual-letters');
  });

  it('leaves real words alone: Latin, accents, Greek prefixes, other alphabets whole', () => {
    for (const ok of [
      'Amoxicillin 500mg capsules',
      'Crème E45',
      'β-blocker',
      '5α-reductase inhibitor',
      'Levothyroxine 25µg',
      'Аспирин',
      'حساسية البنسلين',
      'CT検査',
      undefined,
      '',
    ])
      expect(lookalikeOf(ok), String(ok)).to.equal(undefined);
  });
});
