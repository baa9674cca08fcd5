// Shared types and helpers for the per-file GP2GP fragment expectations.
import type { SectionValues } from '../../../src/model/sections.js';

export type Sections = Partial<SectionValues>;
export type Expectations = { [file: string]: (s: Sections) => void };

export const displays = (entries: readonly { display: string }[] | undefined) =>
  (entries ?? []).map((e) => e.display);
