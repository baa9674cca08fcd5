// The drug monitoring rule (core's, one home) as a module of its own, so an element imports it
// with `import()` only when a record has medicines to check (shared/monitoring.ts): the rule and
// its code tables are a large part of a results or summary page otherwise (DESIGN §9).
export { drugMonitoring } from '@dcr-elements/core';
