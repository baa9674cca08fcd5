import type { Provenance, SectionDiagnostics } from './common.js';

export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown';

/** Who the record belongs to, as the source holds it. */
export interface Demographics {
  /** The source's id for the patient. */
  id: string;
  /** Ten digits, no spaces. */
  nhsNumber: string;
  family?: string;
  given: string[];
  /** Title such as Mrs or Dr. */
  title?: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate?: string;
  gender?: AdministrativeGender;
  /**
   * FHIR `Patient.deceased[x]`: `true`/`false` as `deceasedBoolean` says, or the ISO date
   * (partial allowed) or date-time of `deceasedDateTime`. Absent when the source says nothing.
   */
  deceased?: boolean | string;
  /** ODS code of the registered GP practice, when the source says. */
  registeredPractice?: string;
  provenance: Provenance;
}

export interface DemographicsSection {
  patient: Demographics;
  diagnostics: SectionDiagnostics;
}
