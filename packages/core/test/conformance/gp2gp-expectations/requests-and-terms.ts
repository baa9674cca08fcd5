// ProcedureRequest and CodeableConcept fragments: per-file expectations written from reading
// each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/**
 * A ProcedureRequest (status active, intent plan or proposal, named by the text "test") asks for
 * something to be done: it must never be shown as a performed procedure, nor as an event.
 */
const notAProcedure = (s: Sections) => {
  expect(s.procedures?.entries).to.have.length(0);
  expect(s.events?.entries).to.have.length(0);
  expect(JSON.stringify(s.procedures)).not.to.contain('1B1C6F50');
};

export const procedureRequestFiles: Expectations = {
  ...Object.fromEntries(
    [
      'procedure-request-resource-0.json',
      'procedure-request-resource-1.json',
      'procedure-request-resource-2.json',
      'procedure-request-resource-4.json',
      'procedure-request-resource-5.json',
      'procedure-request-resource-8.json',
      'procedure-request-resource-9.json',
      'procedure-request-resource-with-multiple-supportInfo.json',
      'procedure-request-resource-with-single-supportInfo.json',
    ].map((file) => [file, notAProcedure]),
  ),
  'input-bundle.json': (s) => {
    // The supporting information of the others: two undated Observations named by the text
    // "Procedure Request Code" (their coding has no system), shown as observations.
    notAProcedure(s);
    expect(s.investigations?.entries.map((e) => [e.display, e.kind])).to.deep.equal([
      ['Procedure Request Code', 'observation'],
      ['Procedure Request Code', 'observation'],
    ]);
  },
};

/**
 * Every codeableconcept fragment is an Observation with no id (and no date): it cannot be told
 * apart from another, so it is not shown and is counted, whatever its codes say.
 */
const withoutId = (s: Sections) => {
  expect(s.investigations?.entries).to.have.length(0);
  expect(s.investigations?.diagnostics.unparseable).to.deep.equal({
    'Observation without id': 1,
  });
};

export const codeableConceptFiles: Expectations = Object.fromEntries(
  [
    'codeable_concept_snomed_with_description.json',
    'codeable_concept_snomed_with_no_description.json',
    'codeable_concept_with_no_snomed.json',
    'codeable_concept_with_no_viable_text.json',
    'codeable_concept_with_text.json',
    'codeable_concept_without_text.json',
  ].map((file) => [file, withoutId]),
);
