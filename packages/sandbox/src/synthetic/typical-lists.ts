/**
 * The typical patient's entries for the problem, diagnosis, procedure and immunisation lists,
 * beyond those in patients.ts and typical-sections.ts: minor past problems linked to each other
 * (as GP Connect's own consultations example links a URTI and the postviral cough that followed),
 * a past problem sent with no category and no significance (UK Core allows both), an active
 * encounter diagnosis, an appendicectomy known only to the month, and immunisations: yearly
 * influenza (one not given, with its coded reason) and a tetanus-containing Td/IPV booster, the
 * question A&E asks of every wound. Every code is from codes.ts, where each is verified.
 */
import * as code from '../codes.js';
import type { Code } from '../codes.js';
import { GP_ID, concept, condition } from './builders.js';
import { procedure } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SANDBOX_PATIENTS, type RosterPatient } from './roster.js';

const p: RosterPatient = SANDBOX_PATIENTS.typical;

function immunisation(
  id: string,
  options: {
    vaccine: Code;
    date: string;
    dose?: number;
    notGiven?: Code;
  },
): fhir4.Immunization {
  return {
    resourceType: 'Immunization',
    id,
    meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Immunization'] },
    status: options.notGiven ? 'not-done' : 'completed',
    ...(options.notGiven && { statusReason: concept(options.notGiven) }),
    vaccineCode: concept(options.vaccine),
    patient: { reference: `Patient/${p.id}` },
    occurrenceDateTime: options.date,
    primarySource: true,
    ...(!options.notGiven && {
      site: concept(code.leftUpperArmStructure),
      route: concept(code.intramuscularRoute),
      doseQuantity: {
        value: 0.5,
        unit: 'ml',
        system: 'http://unitsofmeasure.org',
        code: 'mL',
      },
    }),
    ...(options.dose !== undefined && {
      protocolApplied: [{ doseNumberPositiveInt: options.dose }],
    }),
    performer: [{ actor: { reference: `Practitioner/${GP_ID}` } }],
  };
}

export function typicalListSections(): fhir4.Resource[] {
  return [
    condition(p, 'typical-urti-2019', {
      code: code.upperRespiratoryInfection,
      onset: '2019-03-01',
      kind: 'problem',
      status: 'resolved',
      abated: '2019-03-20',
      significance: 'minor',
      related: ['typical-postviral-cough'],
    }),
    condition(p, 'typical-postviral-cough', {
      code: code.postviralCough,
      onset: '2019-03-28',
      kind: 'problem',
      status: 'resolved',
      abated: '2019-05-02',
      significance: 'minor',
    }),
    condition(p, 'typical-fracture', {
      code: code.fractureOfBone,
      onset: '2011-08-15',
      kind: 'problem',
      status: 'resolved',
      abated: '2011-10-20',
      uncategorised: true,
    }),
    condition(p, 'typical-urti-recent', {
      code: code.upperRespiratoryInfection,
      onset: daysBefore(11),
      kind: 'diagnosis',
      status: 'active',
    }),
    procedure(p, 'typical-appendicectomy', { code: code.appendicectomy, performed: '1962-08' }),
    immunisation('typical-td-ipv', { vaccine: code.revaxisVaccine, date: '2016-04-22', dose: 5 }),
    ...['2023-10-05', '2024-10-08', '2025-10-14'].map((date) =>
      immunisation(`typical-influenza-${date.slice(0, 4)}`, {
        vaccine: code.influenzaVaccineSplitVirion,
        date,
      }),
    ),
    immunisation('typical-influenza-2022', {
      vaccine: code.influenzaVaccineSplitVirion,
      date: '2022-10-11',
      notGiven: code.generallyUnwell,
    }),
  ];
}
