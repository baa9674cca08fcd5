/**
 * Orders ISO dates and date-times oldest first, missing last. ISO text sorts in time order
 * (for the same precision and zone), and a plain comparison is many times cheaper than
 * `localeCompare`, which matters on records with thousands of entries.
 */
export function compareIsoDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Newest first, undated entries last (not first, as reversing {@link compareIsoDates} would). */
export function compareNewestFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}
