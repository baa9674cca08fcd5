import type {
  AllergiesSection,
  BloodPressureSection,
  DiagnosesSection,
  EventsSection,
  ImmunisationsSection,
  InvestigationsSection,
  MedicationsSection,
  ProblemsSection,
  ProceduresSection,
  RisksWarningsSection,
} from './clinical.js';
import type { DemographicsSection } from './demographics.js';

/** Every section of the record, by name, with the type of its value. */
export interface SectionValues {
  demographics: DemographicsSection;
  allergies: AllergiesSection;
  medications: MedicationsSection;
  problems: ProblemsSection;
  diagnoses: DiagnosesSection;
  risksWarnings: RisksWarningsSection;
  procedures: ProceduresSection;
  investigations: InvestigationsSection;
  bloodPressure: BloodPressureSection;
  immunisations: ImmunisationsSection;
  events: EventsSection;
}

export type SectionName = keyof SectionValues;

export const SECTION_NAMES: readonly SectionName[] = [
  'demographics',
  'allergies',
  'medications',
  'problems',
  'diagnoses',
  'risksWarnings',
  'procedures',
  'investigations',
  'bloodPressure',
  'immunisations',
  'events',
];
