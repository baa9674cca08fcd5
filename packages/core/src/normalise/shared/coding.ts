import { CTV3, DMD, LOINC, READ_V2, SNOMED_CT, type Coding } from '../../model/common.js';
import { cleanText } from './display-text.js';
import { array } from './read.js';

/** Systems in the order their display is preferred for the label. */
const DISPLAY_PREFERENCE = [SNOMED_CT, DMD, LOINC, READ_V2, CTV3];

/**
 * Coded-only reading of a FHIR CodeableConcept: codings with a system and code; `text` is dropped.
 *
 * A SNOMED CT coding's display is the concept's current preferred term; the description the
 * clinician chose (a synonym, or the other side: "Left arm" under a "Right arm" display was seen
 * in a supplier's record) travels in an extension. That chosen term is the term as recorded, so it
 * becomes `display` and the preferred term is kept as `preferredTerm` (UK Core "Populating the
 * CodeableConcept" and Extension-UKCore-CodingSCTDescDisplay; GP Connect STU3 carries it as
 * `descriptionDisplay` inside Extension-coding-sctdescid).
 */
export function codingsOf(concept: unknown): Coding[] {
  const codings = (concept as { coding?: unknown } | undefined)?.coding;
  if (!Array.isArray(codings)) return [];
  const result: Coding[] = [];
  // Indexed, as in every helper read per entry: a for-of made an iterator result per coding
  // wherever V8 ran this unoptimised (seen on GP Connect records: 4% of what normalising made).
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    if (typeof c?.system !== 'string' || typeof c?.code !== 'string') continue;
    // Any length is kept (the elements cap what they show); hidden characters never are.
    const display =
      typeof c.display === 'string' ? cleanText(c.display).trim() || undefined : undefined;
    const chosen = c.system === SNOMED_CT ? chosenDescriptionOf(c.extension) : undefined;
    if (chosen && display && chosen.trim().toLowerCase() !== display.trim().toLowerCase())
      result.push({ system: c.system, code: c.code, display: chosen, preferredTerm: display });
    else if (chosen ?? display)
      result.push({ system: c.system, code: c.code, display: display ?? chosen });
    else result.push({ system: c.system, code: c.code });
  }
  return result;
}

/**
 * The codings of each concept in a list (`type`, `category`, `performerType`…), in order; a lone
 * concept sent in the list's place is read as a list of one (`array`). Loops rather than
 * `array(x).flatMap(codingsOf)`, which allocated a closure and an array per call on every entry.
 */
export function codingsOfEach(concepts: unknown): Coding[] {
  const list = array(concepts);
  if (list.length === 1) return codingsOf(list[0]);
  const result: Coding[] = [];
  for (let i = 0; i < list.length; i++) {
    const codings = codingsOf(list[i]);
    for (let j = 0; j < codings.length; j++) result.push(codings[j]!);
  }
  return result;
}

/**
 * `codingsOf(concept)[0]?.code` without building the codings: statuses are read this way on every
 * resource.
 */
export function firstCodeOf(concept: unknown): string | undefined {
  const codings = (concept as { coding?: unknown } | undefined)?.coding;
  if (!Array.isArray(codings)) return undefined;
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    if (typeof c?.system === 'string' && typeof c?.code === 'string') return c.code;
  }
  return undefined;
}

/** STU3 Care Connect / GP Connect: nested under Extension-coding-sctdescid (either host). */
const STU3_SCT_DESCRIPTION = /\/STU3\/StructureDefinition\/Extension-coding-sctdescid$/;
/** UK Core R4: its own extension beside the core coding-sctdescid. */
const UK_CORE_DESCRIPTION_DISPLAY =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-CodingSCTDescDisplay';

function chosenDescriptionOf(extensions: unknown): string | undefined {
  if (!Array.isArray(extensions)) return undefined;
  for (const extension of extensions) {
    const url: unknown = extension?.url;
    if (typeof url !== 'string') continue;
    if (url === UK_CORE_DESCRIPTION_DISPLAY) return termText(extension.valueString);
    if (STU3_SCT_DESCRIPTION.test(url) && Array.isArray(extension.extension)) {
      const inner = extension.extension.find(
        (e: { url?: unknown }) => e?.url === 'descriptionDisplay',
      );
      const term = termText(inner?.valueString);
      if (term) return term;
    }
  }
  return undefined;
}

function termText(value: unknown): string | undefined {
  const term = typeof value === 'string' ? cleanText(value).trim() : '';
  return term ? term.slice(0, 200) : undefined;
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
