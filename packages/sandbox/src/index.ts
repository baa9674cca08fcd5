export { FHIR_R4_PATH, createSandbox, startSandbox, type RunningSandbox, type Sandbox } from './server.js';
export { generateSyntheticRecords, SANDBOX_PATIENTS, SYNTHETIC_TODAY } from './synthetic/patients.js';
