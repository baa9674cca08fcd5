import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import {
  formatAge,
  formatBirthDate,
  formatDate,
  formatNhsNumber,
  formatPatientName,
  parseDateInput,
} from './format.js';

describe('NHS display formats', () => {
  it('writes dates as 14-Jul-1945 and unreadable ones as Not known', () => {
    expect(formatDate('1945-07-14')).to.equal('14-Jul-1945');
    expect(formatDate('2024-03-02T10:00:00Z')).to.equal('02-Mar-2024');
    expect(formatDate('1945-13-01')).to.equal('Not known');
    // FHIR partial dates keep their precision.
    expect(formatDate('2020')).to.equal('2020');
    expect(formatDate('2020-06')).to.equal('Jun-2020');
    expect(formatDate('2020-13')).to.equal('Not known');
    expect(formatDate(undefined)).to.equal('Not known');
  });

  it('gives age in years from 2, months from 1 month, else days', () => {
    const today = new Date(2026, 10, 26);
    expect(formatAge('1945-07-14', today)).to.equal('81y');
    expect(formatAge('1945-11-27', today)).to.equal('80y');
    expect(formatAge('1945-11-26', today)).to.equal('81y');
    expect(formatAge('2025-01-10', today)).to.equal('22m');
    expect(formatAge('2026-10-26', today)).to.equal('1m');
    expect(formatAge('2026-11-20', today)).to.equal('6d');
    expect(formatAge('2027-01-01', today)).to.equal(undefined);
    expect(formatBirthDate('1945-07-14', today)).to.equal('14-Jul-1945 (81y)');
    expect(formatBirthDate(undefined, today)).to.equal('Not known');
  });

  it('groups NHS numbers 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).to.equal('943 476 5919');
    expect(formatNhsNumber('')).to.equal('Not known');
  });

  it('writes names FAMILY, Given (Title)', () => {
    expect(
      formatPatientName({ family: 'Hargreaves', given: ['Ada', 'May'], title: 'Mrs' }),
    ).to.equal('HARGREAVES, Ada May (Mrs)');
    expect(formatPatientName({ given: [] })).to.equal('Not known');
  });

  it('reads a typed date the UK way, whatever the browser locale, and rejects what is not a date', () => {
    for (const typed of [
      '12-Mar-2024',
      '12 mar 2024',
      '12 March 2024',
      '12/03/2024',
      '12.3.2024',
      '2024-03-12',
      ' 12-03-2024 ',
    ])
      expect(parseDateInput(typed), typed).to.equal('2024-03-12');
    expect(parseDateInput('01/02/2024')).to.equal('2024-02-01'); // day first, never month first
    expect(parseDateInput('')).to.equal('');
    for (const wrong of [
      '30-Feb-2024',
      '13/13/2024',
      '12/03/24',
      '12-Ma-2024',
      'yesterday',
      '2024',
      '12-Marc-2024',
    ])
      expect(parseDateInput(wrong), wrong).to.equal(undefined);
  });
});
