import { RecordError, kindForStatus, type RecordErrorKind, type SourceRefusal } from './errors.js';
import { ownValue } from '../own-value.js';

/**
 * Spine error codes that NHS FHIR APIs (GP Connect, and R4 services behind Spine) return in `OperationOutcome.issue.details.coding.code`
 * (system `https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1`), and what each means
 * for the session. Verified against the GP Connect error handling guidance
 * (nhsconnect/gpconnect `development_fhir_error_handling_guidance`) and the Access Record
 * Structured `$gpc.getstructuredrecord` error table.
 */
export const SPINE_ERROR_CODES: Readonly<
  Record<string, { kind: RecordErrorKind; refusal?: SourceRefusal }>
> = {
  // 403: the patient dissented from sharing at the practice.
  NO_PATIENT_CONSENT: { kind: 'forbidden', refusal: 'source-dissent' },
  // 403: the practice (organisation) has not agreed to share with the viewer's organisation.
  NO_ORGANISATION_CONSENT: { kind: 'forbidden', refusal: 'no-agreement' },
  // 403: GP Connect / Access Record Structured not enabled at the practice, or the consumer
  // is not authorised: the viewer's organisation may not see this record through this route.
  ACCESS_DENIED: { kind: 'forbidden', refusal: 'not-permitted' },
  // 404: no active GP record (also inactive, deceased, not registered there, sensitive patient).
  PATIENT_NOT_FOUND: { kind: 'not-found' },
  NO_RECORD_FOUND: { kind: 'not-found' },
  ORGANISATION_NOT_FOUND: { kind: 'not-found' },
  PRACTITIONER_NOT_FOUND: { kind: 'not-found' },
  // 400 / 422: the request was wrong; retrying will not help.
  INVALID_NHS_NUMBER: { kind: 'invalid' },
  INVALID_IDENTIFIER_SYSTEM: { kind: 'invalid' },
  INVALID_IDENTIFIER_VALUE: { kind: 'invalid' },
  INVALID_PATIENT_DEMOGRAPHICS: { kind: 'invalid' },
  INVALID_RESOURCE: { kind: 'invalid' },
  INVALID_PARAMETER: { kind: 'invalid' },
  REFERENCE_NOT_FOUND: { kind: 'invalid' },
  BAD_REQUEST: { kind: 'invalid' },
  // 500 / 501: the provider failed.
  INTERNAL_SERVER_ERROR: { kind: 'server' },
  NOT_IMPLEMENTED: { kind: 'server' },
};

/** The Spine error code of the first issue that carries one, if the body is an OperationOutcome. */
export function spineErrorCode(body: unknown): string | undefined {
  const outcome = body as { resourceType?: unknown; issue?: unknown } | null;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue))
    return undefined;
  for (const issue of outcome.issue) {
    const codings = (issue as { details?: { coding?: unknown } } | null)?.details?.coding;
    if (!Array.isArray(codings)) continue;
    for (const coding of codings) {
      const code = (coding as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.length > 0 && code.length <= 64) return code;
    }
  }
  return undefined;
}

/**
 * The RecordError for a failed response: a Spine code decides the kind and refusal when known;
 * otherwise the HTTP status does, and the error keeps the code (else the FHIR issue code) for the
 * audit trail. Only the code travels: never the diagnostics text, which may quote patient data.
 */
export function responseError(status: number, body: unknown): RecordError {
  const code = spineErrorCode(body) ?? firstIssueCode(body);
  const known = ownValue(SPINE_ERROR_CODES, code);
  return new RecordError(known?.kind ?? kindForStatus(status), status, code, known?.refusal);
}

function firstIssueCode(body: unknown): string | undefined {
  const outcome = body as { resourceType?: unknown; issue?: { code?: unknown }[] } | null;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue))
    return undefined;
  const code = outcome.issue[0]?.code;
  return typeof code === 'string' && code.length <= 64 ? code : undefined;
}
