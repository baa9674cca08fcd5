/**
 * What `staticSource` reads a record with, as one chunk: the R4 normalisers and the bundle index.
 * Loaded with the first section read (static.ts), so a host that bundles `export *` of the core
 * (or a demo that never reads a static record) does not load every normaliser up front.
 */
export { normaliseOptions } from '../normalise/options.js';
export { R4_NORMALISERS, R4_SECTION_TYPES, demographicsFromR4 } from '../normalise/r4/index.js';
export { record } from '../normalise/shared/read.js';
export { bundleEntries, referenceIndex } from '../normalise/shared/references.js';
