import type { SectionWarning } from '../../model/common.js';
import type { SectionName } from '../../model/sections.js';
import { codingsOf } from '../shared/coding.js';
import type { BundleIndex } from './bundle-index.js';
import { array, codeValue, extensionsNamed, record, text, type Json } from '../shared/read.js';

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
  '886721000000107': ['events'], // Referral details
  '887191000000108': ['investigations'], // Investigations and results
  '826501000000100': ['bloodPressure'], // Miscellaneous record (uncategorised data, where BP lives)
};

/** The `include*` parameter that asks GP Connect for each section's data (see gp-connect-parameters). */
const PARAMETER_SECTIONS: Readonly<Record<string, readonly SectionName[]>> = {
  includeAllergies: ['allergies'],
  includeMedication: ['medications'],
  includeProblems: ['problems', 'diagnoses'],
  includeConsultations: ['events', 'bloodPressure'],
  includeReferrals: ['events'],
  includeInvestigations: ['investigations'],
  includeUncategorisedData: ['bloodPressure'],
};

const KNOWN_WARNINGS = new Set<SectionWarning['code']>([
  'confidential-items',
  'data-in-transit',
  'data-awaiting-filing',
]);

/** Warnings by section, deduplicated: the same warning appears on every list an item belongs to. */
export class SectionWarnings {
  private readonly bySection = new Map<SectionName, SectionWarning[]>();

  add(section: SectionName, warning: SectionWarning): void {
    const list = this.bySection.get(section) ?? [];
    const same = list.some(
      (w) => w.code === warning.code && w.coding?.code === warning.coding?.code,
    );
    if (!same) list.push(warning);
    this.bySection.set(section, list);
  }

  for(section: SectionName): SectionWarning[] {
    return [...(this.bySection.get(section) ?? [])];
  }
}

/** The sections a List feeds, from its SNOMED CT code. */
export function sectionsOfList(list: Json): readonly SectionName[] {
  for (const coding of codingsOf(list.code)) {
    const sections = LIST_SECTIONS[coding.code.trim()];
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
  for (const { resource } of index.ofType('List')) {
    const sections = sectionsOfList(resource);
    if (sections.length === 0) continue;
    for (const warning of listWarnings(resource))
      for (const s of sections) warnings.add(s, warning);
  }
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
