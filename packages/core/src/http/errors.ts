/**
 * Typed failures of a record source. Messages are fixed, PHI-free sentences: they may reach logs
 * and screens, so they never quote server text, URLs or identifiers.
 */
export type RecordErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted';

const MESSAGES: Record<RecordErrorKind, string> = {
  'not-found': 'The record source has no matching record.',
  forbidden: 'The record source refused the request.',
  invalid: 'The record source rejected the request as invalid.',
  server: 'The record source failed to answer.',
  network: 'The record source could not be reached.',
  timeout: 'The record source did not answer in time.',
  aborted: 'The request was cancelled.',
};

export class RecordError extends Error {
  override readonly name = 'RecordError';
  constructor(
    readonly kind: RecordErrorKind,
    /** HTTP status when there was a response. */
    readonly status?: number,
    /** The OperationOutcome issue code (e.g. `not-found`, `forbidden`), when the server sent one. */
    readonly issueCode?: string,
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
