import { isoDate, type Json } from './read.js';

/**
 * `Patient.deceased[x]` (0..1 in FHIR STU3 and R4 alike): `true`/`false` as `deceasedBoolean`
 * says, or the ISO date (partial allowed) or date-time of `deceasedDateTime`; `undefined` when the
 * source says nothing. Shared by both paths so the two agree.
 */
export function deceasedOf(patient: Json): boolean | string | undefined {
  return typeof patient.deceasedBoolean === 'boolean'
    ? patient.deceasedBoolean
    : isoDate(patient.deceasedDateTime);
}
