// Encounter fragments: per-file expectations written from reading each file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/** Encounter fragments: one finished consultation F550CC56 from 2010-01-13T15:20:00+00:00. */
const encounter =
  (display: string, extra: object = {}) =>
  (s: Sections) => {
    expect(s.events?.entries).to.have.length(1);
    expect(s.events?.entries[0]).to.deep.include({
      kind: 'encounter',
      status: 'finished',
      display,
      date: '2010-01-13T15:20:00+00:00',
      ...extra,
    });
  };
const END = '2010-01-13T16:20:00+00:00';

export const encounterFiles: Expectations = {
  'example-encounter-resource-1.json': encounter('A+E report', {
    end: '2010-01-13T16:20:00+00:00',
  }),
  'example-encounter-resource-5.json': encounter('Telephone Consultation'),
  'example-encounter-resource-2.json': (s) => {
    encounter('Telephone call to a patient')(s);
    expect(s.events?.entries[0]).not.to.have.property('end');
  },
  'example-encounter-resource-11.json': encounter('GP Surgery', { uncoded: true }),
  'example-encounter-resource-12.json': encounter('Consultation'),
  'example-encounter-resource-13.json': encounter('Consultation'),
  'example-encounter-resource-6.json': encounter('Clinic Note', { end: END }),
  'example-encounter-resource-9.json': encounter('Alert note', { end: END }),
  'example-encounter-resource-10.json': encounter('Alert note', { end: END }),
  // Coded outside the EHR composition name vocabulary: still shown by the coding's display.
  'example-encounter-resource-7.json': encounter('test', { end: END }),
  'example-encounter-resource-8.json': encounter('test', { end: END }),
  // Same A+E report with fewer participants or no location: still shown, same dates.
  'example-encounter-resource-14.json': encounter('A+E report', { end: END }),
  'example-encounter-resource-15.json': encounter('A+E report', { end: END }),
  'example-encounter-resource-16.json': encounter('A+E report', { end: END }),
  'example-encounter-resource-17.json': encounter('A+E report', { end: END }),
  'example-encounter-resource-18.json': (s) => {
    // No period at all: no date, counted.
    expect(s.events?.entries).to.have.length(0);
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
  'example-encounter-resource-3.json': (s) => {
    // An empty period: no date, counted.
    expect(s.events?.entries).to.have.length(0);
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
  'example-encounter-resource-4.json': (s) => {
    expect(s.events?.entries).to.have.length(0);
    expect(s.events?.diagnostics.unparseable).to.deep.equal({ 'Encounter without a date': 1 });
  },
};
