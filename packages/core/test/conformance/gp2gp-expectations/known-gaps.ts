// Files where the normaliser's result disagrees with what the file and the GP Connect / UK Core
// rules say. The expectation is written as the file says (`expected`), never bent to the output;
// `current` pins today's behaviour so a change is noticed, and `reason` says why it is wrong.
// gp2gp-fragments.test.ts checks each: `current` holds and `expected` does not. When the
// normaliser is fixed, that test fails: move `expected` back into its area's file.
import { expect } from '@open-wc/testing';
import type { KnownGap, Sections } from './types.js';

const siteDisplays = (s: Sections) => s.immunisations?.entries[0]?.site?.map((c) => c.display);

export const KNOWN_GAPS: { [areaAndFile: string]: KnownGap } = {
  'immunization/immunization-site-term-text-display-different.json': {
    reason:
      'The site coding says "Right arm" but its sctdescid descriptionDisplay (the term the ' +
      'clinician chose, UK Core Extension-CodingSCTDescDisplay) says "Left arm": the model shows ' +
      "the coding display, the opposite arm, instead of the clinician's term.",
    expected: (s) => expect(siteDisplays(s)).to.deep.equal(['Left arm']),
    current: (s) => expect(siteDisplays(s)).to.deep.equal(['Right arm']),
  },
};
