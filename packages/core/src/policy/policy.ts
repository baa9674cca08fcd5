import type { Coding, Entry } from '../model/common.js';
import type { ViewerContext } from './viewer.js';

/** An entry the host's terminology service judges sensitive (e.g. a subsumption check). */
export type SensitiveHook = (entry: Entry) => boolean | Promise<boolean>;

/** The rules a deployment may set; every field has a safe default (see {@link resolvePolicy}). */
export interface AccessPolicy {
  /** National RBAC role codes allowed to view. Default: clinical roles R8000, R8001, R8003. */
  permittedRoles: readonly string[];
  /**
   * Organisations in the information sharing agreement (ODS codes), or a host callback.
   * Default: none, so a deployment must say who is covered.
   */
  agreement: readonly string[] | ((organisation: string) => boolean | Promise<boolean>);
  /** SNOMED CT codes of sensitive categories, withheld by default. */
  sensitiveCodes: readonly string[];
  /** `meta.security` codes that mark an entry sensitive. */
  sensitiveLabels: readonly string[];
  sensitiveHook?: SensitiveHook;
  /** How long a grant lasts, in minutes. Default 60. */
  grantMinutes: number;
}

/**
 * Verified national RBAC codes: R8000 Clinical Practitioner, R8001 Nurse, R8003 Health
 * Professional Access Roles. Students (R8004), secretaries, admin and clerical roles are not
 * permitted by default.
 */
export const DEFAULT_PERMITTED_ROLES = ['R8000', 'R8001', 'R8003'] as const;

/**
 * The four categories kept out of shared records unless the patient consents: fertility,
 * sexually transmitted infection, termination of pregnancy, gender reassignment. A deployment
 * adds its own codes (or a terminology hook for descendants); these are verified examples.
 */
export const DEFAULT_SENSITIVE_CODES = [
  '52637005', // Test tube ovum fertilization (IVF)
  '105629000', // Chlamydial infection
  '386639001', // Termination of pregnancy
] as const;

/** HL7 v3 ActCode information-sensitivity labels for these categories (STD, sexuality and reproductive health, HIV). */
export const DEFAULT_SENSITIVE_LABELS = ['STD', 'SEX', 'HIV'] as const;

export function resolvePolicy(overrides: Partial<AccessPolicy> = {}): AccessPolicy {
  return {
    permittedRoles: overrides.permittedRoles ?? DEFAULT_PERMITTED_ROLES,
    agreement: overrides.agreement ?? [],
    sensitiveCodes: overrides.sensitiveCodes ?? DEFAULT_SENSITIVE_CODES,
    sensitiveLabels: overrides.sensitiveLabels ?? DEFAULT_SENSITIVE_LABELS,
    grantMinutes: overrides.grantMinutes ?? 60,
    ...(overrides.sensitiveHook && { sensitiveHook: overrides.sensitiveHook }),
  };
}

export type AccessDecision = 'permitted' | 'not-permitted' | 'no-agreement';

/** Role first (a non-clinical role never gets further), then the sharing agreement. */
export async function decideAccess(
  viewer: ViewerContext,
  policy: AccessPolicy,
): Promise<AccessDecision> {
  if (!viewer.roles.some((role) => policy.permittedRoles.includes(role))) return 'not-permitted';
  const covered =
    typeof policy.agreement === 'function'
      ? await policy.agreement(viewer.organisation)
      : policy.agreement.includes(viewer.organisation);
  return covered === true ? 'permitted' : 'no-agreement';
}

/** GP-side sharing status: only an explicit `share` allows; dissent and "not set" both refuse. */
export function sharingAllows(status: 'share' | 'dissent' | 'not-set' | undefined): boolean {
  return status === 'share';
}

const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/** Labelled restricted or very restricted (private to the recording organisation). */
export function isPrivate(security: readonly Coding[] | undefined): boolean {
  return (security ?? []).some(
    (s) => s.system === CONFIDENTIALITY && (s.code === 'R' || s.code === 'V'),
  );
}
