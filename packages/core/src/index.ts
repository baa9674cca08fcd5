export { isValidNhsNumber, nhsNumberCheckDigit } from './nhs-number.js';
export { RecordError, type RecordErrorKind } from './http/errors.js';
export type { FetchLike } from './http/fetch-json.js';
export {
  SNOMED_CT,
  DMD,
  NHS_NUMBER_SYSTEM,
  ODS_ORGANISATION_SYSTEM,
  type Coding,
  type Provenance,
  type SectionDiagnostics,
} from './model/common.js';
export type { AdministrativeGender, Demographics, DemographicsSection } from './model/demographics.js';
export type { RecordSource, SourceRequest } from './sources/source.js';
export { fhirR4Source, type FhirR4SourceOptions } from './sources/fhir-r4.js';
