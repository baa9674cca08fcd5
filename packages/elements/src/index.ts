// Classes only: importing this module registers nothing (see define/*).
export { DcrSession } from './session/dcr-session.js';
export { sessionContext } from './session/session-context.js';
export { DcrPatientBanner } from './patient-banner/patient-banner.js';
export { DcrConsentGate } from './consent-gate/consent-gate.js';
export { DcrAllergyBanner } from './allergy-banner/allergy-banner.js';
export { DcrMedicationList } from './medication-list/medication-list.js';
export type {
  MedicationKindFilter,
  MedicationSort,
  MedicationView,
} from './medication-list/medication-query.js';
export { DcrEventsTimeline } from './events-timeline/events-timeline.js';
export { DcrRisksWarnings } from './risks-warnings/risks-warnings.js';
export { DcrInvestigations, type InvestigationsGrouping } from './investigations/investigations.js';
export {
  DcrBloodPressure,
  NG136_CLINIC_THRESHOLDS,
  formatReading,
} from './blood-pressure/blood-pressure.js';
export { DcrSummary } from './summary/summary.js';
export { DcrRecord, type TabLoader } from './record/record.js';
export { RECORD_TABS, type RecordTab, type RecordTabId } from './record/record-tabs.js';
export { DcrProblemList } from './problem-list/problem-list.js';
export { DcrDiagnosisList } from './diagnosis-list/diagnosis-list.js';
export { DcrProcedureList } from './procedure-list/procedure-list.js';
export { DcrImmunisations } from './immunisations/immunisations.js';
export { defineOnce } from './define/define-once.js';
export * from './events.js';
export {
  formatAge,
  formatBirthDate,
  formatDate,
  formatDateTime,
  formatNhsNumber,
  formatPatientName,
} from './shared/format.js';
