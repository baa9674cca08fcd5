/**
 * Defensive readers for untrusted JSON. Sources are other people's servers: any field may be
 * missing, null, the wrong type or absurdly long, and none of that may throw.
 */

const MAX_TEXT = 500;

/** A non-empty string of sensible length, else `undefined`. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT ? value : undefined;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A FHIR date or dateTime, else `undefined`. */
export function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && ISO_DATE.test(value) ? value : undefined;
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The first of `values` that is a valid date. */
export function firstDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    const date = isoDate(value);
    if (date) return date;
  }
  return undefined;
}
