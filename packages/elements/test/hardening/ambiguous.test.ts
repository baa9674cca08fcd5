// Two GP records for one NHS number: every element says "More than one record matches" (one
// renderer, shared/section-view.ts), never "could not be reached, try again", and shows nothing;
// the patient banner keeps the host's own identity of the patient, marked as such.
import { sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { exampleSession } from '../../src/shared/example-sessions.js';
import { EVERY_ELEMENT, deepText, place, until } from './every-element.js';

describe(`more than one record matches, in every element (${EVERY_ELEMENT.length})`, () => {
  for (const tag of EVERY_ELEMENT) {
    it(`${tag} says so, offers no retry, and shows nothing of the record`, async () => {
      const session = exampleSession('ambiguous');
      const el = await place(tag, session);
      await sessionReaches(session, 'ambiguous');
      const shown = () => deepText(el.shadowRoot!).replace(/\s+/g, ' ');
      // The patient banner names the patient as the host does, whatever the GP record says.
      const says =
        tag === 'dcr-patient-banner'
          ? 'Details from your system'
          : 'Two or more GP records carry this NHS number';
      expect(await until(el, () => shown().includes(says))).to.equal(true, shown());
      if (tag !== 'dcr-patient-banner') expect(shown()).to.include('More than one record matches');
      expect(shown()).not.to.include('Try again');
      expect(shown()).not.to.include('could not be reached');
      expect(el.shadowRoot!.querySelector('[role="alert"]'), 'calm: no alert').to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});
