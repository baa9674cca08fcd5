// Allergy fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/**
 * Allergy fragments 1-13 and 17-24, "without-assertedDate" and "without-endDate" are resolved
 * allergies coded only by the text "test" (no coding): shown by that term, marked uncoded,
 * resolved, never dropped. 14, 15, 16 and 25 are coded (SNOMED CT with Read v2).
 */
const uncodedResolvedTest = (s: Sections) => {
  expect(s.allergies?.entries).to.have.length(1);
  expect(s.allergies?.entries[0]).to.include({
    display: 'test',
    uncoded: true,
    status: 'resolved',
  });
  expect(s.allergies?.state).to.equal('recorded');
};
export const allergyFiles: Expectations = {
  'example-allergy-intolerance-resource-14.json': (s) => {
    expect(s.allergies?.entries[0]).to.include({
      display: 'Allergy to penicillin',
      status: 'active',
      date: '2020-07-24',
      category: 'medication',
    });
    expect(s.allergies?.entries[0]).not.to.have.property('uncoded');
  },
  'example-allergy-intolerance-resource-15.json': (s) => {
    expect(s.allergies?.entries[0]).to.include({
      display: 'Allergic reaction to wasp sting',
      category: 'environment',
      date: '2010-01-14',
    });
    expect(s.allergies?.entries[0]?.codes.map((c) => c.code)).to.deep.equal([
      'SN59200',
      '300909004',
    ]);
  },
  'example-allergy-intolerance-resource-16.json': (s) => {
    // SNOMED CT's term is preferred over the Read v2 "H/O: aspirin allergy".
    expect(s.allergies?.entries[0]).to.include({ display: 'Aspirin allergy', status: 'active' });
  },
  'example-allergy-intolerance-resource-25.json': (s) => {
    // No onset: dated by its asserted date; resolved. Shown by the term the clinician chose (the
    // Read term and the SNOMED CT descriptionDisplay agree), not the preferred term
    // "Pivampicillin adverse reaction".
    expect(s.allergies?.entries[0]).to.include({
      display: 'Adverse reaction to pivampicillin',
      status: 'resolved',
      date: '2019-01-28T13:43:36.107+00:00',
    });
  },
  'example-allergy-intolerance-resource-1.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]).to.include({ date: '1978-12-31', onset: '1978-12-31' });
  },
  'example-allergy-intolerance-resource-7.json': (s) => {
    uncodedResolvedTest(s);
    // No onset: dated by its asserted date.
    expect(s.allergies?.entries[0]?.date).to.equal('2010-01-14T09:57:57.33+00:00');
  },
  'example-allergy-intolerance-resource-12.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]?.category).to.equal('biologic');
  },
  'example-allergy-intolerance-resource-13.json': (s) => {
    uncodedResolvedTest(s);
    expect(s.allergies?.entries[0]).not.to.have.property('category');
  },
  'example-allergy-intolerance-resource-without-assertedDate.json': uncodedResolvedTest,
  'example-allergy-intolerance-resource-without-endDate.json': uncodedResolvedTest,
  'fhir-bundle.json': (s) => {
    // Conditions and RelatedPersons only: no allergy area in it.
    expect(s).not.to.have.property('allergies');
  },
};
for (const n of [2, 3, 4, 5, 6, 8, 9, 10, 11, 17, 18, 19, 20, 21, 22, 23, 24])
  allergyFiles[`example-allergy-intolerance-resource-${n}.json`] = uncodedResolvedTest;
