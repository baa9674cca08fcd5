// What the clinician reads for an impossible date: "Not known", never a rolled-over real day
// (`new Date('2023-02-31')` is 3 March). The same table as the core's check.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { IMPOSSIBLE_DATES } from '../../../core/test/hardening/date-cases.js';
import { formatBirthDate, formatDate, formatDateTime, NOT_KNOWN } from '../../src/shared/format.js';

const today = new Date(2026, 10, 26);

describe(`impossible dates on screen (${IMPOSSIBLE_DATES.length} cases)`, () => {
  for (const date of IMPOSSIBLE_DATES) {
    it(`${date} is shown as Not known`, () => {
      if (!date.includes('T')) {
        expect(formatDate(date)).to.equal(NOT_KNOWN);
        expect(formatBirthDate(date, today)).to.equal(NOT_KNOWN);
      }
      expect(formatDateTime(date), 'date and time').to.equal(NOT_KNOWN);
    });
  }
});
