import type { Coding, Entry } from '../model/common.js';
import { DEFAULT_SENSITIVE_CODES, type SensitiveCodeInput } from './sensitive-match.js';
import {
  DEFAULT_SENSITIVE_MEDICINES,
  DEFAULT_SENSITIVE_TERMS,
  type SensitiveMedicineName,
  type SensitiveTerm,
} from './sensitive-names.js';
import { resolveAccess } from './access.js';

export { DEFAULT_SENSITIVE_CODES, DEFAULT_SENSITIVE_MEDICINES, DEFAULT_SENSITIVE_TERMS };
export { DEFAULT_PERMITTED_ROLES, decideAccess, type AccessDecision } from './access.js';
export type { SensitiveCodeInput, SensitiveMedicineName, SensitiveTerm };

/**
 * An entry the host's terminology service judges sensitive (e.g. a subsumption check). Entries
 * it withholds are counted in `withheld.sensitiveByHook` (a count, never the codes).
 */
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
  /**
   * Codes of the sensitive categories, matched by system and code in every coded field of every
   * entry. As an override it ADDS to the shipped sets ({@link DEFAULT_SENSITIVE_CODES}); a bare
   * string is a SNOMED CT (or dm+d) concept id. Resolved, it is the full effective list.
   */
  sensitiveCodes: readonly SensitiveCodeInput[];
  /**
   * Replaces the shipped code sets instead of adding to them (a deployment with its own complete,
   * governed sets). `sensitiveCodes` still adds to whatever this gives.
   */
  replaceSensitiveCodes?: readonly SensitiveCodeInput[];
  /** Medicines whose use reveals a sensitive category, matched by name. Default: the shipped list. */
  sensitiveMedicines: readonly SensitiveMedicineName[];
  /**
   * Words of coded terms that name a sensitive category, for codes no shipped set holds.
   * Default: the shipped list; `[]` turns term matching off.
   */
  sensitiveTerms: readonly SensitiveTerm[];
  /** `meta.security` codes (HL7 v3 ActCode, R4 or STU3 URI) that mark an entry sensitive. */
  sensitiveLabels: readonly string[];
  sensitiveHook?: SensitiveHook;
  /** How long a grant lasts, in minutes. Default 60. */
  grantMinutes: number;
}

/** HL7 v3 ActCode information-sensitivity labels for these categories (STD, sexuality and reproductive health, HIV). */
export const DEFAULT_SENSITIVE_LABELS = ['STD', 'SEX', 'HIV'] as const;

export function resolvePolicy(overrides: Partial<AccessPolicy> = {}): AccessPolicy {
  return {
    ...resolveAccess(overrides),
    sensitiveCodes: [
      ...(overrides.replaceSensitiveCodes ?? DEFAULT_SENSITIVE_CODES),
      ...(overrides.sensitiveCodes ?? []),
    ],
    sensitiveMedicines: overrides.sensitiveMedicines ?? DEFAULT_SENSITIVE_MEDICINES,
    sensitiveTerms: overrides.sensitiveTerms ?? DEFAULT_SENSITIVE_TERMS,
    sensitiveLabels: overrides.sensitiveLabels ?? DEFAULT_SENSITIVE_LABELS,
    ...(overrides.sensitiveHook && { sensitiveHook: overrides.sensitiveHook }),
  };
}

/** GP-side sharing status: only an explicit `share` allows; dissent and "not set" both refuse. */
export function sharingAllows(status: 'share' | 'dissent' | 'not-set' | undefined): boolean {
  return status === 'share';
}

/** HL7 v3 Confidentiality: R4 (terminology.hl7.org) and STU3 (hl7.org/fhir/v3) URIs. */
export const CONFIDENTIALITY_SYSTEMS: readonly string[] = [
  'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  'http://hl7.org/fhir/v3/Confidentiality',
];

/** HL7 v3 ActCode, where the information-sensitivity labels live: R4 and STU3 URIs. */
export const ACT_CODE_SYSTEMS: readonly string[] = [
  'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  'http://hl7.org/fhir/v3/ActCode',
];

/** Labelled restricted or very restricted (private to the recording organisation). */
export function isPrivate(security: readonly Coding[] | undefined): boolean {
  return (security ?? []).some(
    (s) => CONFIDENTIALITY_SYSTEMS.includes(s.system) && (s.code === 'R' || s.code === 'V'),
  );
}

/** Labelled with one of the policy's information-sensitivity codes. */
export function hasSensitiveLabel(
  security: readonly Coding[] | undefined,
  labels: readonly string[],
): boolean {
  return (security ?? []).some(
    (s) => ACT_CODE_SYSTEMS.includes(s.system) && labels.includes(s.code),
  );
}
