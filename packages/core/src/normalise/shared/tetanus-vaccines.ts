import type { Immunisation, ImmunisationsSection } from '../../model/clinical.js';
import { compareNewestFirst } from './compare-dates.js';

/**
 * Tetanus-containing vaccinations, for the question A&E asks of every wound: when was the last
 * one? Recognised by name, not by code: no published, verifiable list of every SNOMED CT
 * vaccination procedure and dm+d vaccine product containing tetanus toxoid could be found, and a
 * partial code list would miss products silently. So a vaccination is tetanus-containing when
 * its term, or the term of any of its codings, names:
 *
 * - tetanus itself (SNOMED CT vaccination terms and dm+d VTM/VMP names spell the antigens out,
 *   e.g. "Diphtheria, tetanus and inactivated polio vaccination");
 * - a UK combined-vaccine abbreviation: DTaP / dTaP (DTaP/IPV, DTaP/IPV/Hib, DTaP/IPV/Hib/HepB),
 *   Td/IPV, Tdap, dTpa, DTP;
 * - a brand whose every product contains tetanus toxoid (dm+d AMP names carry only the brand):
 *   Revaxis (Td/IPV), Repevax (dTaP/IPV), Infanrix (IPV, IPV+Hib, hexa), Pediacel (DTaP/IPV/Hib)
 *   (NHS Devon formulary, vaccines chapter 14.1), Boostrix (Boostrix-IPV, dTpa-IPV: Australian
 *   Immunisation Handbook), Vaxelis (DTaP-IPV-Hib-HepB: immunize.org).
 *
 * Not a vaccination, so never counted: tetanus immunoglobulin or antitoxin (passive protection),
 * and terms that record one not done, declined or contraindicated.
 */
const TETANUS_CONTAINING =
  /\btetanus\b|\b(?:dtap|tdap|dtpa|dtp)\b|\btd\/ipv\b|\b(?:revaxis|repevax|infanrix|pediacel|boostrix|vaxelis)\b/i;
const NOT_A_VACCINATION =
  /immunoglobulin|antitoxin|\bnot (?:done|given)\b|declined|contraindicated/i;

/** True when the immunisation's term or any coding's term names a tetanus-containing vaccine. */
export function isTetanusContaining(immunisation: Immunisation): boolean {
  return [immunisation.display, ...immunisation.codes.map((c) => c.display ?? '')].some(
    (term) => TETANUS_CONTAINING.test(term) && !NOT_A_VACCINATION.test(term),
  );
}

/**
 * The newest tetanus-containing vaccination recorded as given (`completed`; one not given, or of
 * unknown status, does not protect), or `undefined` when the section holds none.
 */
export function lastTetanusVaccination(section: ImmunisationsSection): Immunisation | undefined {
  return section.entries
    .filter((i) => i.status === 'completed' && isTetanusContaining(i))
    .sort((a, b) => compareNewestFirst(a.date, b.date))[0];
}
