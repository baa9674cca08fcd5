/**
 * What the session applies to a section once it has arrived, which only ever happens after
 * consent: the right-patient check (policy/identity.ts), the count of entries checked against the
 * patient (patient-check.ts), and the private and sensitive entry rules with their code sets
 * (policy/withhold.ts). One chunk, loaded when the first section starts loading; until it is here
 * nothing of a section can be published, and a failed load fails the section (care-record-session.ts).
 */
import type { SectionName, SectionValues } from '../model/sections.js';
import type { AccessPolicy } from '../policy/policy.js';
import type { ViewerContext } from '../policy/viewer.js';
import { applyEntryPolicy, resolvePolicy } from '../policy/withhold.js';
import { identityMismatch } from '../policy/identity.js';
import { mostFailed, patientCheckOf } from './patient-check.js';

export interface ViewRules {
  /** The section as the viewer may see it: private and sensitive entries withheld and counted. */
  applyEntryPolicy<K extends SectionName>(
    section: K,
    value: SectionValues[K],
    viewer: ViewerContext,
  ): Promise<SectionValues[K]>;
  identityMismatch: typeof identityMismatch;
  patientCheckOf: typeof patientCheckOf;
  mostFailed: typeof mostFailed;
}

/** The rules for one session's policy (its overrides, copied by the session when it was made). */
export function viewRules(overrides: Partial<AccessPolicy>): ViewRules {
  const policy = resolvePolicy(overrides);
  return {
    applyEntryPolicy: (section, value, viewer) => applyEntryPolicy(section, value, viewer, policy),
    identityMismatch,
    patientCheckOf,
    mostFailed,
  };
}
