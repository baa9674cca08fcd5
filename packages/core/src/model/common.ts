/** Shapes shared by every section of the model. The model is ours and stable; FHIR stays at the edges. */

export const SNOMED_CT = 'http://snomed.info/sct';
export const DMD = 'https://dmd.nhs.uk';
export const READ_V2 = 'http://read.info/readv2';
export const CTV3 = 'http://read.info/ctv3';
export const LOINC = 'http://loinc.org';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_ORGANISATION_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** verified: NHS EPS and GP Connect sources (Practitioner.identifier), sandbox codes.ts */
export const SDS_USER_ID_SYSTEM = 'https://fhir.nhs.uk/Id/sds-user-id';

/** A code with the system it belongs to, kept exactly as the source sent it. */
export interface Coding {
  system: string;
  code: string;
  /** The term as recorded: for SNOMED CT, the description the clinician chose where the source sends it. */
  display?: string;
  /**
   * The concept's preferred term, kept where the source's chosen description (`display`) is a
   * different one, so matching by name sees both.
   */
  preferredTerm?: string;
}

export type SourceKind = 'fhir-r4' | 'gp-connect' | 'static';

/** Where an entry came from. */
export interface Provenance {
  /** The kind of source that supplied the entry. */
  source: SourceKind;
  /** ODS code of the organisation that recorded or holds the entry, when the source says. */
  organisation?: string;
  /**
   * ODS code of the organisation the source proves recorded the entry (its recorder's
   * organisation, an encounter's `serviceProvider`), never a fallback such as the registered
   * practice. The private-entry rule reads only this: no proof, no private entry shown.
   */
  recorderOrganisation?: string;
  /** Who recorded the entry (a display name or an identifier), when the source says. */
  recorder?: string;
  /** When the entry was recorded (ISO date or date-time), when the source says. */
  recorded?: string;
}

/** What every entry of every section carries. */
export interface Entry {
  /** The source's id for the entry (unique within its section). */
  id: string;
  /** Every coding the source sent for what the entry is (SNOMED CT, dm+d, Read v2, CTV3, LOINC, ...). */
  codes: Coding[];
  /** The label to show: the preferred coding's display. Never free text. */
  display: string;
  /** The entry's status in the model's own words (see each section). */
  status: string;
  /**
   * The clinically relevant date (ISO), e.g. onset, issue or effective date. FHIR partial dates
   * are kept as sent (`2020`, `2020-06`): show them at that precision, never as 1 January.
   */
  date?: string;
  provenance: Provenance;
  /**
   * The source's security labels (FHIR `meta.security`), kept for the access policy, which
   * withholds confidential and sensitive entries before anything is published.
   */
  security?: Coding[];
  /**
   * The entry was sent under a GP2GP transfer-degraded code (e.g. 196461000000101
   * Transfer-degraded drug allergy): `display` is the original term the source kept, never the
   * degrade code's own display, and `codes` still holds the degrade code.
   */
  degraded?: boolean;
  /** The entry has no coding at all: `display` is the term the source sent as the concept's text. */
  uncoded?: boolean;
  /** The original code a degraded entry names (e.g. from `Resolved '<term>' original code <code>`). */
  originalCode?: string;
}

/**
 * A caveat the source attached to a section, which must reach the screen: GP Connect list
 * warnings, an empty list's reason, or that entries were withheld.
 */
export interface SectionWarning {
  code:
    | 'confidential-items'
    | 'data-in-transit'
    | 'data-awaiting-filing'
    | 'empty-reason'
    | 'source-warning';
  /** The coded reason as the source sent it (e.g. a List.emptyReason or warning coding). */
  coding?: Coding;
}

/** Counts of what a normaliser could not carry into the model, so nothing is lost silently. */
export interface SectionDiagnostics {
  /** Entries dropped on purpose (entered in error, another patient, ...), by reason. */
  dropped: Record<string, number>;
  /** Entries that could not be read, by reason. */
  unparseable: Record<string, number>;
  /**
   * The right-patient check of each entry, where the source checks entries one by one (the R4
   * path: every resource names its patient): how many were checked, and how many failed it (also
   * counted in `dropped` as `another or no patient`). A session can refuse `ready` when most of
   * a record fails it. Absent where the source checks the record whole (GP Connect).
   */
  patientCheck?: PatientCheckCounts;
  /**
   * Dates not shown because they are impossible (month 13, 30 February, hour 25): the entry is
   * kept, the date is not. Absent when there were none.
   */
  impossibleDates?: number;
}

/** How many entries of a section were checked against the patient, and how many failed. */
export interface PatientCheckCounts {
  checked: number;
  failed: number;
}

/** The reason counted in `dropped` for an entry whose patient reference is not the patient. */
export const ANOTHER_OR_NO_PATIENT = 'another or no patient';

/** How many entries the access policy withheld from this viewer: the notice says how many, never what. */
export interface WithheldCounts {
  /** Entries labelled confidential by an organisation other than the viewer's. */
  private: number;
  /** Entries in a sensitive category (fertility, STI, termination of pregnancy, gender reassignment). */
  sensitive: number;
  /**
   * Of `sensitive`, how many the host's `sensitiveHook` withheld (present when a hook is set):
   * a count to audit, never which codes.
   */
  sensitiveByHook?: number;
}

/** The common shape of an entry-list section value. */
export interface EntrySection<T extends Entry> {
  entries: T[];
  warnings: SectionWarning[];
  diagnostics: SectionDiagnostics;
  /** Set by the access policy before the section is published. */
  withheld?: WithheldCounts;
}

export function emptyDiagnostics(): SectionDiagnostics {
  return { dropped: {}, unparseable: {} };
}

export function countIn(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}
