import { NHS_NUMBER_SYSTEM } from '../model/common.js';
import type { SectionName } from '../model/sections.js';

/** The `$gpc.getstructuredrecord` parameter each section needs (names verified in the GP Connect spec). */
type IncludeParameter =
  | 'includeAllergies'
  | 'includeMedication'
  | 'includeProblems'
  | 'includeConsultations'
  | 'includeInvestigations'
  | 'includeReferrals'
  | 'includeUncategorisedData'
  | 'includeImmunisations';

/**
 * Which clinical areas to ask for, by section. Demographics come with every response (the Patient
 * is always returned); procedures have no GP Connect area. Blood pressure is recorded in
 * consultations or as uncategorised data, so it needs both. Risks and warnings have no area
 * either: they are derived from coded problems and uncategorised data, so they
 * ask for those (and share the one POST with the sections that read them).
 */
const SECTION_PARAMETERS: Readonly<Record<SectionName, readonly IncludeParameter[]>> = {
  demographics: [],
  allergies: ['includeAllergies'],
  medications: ['includeMedication'],
  problems: ['includeProblems'],
  diagnoses: ['includeProblems'],
  investigations: ['includeInvestigations', 'includeUncategorisedData'],
  bloodPressure: ['includeConsultations', 'includeUncategorisedData'],
  immunisations: ['includeImmunisations'],
  events: ['includeConsultations', 'includeReferrals'],
  procedures: [],
  risksWarnings: ['includeProblems', 'includeUncategorisedData'],
};

export interface ParameterOptions {
  /** Restrict medication to that active on or after this whole date (`YYYY-MM-DD`). */
  medicationSearchFromDate?: string;
}

interface Parameter {
  name: string;
  valueIdentifier?: { system: string; value: string };
  part?: { name: string; valueBoolean?: boolean; valueDate?: string }[];
}

/** The `include*` parameters a set of sections needs (demographics alone needs none). */
export function includeParameters(sections: readonly SectionName[]): Set<string> {
  return new Set(sections.flatMap((s) => SECTION_PARAMETERS[s] ?? []));
}

/** The Parameters resource for one request covering every requested section. */
export function structuredRecordParameters(
  nhsNumber: string,
  sections: readonly SectionName[],
  options: ParameterOptions = {},
): { resourceType: 'Parameters'; parameter: Parameter[] } {
  const includes = includeParameters(sections);
  const parameter: Parameter[] = [
    { name: 'patientNHSNumber', valueIdentifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } },
  ];
  // Fixed order, so the same sections always make the same request.
  for (const name of Object.keys(PART_BUILDERS) as IncludeParameter[]) {
    if (includes.has(name)) parameter.push({ name, ...PART_BUILDERS[name](options) });
  }
  return { resourceType: 'Parameters', parameter };
}

const PART_BUILDERS: Record<
  IncludeParameter,
  (options: ParameterOptions) => Pick<Parameter, 'part'>
> = {
  // Resolved allergies are asked for: elements show them on request, and their absence would be
  // indistinguishable from "none ever recorded".
  includeAllergies: () => ({ part: [{ name: 'includeResolvedAllergies', valueBoolean: true }] }),
  // Issues are needed for the last issue date and quantity clinicians check.
  includeMedication: (options) => ({
    part: [
      { name: 'includePrescriptionIssues', valueBoolean: true },
      ...(options.medicationSearchFromDate &&
      /^\d{4}-\d{2}-\d{2}$/.test(options.medicationSearchFromDate)
        ? [{ name: 'medicationSearchFromDate', valueDate: options.medicationSearchFromDate }]
        : []),
    ],
  }),
  // No status/significance filter: all problems, so significant past problems are included.
  includeProblems: () => ({}),
  includeConsultations: () => ({}),
  includeInvestigations: () => ({}),
  includeReferrals: () => ({}),
  includeUncategorisedData: () => ({}),
  includeImmunisations: () => ({}),
};
