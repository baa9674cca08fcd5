/** GP Connect error responses: GPConnect-OperationOutcome-1 with a Spine error code (STU3). */
import { GPC_OPERATION_OUTCOME_PROFILE, SPINE_ERROR_SYSTEM_STU3 } from '../codes.js';

/** HTTP status, issue type and display per Spine code (GP Connect error handling guidance). */
const SPINE_ERRORS = {
  INVALID_RESOURCE: [422, 'invalid', 'Submitted resource is not valid.'],
  INVALID_PARAMETER: [422, 'invalid', 'Submitted parameter is not valid.'],
  INVALID_NHS_NUMBER: [400, 'value', 'NHS number invalid'],
  PATIENT_NOT_FOUND: [404, 'not-found', 'Patient record not found'],
  NO_PATIENT_CONSENT: [403, 'forbidden', 'Patient has not provided consent to share data'],
  NO_ORGANISATION_CONSENT: [
    403,
    'forbidden',
    'Organisation has not provided consent to share data',
  ],
  BAD_REQUEST: [400, 'invalid', 'Submitted request is malformed / invalid.'],
  NOT_IMPLEMENTED: [501, 'not-supported', 'FHIR resource or operation not implemented at server'],
  INTERNAL_SERVER_ERROR: [500, 'processing', 'Unexpected internal server error.'],
} as const;

export type SpineErrorCode = keyof typeof SPINE_ERRORS;

export class GpConnectError extends Error {
  constructor(
    readonly spineCode: SpineErrorCode,
    readonly diagnostics: string,
  ) {
    super(`${spineCode}: ${diagnostics}`);
  }
}

export function gpConnectErrorResponse(
  spineCode: SpineErrorCode,
  diagnostics: string,
): [number, unknown] {
  const [status, issueType, display] = SPINE_ERRORS[spineCode];
  return [
    status,
    {
      resourceType: 'OperationOutcome',
      meta: { profile: [GPC_OPERATION_OUTCOME_PROFILE] },
      issue: [
        {
          severity: 'error',
          code: issueType,
          details: { coding: [{ system: SPINE_ERROR_SYSTEM_STU3, code: spineCode, display }] },
          diagnostics,
        },
      ],
    },
  ];
}
