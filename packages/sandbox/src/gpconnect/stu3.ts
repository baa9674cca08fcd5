/** Shared helpers for the R4 → STU3 (CareConnect-GPC) conversion. */
import { DMD, SNOMED } from '../codes.js';

/** A loosely typed STU3 resource: the sandbox builds them, it never reads them back. */
export type Stu3Resource = { resourceType: string; id: string } & Record<string, unknown>;

export const gpcProfile = (name: string) => ({
  profile: [`https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-${name}-1`],
});

/** GP Connect codes dm+d concepts under the SNOMED CT system; everything else is kept as is. */
export function stu3Concept(
  concept: fhir4.CodeableConcept | undefined,
): fhir4.CodeableConcept | undefined {
  if (!concept) return undefined;
  return {
    coding: (concept.coding ?? []).map((c) => ({
      ...(c.system && { system: c.system === DMD ? SNOMED : c.system }),
      ...(c.code && { code: c.code }),
      ...(c.display && { display: c.display }),
    })),
    // The concept's own term: a degraded or uncoded entry's only name (GP2GP keeps it here).
    ...(concept.text && { text: concept.text }),
  };
}

/** First coding's code of an R4 status CodeableConcept (e.g. clinicalStatus), as an STU3 code. */
export const statusCode = (concept: fhir4.CodeableConcept | undefined) =>
  concept?.coding?.[0]?.code;

/** Drops undefined members so the JSON is the same whichever way it is built. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const isConfidential = (resource: fhir4.Resource) =>
  resource.meta?.security?.some((s) => s.code === 'R' || s.code === 'V') ?? false;
