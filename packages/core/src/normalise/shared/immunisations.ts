import type { Immunisation } from '../../model/clinical.js';
import { codingsOf, codingsOfEach } from './coding.js';
import { array, extensionNamed, finiteNumber, firstDate, record, text, type Json } from './read.js';
import { markTerm, termOf, type Term } from './terms.js';

/** HL7 NullFlavor codings (`UNK`): GP Connect puts one in `vaccineCode` when the vaccine is not coded. */
const NULL_FLAVOR = /NullFlavor/i;

type ImmunisationFields = Omit<Immunisation, 'id' | 'provenance' | 'security'>;

/**
 * STU3 (CareConnect-GPC-Immunization-1) and R4 (UK Core) Immunization → the model's fields.
 *
 * What was given: GP Connect sends the vaccination procedure in the VaccinationProcedure extension
 * and often only a NullFlavor in `vaccineCode` (immunisation guidance: "vaccineCode ... UNK"), so
 * the label is the procedure's term, else the vaccine's, else either one's text (uncoded). Status:
 * STU3 `notGiven: true` or R4 `status: not-done` is `not-done`; `completed` is given.
 * `undefined` when nothing names the vaccination at all.
 */
export function immunisationFields(resource: Json): ImmunisationFields | undefined {
  const procedure = termOf(
    extensionNamed(resource, 'Extension-CareConnect-VaccinationProcedure-1')?.valueCodeableConcept,
  );
  const vaccine = termOf(withoutNullFlavors(resource.vaccineCode));
  const term: Term | undefined =
    procedure && !procedure.uncoded ? procedure : vaccine && !vaccine.uncoded ? vaccine : undefined;
  const label = term ?? procedure ?? vaccine;
  if (!label) return undefined;
  const codes = [...(procedure?.codes ?? []), ...(vaccine?.codes ?? [])];
  const status = statusOf(resource);
  const date = firstDate(resource.date, resource.occurrenceDateTime);
  const doseSequence =
    array(resource.vaccinationProtocol)
      .map((p) => finiteNumber(record(p)?.doseSequence))
      .find((n) => n !== undefined) ??
    array(resource.protocolApplied)
      .map((p) => finiteNumber(record(p)?.doseNumberPositiveInt))
      .find((n) => n !== undefined);
  const doseValue = finiteNumber(record(resource.doseQuantity)?.value);
  const doseUnit =
    text(record(resource.doseQuantity)?.unit) ?? text(record(resource.doseQuantity)?.code);
  const site = codingsOf(resource.site);
  const route = codingsOf(resource.route);
  const reasonNotGiven = [
    ...codingsOfEach(record(resource.explanation)?.reasonNotGiven),
    // The GP Connect immunisation examples spell it `notGivenReason`.
    ...codingsOfEach(record(resource.explanation)?.notGivenReason),
    ...codingsOf(resource.statusReason),
  ];
  const marked = { codes, display: label.display } as ImmunisationFields;
  markTerm(marked, label);
  return {
    ...marked,
    status,
    ...(date && { date }),
    ...(doseSequence !== undefined && { doseSequence }),
    ...(doseValue !== undefined && {
      dose: { value: doseValue, ...(doseUnit && { unit: doseUnit.slice(0, 50) }) },
    }),
    ...(site.length > 0 && { site }),
    ...(route.length > 0 && { route }),
    ...(status === 'not-done' && reasonNotGiven.length > 0 && { reasonNotGiven }),
    ...(typeof resource.primarySource === 'boolean' && { primarySource: resource.primarySource }),
  };
}

function statusOf(resource: Json): Immunisation['status'] {
  const status = text(resource.status);
  if (resource.notGiven === true || resource.notGiven === 'true' || status === 'not-done')
    return 'not-done';
  return status === 'completed' ? 'completed' : 'unknown';
}

function withoutNullFlavors(concept: unknown): unknown {
  const value = record(concept);
  if (!value) return concept;
  return {
    ...value,
    coding: array(value.coding).filter(
      (c) => !NULL_FLAVOR.test(text(record(c)?.system) ?? '') && text(record(c)?.code) !== 'UNK',
    ),
    // The text GP Connect puts beside a NullFlavor ("Unknown") names nothing.
    ...(/^unknown$/i.test(text(value.text) ?? '') && { text: undefined }),
  };
}
