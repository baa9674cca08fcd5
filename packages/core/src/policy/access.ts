/**
 * Who may open a record at all (role, then sharing agreement) and for how long: what the session
 * needs before any record arrives. The entry rules and their code sets (policy.ts, withhold.ts)
 * load with the first section, so a page pays for them only once it reads a record.
 */
import type { AccessPolicy } from './policy.js';
import type { ViewerContext } from './viewer.js';

/**
 * Verified national RBAC codes: R8000 Clinical Practitioner, R8001 Nurse, R8003 Health
 * Professional Access Roles. Students (R8004), secretaries, admin and clerical roles are not
 * permitted by default.
 */
export const DEFAULT_PERMITTED_ROLES = ['R8000', 'R8001', 'R8003'] as const;

export type AccessRules = Pick<AccessPolicy, 'permittedRoles' | 'agreement' | 'grantMinutes'>;

export function resolveAccess(overrides: Partial<AccessPolicy> = {}): AccessRules {
  return {
    permittedRoles: overrides.permittedRoles ?? DEFAULT_PERMITTED_ROLES,
    agreement: overrides.agreement ?? [],
    grantMinutes: overrides.grantMinutes ?? 60,
  };
}

export type AccessDecision = 'permitted' | 'not-permitted' | 'no-agreement';

/** Role first (a non-clinical role never gets further), then the sharing agreement. */
export async function decideAccess(
  viewer: ViewerContext,
  policy: AccessRules,
): Promise<AccessDecision> {
  if (!viewer.roles.some((role) => policy.permittedRoles.includes(role))) return 'not-permitted';
  const covered =
    typeof policy.agreement === 'function'
      ? await policy.agreement(viewer.organisation)
      : policy.agreement.includes(viewer.organisation);
  return covered === true ? 'permitted' : 'no-agreement';
}
