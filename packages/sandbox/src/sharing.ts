/**
 * GP-side sharing status, read from the loaded Consent resources (one home for the rule): an
 * active Consent with a deny provision is dissent, a `proposed` one is "not set at the practice",
 * anything else (an active permit, or no sharing Consent at all) is share, the NHS default.
 * Both dissent and not-set refuse the record; Patient lookups still answer (docs/architecture.md#rules).
 */
import { SPINE_ERROR_SYSTEM_R4 } from './codes.js';
import { SHARING_POLICY_URI } from './synthetic/builders-events.js';

export type SharingStatus = 'share' | 'dissent' | 'not-set';

/** Sandbox-local code system naming why sharing is refused, next to the Spine code. */
export const SHARING_STATUS_SYSTEM = 'https://dcr-elements.example/CodeSystem/gp-sharing-status';

/** Resource types that are not part of a patient's clinical record and so are never refused. */
const NON_CLINICAL = new Set([
  'Patient',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Medication',
  'Consent',
]);

export function sharingStatusByPatient(
  resources: readonly fhir4.Resource[],
): Map<string, SharingStatus> {
  const statuses = new Map<string, SharingStatus>();
  for (const resource of resources) {
    if (resource.resourceType !== 'Consent') continue;
    const consent = resource as fhir4.Consent;
    if (!consent.policy?.some((p) => p.uri === SHARING_POLICY_URI)) continue;
    const patientId = consent.patient?.reference?.replace(/^Patient\//, '');
    if (!patientId) continue;
    const status: SharingStatus =
      consent.status === 'proposed'
        ? 'not-set'
        : consent.status === 'active' && consent.provision?.type === 'deny'
          ? 'dissent'
          : 'share';
    statuses.set(patientId, status);
  }
  return statuses;
}

export function isClinicalType(resourceType: string): boolean {
  return !NON_CLINICAL.has(resourceType);
}

/** The patient a resource belongs to (subject or patient reference), if any. */
export function patientIdOf(resource: fhir4.Resource): string | undefined {
  const r = resource as { subject?: fhir4.Reference; patient?: fhir4.Reference };
  const ref = r.subject?.reference ?? r.patient?.reference;
  return ref?.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
}

/** The patient a search is scoped to by `patient` or `subject`, if any. */
export function patientIdOfQuery(query: Record<string, string | string[]>): string | undefined {
  const value = [query.patient ?? query.subject].flat()[0];
  return value?.replace(/^Patient\//, '') || undefined;
}

/** R4 refusal for a refused patient's clinical data: 403, `forbidden`, Spine code and the reason. */
export function sharingRefusal(status: Exclude<SharingStatus, 'share'>): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: 'forbidden',
        details: {
          coding: [
            {
              system: SPINE_ERROR_SYSTEM_R4,
              code: 'NO_PATIENT_CONSENT',
              display: 'Patient has not provided consent to share data',
            },
            status === 'dissent'
              ? {
                  system: SHARING_STATUS_SYSTEM,
                  code: 'dissent',
                  display: 'Patient dissented from sharing at the GP practice',
                }
              : {
                  system: SHARING_STATUS_SYSTEM,
                  code: 'not-set',
                  display: 'Sharing status not set at the GP practice',
                },
          ],
        },
        diagnostics: 'The GP practice does not share this record.',
      },
    ],
  };
}
