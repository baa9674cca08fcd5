export {
  FHIR_R4_PATH,
  GP_CONNECT_PATH,
  createSandbox,
  startSandbox,
  type RunningSandbox,
  type Sandbox,
} from './server.js';
export {
  generateSyntheticRecords,
  SANDBOX_PATIENTS,
  SYNTHETIC_TODAY,
} from './synthetic/patients.js';
export { FAULT_CONTROL_PATH } from './faults/control.js';
export {
  FAULT_PROFILE_HEADER,
  type FaultProfileConfig,
  type FaultStep,
} from './faults/profiles.js';
