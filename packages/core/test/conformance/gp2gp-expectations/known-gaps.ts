// Files where the normaliser's result disagrees with what the file and the GP Connect / UK Core
// rules say. The expectation is written as the file says (`expected`), never bent to the output;
// `current` pins today's behaviour so a change is noticed, and `reason` says why it is wrong.
// gp2gp-fragments.test.ts checks each: `current` holds and `expected` does not. When the
// normaliser is fixed, that test fails: move `expected` back into its area's file.
import type { KnownGap } from './types.js';

export const KNOWN_GAPS: { [areaAndFile: string]: KnownGap } = {};
