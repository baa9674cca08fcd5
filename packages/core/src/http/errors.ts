/**
 * Typed failures of a record source. Messages are fixed, PHI-free sentences: they may reach logs
 * and screens, so they never quote server text, URLs or identifiers.
 */
export type RecordErrorKind =
  | 'not-found'
  | 'ambiguous'
  | 'forbidden'
  | 'invalid'
  | 'server'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'aborted';

const MESSAGES: Record<RecordErrorKind, string> = {
  'not-found': 'The record source has no matching record.',
  ambiguous: 'The record source has more than one record for this NHS number.',
  forbidden: 'The record source refused the request.',
  invalid: 'The record source rejected the request as invalid.',
  server: 'The record source failed to answer.',
  network: 'The record source could not be reached.',
  timeout: 'The record source did not answer in time.',
  'too-large': 'The record source sent an answer too large to read safely.',
  aborted: 'The request was cancelled.',
};

/**
 * Why a source refused, in the session's terms (docs/architecture.md#session-states), when the refusal says: the patient
 * dissented at the GP practice (or sharing is not set there), the viewer's organisation is not
 * in the sharing agreement, or the viewer may not see the record.
 */
export type SourceRefusal = 'source-dissent' | 'no-agreement' | 'not-permitted';

export class RecordError extends Error {
  override readonly name = 'RecordError';
  constructor(
    readonly kind: RecordErrorKind,
    /** HTTP status when there was a response. */
    readonly status?: number,
    /** The OperationOutcome code (issue code, or a Spine/GP Connect error code), when sent. */
    readonly issueCode?: string,
    /** For `forbidden`: the refusal the source's error code stands for, when it is known. */
    readonly refusal?: SourceRefusal,
  ) {
    super(MESSAGES[kind]);
  }
}

export function kindForStatus(status: number): RecordErrorKind {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'forbidden';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}
