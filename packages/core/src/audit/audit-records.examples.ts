/** Audit records of every action, for the mapping tests, the trail tests and the docs. */
import type { AuditRecord } from './audit-record.js';

export const EXAMPLE_VIEWER: AuditRecord['viewer'] = {
  userId: '555000111222',
  name: 'Dr Alex Clinician',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};

const NHS_NUMBER = '9992345675';

/** One record per action, as the session would report it. */
export function exampleRecords(
  idPrefix: string,
  viewer = EXAMPLE_VIEWER,
  recorded = '2026-11-26T09:30:00.000Z',
): Record<AuditRecord['action'], AuditRecord> {
  const base = { viewer, recorded, patient: { nhsNumber: NHS_NUMBER } };
  return {
    attempt: { ...base, id: `${idPrefix}-attempt`, action: 'attempt', outcome: 'success' },
    'access-decision': {
      ...base,
      id: `${idPrefix}-access`,
      action: 'access-decision',
      outcome: 'success',
      detail: 'awaiting-consent',
    },
    'consent-recorded': {
      ...base,
      id: `${idPrefix}-consent`,
      action: 'consent-recorded',
      outcome: 'success',
      basis: 'consent',
    },
    override: {
      ...base,
      id: `${idPrefix}-override`,
      action: 'override',
      outcome: 'success',
      basis: 'override',
      overrideReason: 'emergency',
      overrideNote: 'Unconscious on arrival, no relative present',
      alert: true,
    },
    refusal: {
      ...base,
      id: `${idPrefix}-refusal`,
      action: 'refusal',
      outcome: 'refused',
      detail: 'source-dissent',
    },
    'section-fetched': {
      ...base,
      id: `${idPrefix}-fetched`,
      action: 'section-fetched',
      outcome: 'success',
      basis: 'consent',
      sections: ['allergies', 'medications'],
    },
    'section-shown': {
      ...base,
      id: `${idPrefix}-shown`,
      action: 'section-shown',
      outcome: 'success',
      basis: 'consent',
      sections: ['allergies'],
    },
    'identity-mismatch': {
      ...base,
      id: `${idPrefix}-mismatch`,
      action: 'identity-mismatch',
      outcome: 'failure',
      basis: 'consent',
      detail: 'birthDate',
      alert: true,
    },
    error: {
      ...base,
      id: `${idPrefix}-error`,
      action: 'error',
      outcome: 'failure',
      detail: 'timeout',
    },
    end: { ...base, id: `${idPrefix}-end`, action: 'end', outcome: 'success' },
  };
}

/** `count` records cycling through every action, ids `<prefix>-<n>`. */
export function mixedRecords(
  prefix: string,
  count: number,
  viewer = EXAMPLE_VIEWER,
): AuditRecord[] {
  const kinds = Object.values(exampleRecords('x', viewer));
  return Array.from({ length: count }, (_, n) => ({
    ...kinds[n % kinds.length]!,
    id: `${prefix}-${n}`,
  }));
}
