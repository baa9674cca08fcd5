// Shared types and helpers for the per-file GP2GP fragment expectations.
import type { SectionValues } from '../../../src/model/sections.js';

export type Sections = Partial<SectionValues>;
export type Expectations = { [file: string]: (s: Sections) => void };

export const displays = (entries: readonly { display: string }[] | undefined) =>
  (entries ?? []).map((e) => e.display);

/** A file where the normaliser disagrees with what the file says (see known-gaps.ts). */
export interface KnownGap {
  /** One line: why the current result is wrong. */
  reason: string;
  /** What the file says a clinician should see. */
  expected: (s: Sections) => void;
  /** What the normaliser gives today. */
  current: (s: Sections) => void;
}
