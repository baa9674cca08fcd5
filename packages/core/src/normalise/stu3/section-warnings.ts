import type { SectionWarning } from '../../model/common.js';
import type { SectionName } from '../../model/sections.js';
import { codingsOf } from '../shared/coding.js';
import type { BundleIndex } from './bundle-index.js';
import { array, codeValue, extensionsNamed, record, text, type Json } from '../shared/read.js';
import { ownValue } from '../../own-value.js';

/** The GP Connect list warning extension (verified in the GP Connect Access Record Structured spec). */
export const LIST_WARNING_EXTENSION =
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1';

/** SNOMED CT codes of the GP Connect primary Lists, and the model sections each one feeds. */
export const LIST_SECTIONS: Readonly<Record<string, readonly SectionName[]>> = {
  '886921000000105': ['allergies'], // Allergies and adverse reactions
  '1103671000000101': ['allergies'], // Ended allergies
  '933361000000108': ['medications'], // Medications and medical devices
  '717711000000103': ['problems', 'diagnoses'], // Problems
  '1149501000000101': ['events'], // List of consultations
  '792931000000107': ['events'], // Outbound referral (the primary referrals List)
  '886721000000107': ['events'], // Referral details (older spec examples)
  '887191000000108': ['investigations'], // Investigations and results
  // Miscellaneous record (uncategorised data): observations reach investigations, BP its section.
  '826501000000100': ['investigations', 'bloodPressure'],
  '1102181000000102': ['immunisations'], // Immunisations
};

/**
 * Lists that give a consultation its structure (consultation, topic, category): their items are
 * read through the primary Lists, and they carry no warning codes (List page of the spec).
 */
const STRUCTURE_LISTS = new Set(['325851000000107', '25851000000105', '24781000000107']);

/**
 * Secondary Lists (GPConnect-SecondaryListValues-1, e.g.
 * `consultations-medications-contained-in-consultations`): their warning codes reach the
 * section of the data they hold.
 */
const SECONDARY_SECTIONS: readonly [RegExp, readonly SectionName[]][] = [
  [/allergies/, ['allergies']],
  [/medications/, ['medications']],
  [/immunisations/, ['immunisations']],
  [/investigations/, ['investigations']],
  [/outbound-referrals/, ['events']],
  [/uncategorised-data/, ['investigations', 'bloodPressure']],
  [/problems-contained|linked-problems/, ['problems']],
  [/consultations-related/, ['events']],
];

/** Resource types some section reads: a List holding only these is covered, not unknown. */
const READ_TYPES = new Set([
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
  'Medication',
  'Condition',
  'Encounter',
  'ReferralRequest',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'List',
]);

/** Disclosed in every section when the bundle holds a List this library does not know. */
export function unknownListWarning(count: number): SectionWarning {
  return {
    code: 'source-warning',
    coding: {
      system: 'https://dcr-elements.dev/CodeSystem/source-warning',
      code: 'unknown-list',
      display: `${count} list${count === 1 ? '' : 's'} in the record could not be shown`,
    },
  };
}

/** The `include*` parameter that asks GP Connect for each section's data (see gp-connect-parameters). */
const PARAMETER_SECTIONS: Readonly<Record<string, readonly SectionName[]>> = {
  includeAllergies: ['allergies'],
  includeMedication: ['medications'],
  includeProblems: ['problems', 'diagnoses'],
  includeConsultations: ['events', 'bloodPressure'],
  includeReferrals: ['events'],
  includeInvestigations: ['investigations'],
  includeUncategorisedData: ['bloodPressure', 'investigations'],
  includeImmunisations: ['immunisations'],
};

const KNOWN_WARNINGS = new Set<SectionWarning['code']>([
  'confidential-items',
  'data-in-transit',
  'data-awaiting-filing',
]);

/** Warnings by section, deduplicated: the same warning appears on every list an item belongs to. */
export class SectionWarnings {
  private readonly bySection = new Map<SectionName, SectionWarning[]>();
  /** Warnings for every section: from Lists no section reads, and the unknown-List notice. */
  private readonly everywhere: SectionWarning[] = [];

  addEverywhere(warning: SectionWarning): void {
    this.everywhere.push(warning);
  }

  add(section: SectionName, warning: SectionWarning): void {
    const list = this.bySection.get(section) ?? [];
    const same = list.some(
      (w) => w.code === warning.code && w.coding?.code === warning.coding?.code,
    );
    if (!same) list.push(warning);
    this.bySection.set(section, list);
  }

  for(section: SectionName): SectionWarning[] {
    const own = [...(this.bySection.get(section) ?? [])];
    for (const w of this.everywhere)
      if (!own.some((o) => o.code === w.code && o.coding?.code === w.coding?.code)) own.push(w);
    return own;
  }
}

