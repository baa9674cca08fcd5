/**
 * The practice's information sharing agreement, as the sandbox models it: GP Connect calls from
 * organisations not in it are refused with NO_ORGANISATION_CONSENT. The requesting organisation
 * is read from the audit JWT the consumer sends (`requesting_organization`, unsigned in GP Connect).
 */
import { ODS_SYSTEM } from '../codes.js';
import { SANDBOX_SHARING_AGREEMENT } from '../synthetic/roster.js';

/** The ODS code in the JWT's `requesting_organization`, when the Authorization header carries one. */
export function requestingOrganisation(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      requesting_organization?: { identifier?: { system?: string; value?: string }[] };
    };
    return claims.requesting_organization?.identifier?.find((i) => i.system === ODS_SYSTEM)?.value;
  } catch {
    return undefined;
  }
}

/** True when the organisation may see records (no JWT: the host's proxy vouches, as Spine would). */
export function inSharingAgreement(ods: string | undefined): boolean {
  return ods === undefined || SANDBOX_SHARING_AGREEMENT.includes(ods);
}
