/** Shapes shared by every section of the model. The model is ours and stable; FHIR stays at the edges. */

export const SNOMED_CT = 'http://snomed.info/sct';
export const DMD = 'https://dmd.nhs.uk';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_ORGANISATION_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';

/** A code with the system it belongs to, kept exactly as the source sent it. */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** Where an entry came from. */
export interface Provenance {
  /** The kind of source that supplied the entry. */
  source: 'fhir-r4' | 'gp-connect' | 'static';
  /** ODS code of the organisation that recorded or holds the entry, when the source says. */
  organisation?: string;
  /** Who recorded the entry, as a display name or identifier, when the source says. */
  recorder?: string;
  /** When the entry was recorded (ISO date or date-time), when the source says. */
  recorded?: string;
}

/** Counts of what a normaliser could not carry into the model, so nothing is lost silently. */
export interface SectionDiagnostics {
  /** Entries dropped on purpose (entered in error, wrong patient, ...), by reason. */
  dropped: Record<string, number>;
  /** Entries that could not be read, by reason. */
  unparseable: Record<string, number>;
}

export function emptyDiagnostics(): SectionDiagnostics {
  return { dropped: {}, unparseable: {} };
}

export function countIn(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}
