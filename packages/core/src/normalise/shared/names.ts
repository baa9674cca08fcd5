import { array, record, text, type Json } from './read.js';

/**
 * Names of the people, organisations and places an entry mentions, for both FHIR versions. These
 * are labels of resources (a Practitioner's name, an Organization's name), not clinical free text.
 */

/** `FAMILY, Given (Title)` per NHS display conventions (a HumanName array or a single one). */
export function personName(resource: Json | undefined): string | undefined {
  if (!resource) return undefined;
  const names = array(resource.name).map(record);
  const name = names.find((n) => text(n?.use) === 'official') ?? names[0];
  const family = text(name?.family) ?? text(array(name?.family)[0]);
  const given = array(name?.given).map(text).filter(Boolean).join(' ');
  const title = text(array(name?.prefix)[0]);
  if (family)
    return `${family.toUpperCase()}${given ? `, ${given}` : ''}${title ? ` (${title})` : ''}`;
  return text(name?.text)?.slice(0, 100);
}

/** The `name` of an Organization, Location or HealthcareService. */
export function placeName(resource: Json | undefined): string | undefined {
  return text(resource?.name)?.slice(0, 200);
}

/** A name for whatever a reference points to: a person's name, else a place's, else its `display`. */
export function nameOf(resource: Json | undefined, reference: unknown): string | undefined {
  return personName(resource) ?? placeName(resource) ?? text(record(reference)?.display);
}

/** A Practitioner as provenance shows it: its name, else its first identifier (the SDS user id). */
export function practitionerLabel(practitioner: Json | undefined): string | undefined {
  if (!practitioner) return undefined;
  return (
    personName(practitioner) ??
    array(practitioner.identifier)
      .map((item) => text(record(item)?.value))
      .find(Boolean)
  );
}
