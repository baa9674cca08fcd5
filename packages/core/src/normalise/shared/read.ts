/**
 * Defensive readers for untrusted FHIR JSON, for both the R4 and the STU3 paths. Sources are
 * other people's servers: any field may be missing, null, the wrong type, absurdly long, a
 * number sent as a string, or an object where an array belongs; none of that may throw.
 */

import { isPossibleDate } from './dates.js';
import { cleanText } from './display-text.js';

export type Json = Record<string, unknown>;

const MAX_TEXT = 500;

/** The value when it is a plain object, else `undefined`. */
export function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** One empty array for every missing list: `array` runs on most fields of every resource. */
const NONE: readonly unknown[] = Object.freeze([]);

/**
 * The value when it is an array, a single object wrapped in one (a common supplier slip), else an
 * empty array. Read-only: the empty one is shared.
 */
export function array(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return record(value) ? [value] : NONE;
}

/**
 * A non-empty string of sensible length, trimmed (suppliers pad codes: `' 86290005'`) and
 * cleaned of hidden and control characters (display-text.ts), else `undefined`. Over 500
 * characters is not a code, date or name: it is dropped.
 */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_TEXT) return undefined;
  const trimmed = cleanText(value).trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** A finite number, also from a numeric string (GP Connect examples send `"value": "28"`). */
export function finiteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * A FHIR date or dateTime, partial dates kept as sent (`2020`, `2020-06`); anything else (free
 * text, huge strings, impossible dates such as 30 February, see dates.ts) is dropped.
 */
export function isoDate(value: unknown): string | undefined {
  const date = text(value);
  return date && date.length <= 40 && isPossibleDate(date) ? date : undefined;
}

/** The first readable date among the candidates, in order of preference. */
export function firstDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    const date = isoDate(value);
    if (date) return date;
  }
  return undefined;
}

/**
 * Extensions whose URL ends with `name` (e.g. `MedicationStatementLastIssueDate-1`). Suppliers
 * mix the `fhir.nhs.uk` and `fhir.hl7.org.uk` hosts and `http`/`https` for the same extension,
 * so matching on the last path segment is the reliable test.
 */
export function extensionsNamed(resource: unknown, name: string): Json[] {
  const result: Json[] = [];
  const extensions = array(record(resource)?.extension);
  for (let i = 0; i < extensions.length; i++) {
    const extension = named(extensions[i], name);
    if (extension) result.push(extension);
  }
  return result;
}

/** The first extension named `name` (see {@link extensionsNamed}). */
export function extensionNamed(resource: unknown, name: string): Json | undefined {
  const extensions = array(record(resource)?.extension);
  for (let i = 0; i < extensions.length; i++) {
    const extension = named(extensions[i], name);
    if (extension) return extension;
  }
  return undefined;
}

/** `item` when it is an extension whose URL ends with `name`. */
function named(item: unknown, name: string): Json | undefined {
  const extension = record(item);
  const url = text(extension?.url);
  return extension && url && (url === name || url.endsWith(`/${name}`)) ? extension : undefined;
}

/** The code of a FHIR `code` element, tolerating a Coding or an array of Codings in its place. */
export function codeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (!Array.isArray(value)) return text(record(value)?.code);
  for (let i = 0; i < value.length; i++) {
    const code = text(record(value[i])?.code);
    if (code) return code;
  }
  return undefined;
}

/**
 * The first code of a CodeableConcept-or-code field (STU3 `category` is sometimes a code,
 * sometimes a concept): a code given as text, or a coding's.
 */
export function firstConceptCode(value: unknown): string | undefined {
  return findConceptCode(value, undefined);
}

/** Whether a CodeableConcept-or-code field holds `code` (see {@link firstConceptCode}). */
export function hasConceptCode(value: unknown, code: string): boolean {
  return findConceptCode(value, code) !== undefined;
}

/**
 * The first of a field's codes that is `wanted` (any code, when undefined), without building the
 * list of them: read on every resource.
 */
function findConceptCode(value: unknown, wanted: string | undefined): string | undefined {
  const items = Array.isArray(value) ? value : [value];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (typeof item === 'string') {
      const code = text(item);
      if (code && (wanted === undefined || code === wanted)) return code;
      continue;
    }
    const codings = array(record(item)?.coding);
    for (let j = 0; j < codings.length; j++) {
      const code = text(record(codings[j])?.code);
      if (code && (wanted === undefined || code === wanted)) return code;
    }
  }
  return undefined;
}
