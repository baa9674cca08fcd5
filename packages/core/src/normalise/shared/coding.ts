import { CTV3, DMD, LOINC, READ_V2, SNOMED_CT, type Coding } from '../../model/common.js';

/** Systems in the order their display is preferred for the label. */
const DISPLAY_PREFERENCE = [SNOMED_CT, DMD, LOINC, READ_V2, CTV3];

/** Coded-only reading of a FHIR CodeableConcept: codings with a system and code; `text` is dropped. */
export function codingsOf(concept: unknown): Coding[] {
  const codings = (concept as { coding?: unknown } | undefined)?.coding;
  if (!Array.isArray(codings)) return [];
  const result: Coding[] = [];
  for (const c of codings) {
    if (typeof c?.system !== 'string' || typeof c?.code !== 'string') continue;
    result.push(
      typeof c.display === 'string'
        ? { system: c.system, code: c.code, display: c.display }
        : { system: c.system, code: c.code },
    );
  }
  return result;
}

/** The label for a set of codings: the display of the most preferred system, else any display. */
export function displayOf(codes: readonly Coding[]): string | undefined {
  for (const system of DISPLAY_PREFERENCE) {
    const display = codes.find((c) => c.system === system && c.display)?.display;
    if (display) return display;
  }
  return codes.find((c) => c.display)?.display;
}

/** True when any coding is `code` in SNOMED CT or dm+d (which shares SNOMED CT's identifiers). */
export function hasSnomedCode(codes: readonly Coding[], code: string): boolean {
  return codes.some((c) => c.code === code && (c.system === SNOMED_CT || c.system === DMD));
}
