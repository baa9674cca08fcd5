import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { isValidNhsNumber, nhsNumberCheckDigit } from './nhs-number.js';

describe('NHS number', () => {
  it('accepts numbers with a correct modulus-11 check digit, spaced or not', () => {
    expect(isValidNhsNumber('9434765919')).to.equal(true);
    expect(isValidNhsNumber('943 476 5919')).to.equal(true);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidNhsNumber('9434765918')).to.equal(false);
    expect(isValidNhsNumber('943476591')).to.equal(false);
    expect(isValidNhsNumber('94347659190')).to.equal(false);
    expect(isValidNhsNumber('94347659l9')).to.equal(false);
    expect(isValidNhsNumber('')).to.equal(false);
  });

  it('has no valid number where the check digit would be 10', () => {
    expect(nhsNumberCheckDigit('999123456')).to.equal(undefined);
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`999123456${d}`)).to.equal(false);
  });

  it('uses 0 when 11 minus the remainder is 11', () => {
    expect(nhsNumberCheckDigit('999345678')).to.equal(0);
    expect(isValidNhsNumber('9993456780')).to.equal(true);
  });
});
