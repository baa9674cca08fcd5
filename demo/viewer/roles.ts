/**
 * Who may sign in to the viewer, as a smartcard would say: national RBAC job role codes and the
 * sandbox's organisations. Sources (checked 2 Dec 2026):
 * - R8000 Clinical practitioner, R8001 Nurse, R8003 Health professional, R8008 Admin or clinical
 *   support: NHS England, "Access and store digital patient documents: user roles and access"
 *   (digital.nhs.uk/services/access-and-store-digital-patient-documents/help-and-guidance/user-roles-and-access).
 * - R0001 Privacy Officer ("local security/information management officers who have the
 *   responsibility for monitoring the correct and suitable usage of NHS CRS compliant systems"):
 *   the NHS NCRS role code system taken from NHS RBAC codes v27.2, as published by Black Pear
 *   (support.blackpear.com/hc/article_attachments/11603838698653), and named with R8000 in NHS
 *   England's "National RBAC for developers".
 * The clinical roles are the core's default permitted roles; R8008 is offered to show a refusal.
 */
import type { CareSetting } from '@dcr-elements/core';
import { SANDBOX_ORGANISATIONS } from '../../packages/sandbox/src/synthetic/roster.js';

export interface RoleOption {
  code: string;
  label: string;
  /** Reads the audit trail instead of patients' records. */
  auditor?: true;
}

export const ROLES: readonly RoleOption[] = [
  { code: 'R8000', label: 'Clinical practitioner' },
  { code: 'R8001', label: 'Nurse' },
  { code: 'R8003', label: 'Health professional' },
  { code: 'R8008', label: 'Admin or clinical support' },
  { code: 'R0001', label: 'Privacy officer (auditor)', auditor: true },
];

/** The sandbox's synthetic organisations: RX1 is in the practice's sharing agreement, Y23456 is not. */
export const ORGANISATIONS: readonly { ods: string; name: string }[] = [
  SANDBOX_ORGANISATIONS.viewingTrust,
  SANDBOX_ORGANISATIONS.sexualHealthService,
];

export const SETTINGS: readonly { value: CareSetting; label: string }[] = [
  { value: 'emergency', label: 'Emergency department' },
  { value: 'urgent-care', label: 'Urgent treatment centre' },
  { value: 'out-of-hours', label: 'GP out of hours' },
  { value: 'ambulance', label: 'Ambulance service' },
  { value: 'community', label: 'Community service' },
];

export const roleOf = (code: string): RoleOption | undefined => ROLES.find((r) => r.code === code);
export const organisationOf = (ods: string) => ORGANISATIONS.find((o) => o.ods === ods);
