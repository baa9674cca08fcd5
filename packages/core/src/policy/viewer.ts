/**
 * The viewing clinician and the patient as the host knows them, validated on the way in. Reasons
 * are fixed, PHI-free sentences: they may be shown and logged.
 */
import { isValidNhsNumber } from '../nhs-number.js';
import { isPossibleDate } from '../normalise/shared/dates.js';

export type CareSetting =
  | 'emergency'
  | 'urgent-care'
  | 'out-of-hours'
  | 'ambulance'
  | 'community'
  | 'inpatient'
  | 'outpatient';

export const CARE_SETTINGS: readonly CareSetting[] = [
  'emergency',
  'urgent-care',
  'out-of-hours',
  'ambulance',
  'community',
  'inpatient',
  'outpatient',
];

export interface ViewerContext {
  /** The user's identifier (e.g. the smartcard UUID). */
  userId: string;
  /** The user's name, as audit records show it. */
  name: string;
  /** National RBAC role codes, e.g. `R8000`. */
  roles: string[];
  /** ODS code of the viewing organisation, e.g. `RX1`. */
  organisation: string;
  setting: CareSetting;
}

/** The patient as the host identifies them: the NHS number, and what it shows beside it. */
export interface HostPatient {
  /** Ten digits (spaces allowed on input; stored without). */
  nhsNumber: string;
  /** As the host displays it, for the consent gate and the identity cross-check. */
  name?: { family?: string; given?: string[] };
  /** ISO date (YYYY-MM-DD). */
  birthDate?: string;
  /**
   * The host's own id for this attendance or encounter. Setting the same patient again with the
   * same id keeps a live view (nothing changed); without one, every `setPatient` starts afresh.
   */
  encounter?: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

const ROLE_CODE = /^[A-Z]\d{4}$/;
const ODS_CODE = /^[A-Z0-9]{3,10}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

export function validateViewer(input: unknown): Validated<ViewerContext> {
  const v = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (!isText(v.userId)) return { ok: false, reason: 'The viewer has no user id.' };
  if (!isText(v.name)) return { ok: false, reason: 'The viewer has no name.' };
  if (
    !Array.isArray(v.roles) ||
    v.roles.length === 0 ||
    !v.roles.every((r) => typeof r === 'string' && ROLE_CODE.test(r))
  ) {
    return { ok: false, reason: 'The viewer has no valid role codes (such as R8000).' };
  }
  if (typeof v.organisation !== 'string' || !ODS_CODE.test(v.organisation)) {
    return { ok: false, reason: 'The viewer has no valid organisation ODS code.' };
  }
  if (!CARE_SETTINGS.includes(v.setting as CareSetting)) {
    return { ok: false, reason: 'The viewer has no valid care setting.' };
  }
  return {
    ok: true,
    value: {
      userId: v.userId,
      name: v.name,
      roles: [...(v.roles as string[])],
      organisation: v.organisation,
      setting: v.setting as CareSetting,
    },
  };
}

export function validateHostPatient(input: unknown): Validated<HostPatient> {
  const p = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const nhsNumber = typeof p.nhsNumber === 'string' ? p.nhsNumber.replace(/ /g, '') : '';
  if (!nhsNumber) return { ok: false, reason: 'No NHS number was given for the patient.' };
  if (!isValidNhsNumber(nhsNumber))
    return { ok: false, reason: 'The NHS number given is not valid.' };
  if (
    p.birthDate !== undefined &&
    (typeof p.birthDate !== 'string' || !ISO_DATE.test(p.birthDate) || !isPossibleDate(p.birthDate))
  ) {
    return { ok: false, reason: 'The date of birth given is not a date.' };
  }
  if (p.encounter !== undefined && !isText(p.encounter, 100)) {
    return { ok: false, reason: 'The encounter id given is not text.' };
  }
  const name =
    typeof p.name === 'object' && p.name !== null ? (p.name as Record<string, unknown>) : undefined;
  const family = isText(name?.family) ? name.family : undefined;
  const given = Array.isArray(name?.given)
    ? name.given.filter((g): g is string => isText(g))
    : undefined;
  return {
    ok: true,
    value: {
      nhsNumber,
      ...((family || given) && { name: { ...(family && { family }), ...(given && { given }) } }),
      ...(typeof p.birthDate === 'string' && { birthDate: p.birthDate }),
      ...(typeof p.encounter === 'string' && { encounter: p.encounter }),
    },
  };
}

/**
 * Who an audit record names when the viewer is invalid: every field that is valid on its own as
 * given, and `unknown` only for the rest, so a refusal still says whose attempt it was.
 */
export function auditIdentityOf(input: unknown): ViewerContext {
  const v = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  return {
    userId: isText(v.userId) ? v.userId : 'unknown',
    name: isText(v.name) ? v.name : 'unknown',
    roles: Array.isArray(v.roles)
      ? v.roles.filter((r): r is string => typeof r === 'string' && ROLE_CODE.test(r))
      : [],
    organisation:
      typeof v.organisation === 'string' && ODS_CODE.test(v.organisation)
        ? v.organisation
        : 'UNKNOWN',
    setting: CARE_SETTINGS.includes(v.setting as CareSetting)
      ? (v.setting as CareSetting)
      : 'emergency',
  };
}
