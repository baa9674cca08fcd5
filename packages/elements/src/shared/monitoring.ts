import type { MonitoredMedicine } from '@dcr-elements/core';

/** A test's name inside a sentence: "Serum lithium" → "serum lithium"; "INR", "eGFR" kept. */
export const inSentence = (test: string): string =>
  /^[A-Z][a-z]/.test(test) ? test[0]!.toLowerCase() + test.slice(1) : test;

/** The monitored tests of each medicine together, medicines in section order. */
export function byMedicine(monitored: readonly MonitoredMedicine[]): MonitoredMedicine[][] {
  const groups = new Map<unknown, MonitoredMedicine[]>();
  for (const m of monitored) groups.set(m.medication, [...(groups.get(m.medication) ?? []), m]);
  return [...groups.values()];
}
