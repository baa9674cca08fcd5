/** The session states of docs/architecture.md#session-states; every element renders each one. */
export type SessionState =
  | 'no-context'
  | 'not-permitted'
  | 'no-agreement'
  | 'awaiting-consent'
  | 'consent-declined'
  | 'granted'
  | 'override'
  | 'loading'
  | 'ready'
  | 'partial'
  | 'source-dissent'
  | 'not-found'
  | 'ambiguous'
  | 'unavailable'
  | 'identity-mismatch'
  | 'ended';

/** States in which nothing of the record may be shown. */
export const REFUSED_STATES: ReadonlySet<SessionState> = new Set([
  'no-context',
  'not-permitted',
  'no-agreement',
  'awaiting-consent',
  'consent-declined',
  'source-dissent',
  'not-found',
  'ambiguous',
  'identity-mismatch',
  'ended',
]);