/** The sections a List feeds, from its SNOMED CT code. */
export function sectionsOfList(list: Json): readonly SectionName[] {
  for (const coding of codingsOf(list.code)) {
    const sections = ownValue(LIST_SECTIONS, coding.code.trim());
    if (sections) return sections;
  }
  return [];
}

/**
 * Every caveat the bundle carries, by section: List warning codes and `emptyReason` (which the
 * disclosure rule says must be shown, never dropped), and OperationOutcome issues saying that an
 * `include*` parameter is not supported by the practice's system (data that will be missing).
 */
export function collectWarnings(index: BundleIndex): SectionWarnings {
  const warnings = new SectionWarnings();
  let unknownLists = 0;
  for (const { resource } of index.ofType('List')) {
    const sections = sectionsOfList(resource);
    const secondary = sections.length === 0 ? secondarySections(resource) : undefined;
    if (sections.length > 0 || (secondary && secondary.length > 0)) {
      for (const warning of listWarnings(resource))
        for (const s of secondary ?? sections) warnings.add(s, warning);
      continue;
    }
    if (isStructureList(resource) || isCovered(index, resource)) continue;
    // A List no section reads: its items and warnings would be lost without a word. It is
    // counted, and every section says so (with the List's own warnings, but never its title).
    unknownLists += 1;
    for (const warning of listWarnings(resource))
      if (warning.code !== 'empty-reason') warnings.addEverywhere(warning);
  }
  if (unknownLists > 0) warnings.addEverywhere(unknownListWarning(unknownLists));
  for (const { resource } of index.ofType('OperationOutcome')) {
    for (const item of array(resource.issue)) {
      const issue = record(item);
      if (!issue) continue;
      const said =
        `${text(issue.diagnostics) ?? ''} ${text(record(issue.details)?.text) ?? ''}`.slice(
          0,
          2000,
        );
      const coding = codingsOf(issue.details)[0];
      for (const [parameter, sections] of Object.entries(PARAMETER_SECTIONS)) {
        if (!new RegExp(`\\b${parameter}\\b`).test(said)) continue;
        for (const s of sections)
          warnings.add(s, { code: 'source-warning', ...(coding && { coding }) });
      }
    }
  }
  return warnings;
}

function secondarySections(list: Json): readonly SectionName[] {
  for (const coding of codingsOf(list.code)) {
    if (!/SecondaryListValues/i.test(coding.system)) continue;
    for (const [pattern, sections] of SECONDARY_SECTIONS)
      if (pattern.test(coding.code)) return sections;
    return [];
  }
  return [];
}

function isStructureList(list: Json): boolean {
  return codingsOf(list.code).some(
    (c) => STRUCTURE_LISTS.has(c.code.trim()) || /SecondaryListValues/i.test(c.system),
  );
}

/**
 * A List of unknown code whose items are all of types other sections read (e.g. the spec
 * examples' placeholder-coded "Resolved Allergies" List, holding AllergyIntolerances), and which
 * carries no warning: nothing in it would be lost.
 */
function isCovered(index: BundleIndex, list: Json): boolean {
  if (listWarnings(list).some((w) => w.code !== 'empty-reason')) return false;
  return array(list.entry).every((item) => {
    const reference = record(item)?.item;
    const target = index.resolve(reference, undefined, list);
    const type = text(target?.resourceType) ?? referencedType(reference);
    return type !== undefined && READ_TYPES.has(type);
  });
}

function referencedType(reference: unknown): string | undefined {
  const value = text(record(reference)?.reference);
  const parts = value?.split('/').filter((p) => p.length > 0) ?? [];
  return parts.length >= 2 ? parts.at(-2) : undefined;
}

function listWarnings(list: Json): SectionWarning[] {
  const result: SectionWarning[] = [];
  for (const extension of extensionsNamed(list, 'Extension-CareConnect-GPC-ListWarningCode-1')) {
    // The extension is `valueCode`; some suppliers send a Coding or CodeableConcept instead.
    const code =
      text(extension.valueCode) ??
      codeValue(extension.valueCoding) ??
      codingsOf(extension.valueCodeableConcept)[0]?.code;
    if (!code) continue;
    const coding = { system: LIST_WARNING_EXTENSION, code };
    const known = KNOWN_WARNINGS.has(code as SectionWarning['code'])
      ? (code as SectionWarning['code'])
      : undefined;
    result.push({ code: known ?? 'source-warning', coding });
  }
  const emptyReason = codingsOf(list.emptyReason)[0];
  if (emptyReason) result.push({ code: 'empty-reason', coding: emptyReason });
  return result;
}
