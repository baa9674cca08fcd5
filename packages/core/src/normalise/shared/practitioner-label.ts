import { array, record, text, type Json } from './read.js';

/** `FAMILY, Given (Title)` per NHS display conventions, else the SDS user id. */
export function practitionerLabel(practitioner: Json | undefined): string | undefined {
  if (!practitioner) return undefined;
  const name = record(array(practitioner.name)[0]);
  const family = text(name?.family);
  const given = array(name?.given).map(text).filter(Boolean).join(' ');
  const title = text(array(name?.prefix)[0]);
  if (family)
    return `${family.toUpperCase()}${given ? `, ${given}` : ''}${title ? ` (${title})` : ''}`;
  for (const item of array(practitioner.identifier)) {
    const value = text(record(item)?.value);
    if (value) return value;
  }
  return undefined;
}
