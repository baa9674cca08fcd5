// `npm run size`: min and min+gzip of each public browser entry, bundled with its dependencies
// (Lit included) as a host's bundler would, so the numbers compare with the budgets of docs/architecture.md#budgets.
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const DEFINES = [
  'dcr-session',
  'dcr-patient-banner',
  'dcr-consent-gate',
  'dcr-allergy-banner',
  'dcr-medication-list',
  'dcr-events-timeline',
  'dcr-risks-warnings',
  'dcr-investigations',
  'dcr-blood-pressure',
  'dcr-summary',
  'dcr-record',
  'dcr-problem-list',
  'dcr-diagnosis-list',
  'dcr-procedure-list',
  'dcr-immunisations',
];
const ENTRIES = [
  {
    // What a typical integration imports: the session, the R4 source and the FHIR audit sink.
    name: '@dcr-elements/core (session + fhirR4Source + fhirAuditSink)',
    contents:
      "export { createCareRecordSession, fhirR4Source, fhirAuditSink } from './packages/core/dist/index.js';",
    budget: 12 * 1024,
  },
  {
    name: '@dcr-elements/core (every export)',
    file: 'packages/core/dist/index.js',
    budget: 12 * 1024,
  },
  {
    name: '@dcr-elements/elements (all, with Lit and core)',
    file: 'packages/elements/dist/index.js',
    budget: 40 * 1024,
  },
  ...DEFINES.filter((tag) => existsSync(`packages/elements/dist/define/${tag}.js`)).map((tag) => ({
    // One element's page: the element, <dcr-session>, Lit and the core it needs.
    name: `define/${tag}.js + dcr-session`,
    file: `packages/elements/dist/define/${tag}.js`,
    extra: 'packages/elements/dist/define/dcr-session.js',
    budget: 20 * 1024,
  })),
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
for (const entry of ENTRIES) {
  const result = await build({
    stdin: {
      contents:
        entry.contents ??
        [entry.file, entry.extra]
          .filter(Boolean)
          .map((f) => `export * from './${f}';`)
          .join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  rows.push([
    entry.name,
    kb(code.length),
    kb(gzip),
    kb(entry.budget),
    gzip <= entry.budget ? 'ok' : 'OVER',
  ]);
}
const header = ['entry', 'min', 'min+gzip', 'budget (gzip)', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
