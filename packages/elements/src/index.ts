export { DcrPatientBanner } from './patient-banner/patient-banner.js';
export { defineOnce } from './define/define-once.js';
export {
  formatAge,
  formatBirthDate,
  formatDate,
  formatNhsNumber,
  formatPatientName,
} from './shared/format.js';
