import { ODS_ORGANISATION_SYSTEM, SDS_USER_ID_SYSTEM } from '../model/common.js';

/** Who is viewing: the same context the host gives the session (docs/architecture.md#public-api). */
export interface GpConnectViewer {
  /** The logged-on user's id in the host system (JWT `sub` and `requesting_practitioner.id`). */
  userId: string;
  /** Display name, e.g. `Dr Claire Jones`; the last word is taken as the family name. */
  name?: string;
  /** RBAC role codes (e.g. `R8000`). */
  roles?: readonly string[];
  /** ODS code of the viewer's organisation. */
  organisation: string;
  /** Name of the viewer's organisation, when the host knows it. */
  organisationName?: string;
  /** Care setting, e.g. `emergency`. */
  setting?: string;
  /** SDS user id from the smartcard; `UNK` when not logged on with one (as GP Connect asks). */
  sdsUserId?: string;
  /** SDS role profile id from the smartcard; `UNK` when not known. */
  sdsRoleProfileId?: string;
}

export interface JwtOptions {
  viewer: GpConnectViewer;
  /** `iss`: the consumer system's URL. */
  issuer: string;
  /** `aud`: the provider's service root URL. */
  audience: string;
  /** Seconds since the epoch. */
  now: number;
  device: { system: string; value: string; model: string; version: string };
}

/**
 * The GP Connect audit JWT (cross-organisation audit and provenance): an unsigned token
 * (`alg: none`, empty signature, hence the trailing dot), valid for five minutes, describing the
 * user, device and organisation on whose behalf the record is read for direct care. It carries no
 * patient data.
 */
export function gpConnectJwt({ viewer, issuer, audience, now, device }: JwtOptions): string {
  const nameParts = (viewer.name ?? '').trim().split(/\s+/).filter(Boolean);
  const family = nameParts.length > 0 ? nameParts[nameParts.length - 1] : undefined;
  const given = nameParts.slice(0, -1).filter((p) => !/^(dr|mr|mrs|ms|miss|prof)\.?$/i.test(p));
  const prefix = nameParts.slice(0, -1).filter((p) => /^(dr|mr|mrs|ms|miss|prof)\.?$/i.test(p));
  const claims = {
    iss: issuer,
    sub: viewer.userId,
    aud: audience,
    exp: now + 300,
    iat: now,
    reason_for_request: 'directcare',
    requested_scope: 'patient/*.read',
    requesting_device: {
      resourceType: 'Device',
      identifier: [{ system: device.system, value: device.value }],
      model: device.model,
      version: device.version,
    },
    requesting_organization: {
      resourceType: 'Organization',
      identifier: [{ system: ODS_ORGANISATION_SYSTEM, value: viewer.organisation }],
      ...(viewer.organisationName && { name: viewer.organisationName }),
    },
    requesting_practitioner: {
      resourceType: 'Practitioner',
      id: viewer.userId,
      identifier: [
        { system: SDS_USER_ID_SYSTEM, value: viewer.sdsUserId ?? 'UNK' },
        {
          system: 'https://fhir.nhs.uk/Id/sds-role-profile-id',
          value: viewer.sdsRoleProfileId ?? 'UNK',
        },
        { system: 'https://dcr-elements.dev/Id/user-id', value: viewer.userId },
      ],
      ...(family && { name: [{ family, given, ...(prefix.length > 0 && { prefix }) }] }),
    },
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
