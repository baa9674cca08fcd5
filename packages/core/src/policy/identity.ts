import type { Demographics } from '../model/demographics.js';
import type { HostPatient } from './viewer.js';

/**
 * The right-patient check: the record's demographics against the patient the host asked about.
 * The NHS number must match exactly; the date of birth and family name must match whenever the
 * host gave them (names compared without case, accents or surrounding spaces).
 * Returns which field disagrees, never the values (the reason may be logged and audited).
 */
export function identityMismatch(
  host: HostPatient,
  record: Demographics,
): 'nhs-number' | 'birth-date' | 'family-name' | undefined {
  if (record.nhsNumber !== host.nhsNumber) return 'nhs-number';
  if (host.birthDate && record.birthDate !== host.birthDate) return 'birth-date';
  const family = host.name?.family;
  if (family && fold(record.family ?? '') !== fold(family)) return 'family-name';
  return undefined;
}

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}
