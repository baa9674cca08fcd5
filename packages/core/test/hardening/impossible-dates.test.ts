// Impossible dates are never shown as real ones (docs/record-model.md, dates): not in a section, not as the
// date of birth the GP record returns, not as the one the host gives. One table drives every check
// here and the display check in packages/elements/test/hardening/impossible-dates.test.ts.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { demographicsFromR4 } from '../../src/normalise/r4/index.js';
import { isPossibleDate } from '../../src/normalise/shared/dates.js';
import { isoDate } from '../../src/normalise/shared/read.js';
import { validateHostPatient } from '../../src/policy/viewer.js';
import { IMPOSSIBLE_DATES, POSSIBLE_DATES } from './date-cases.js';

const patientWithBirthDate = (birthDate: string) => ({
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
  birthDate,
});

describe(`impossible dates (${IMPOSSIBLE_DATES.length} impossible, ${POSSIBLE_DATES.length} possible)`, () => {
  for (const date of IMPOSSIBLE_DATES) {
    it(`${date}: rejected by the date reader, the record's date of birth and the host's`, () => {
      expect(isPossibleDate(date), 'isPossibleDate').to.equal(false);
      expect(isoDate(date), 'isoDate').to.equal(undefined);
      expect(demographicsFromR4(patientWithBirthDate(date))?.birthDate).to.equal(undefined);
      const host = validateHostPatient({ nhsNumber: '9434765919', birthDate: date });
      expect(host.ok, 'host patient').to.equal(false);
    });
  }

  for (const date of POSSIBLE_DATES) {
    it(`${date}: kept as sent`, () => {
      expect(isoDate(date)).to.equal(date);
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        expect(demographicsFromR4(patientWithBirthDate(date))?.birthDate).to.equal(date);
        expect(validateHostPatient({ nhsNumber: '9434765919', birthDate: date }).ok).to.equal(true);
      }
    });
  }
});
