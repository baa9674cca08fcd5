// `npm run size`: min and min+gzip of each public browser entry, bundled with its dependencies
// (Lit included) as a host's bundler would, so the numbers compare with DESIGN.md §9 budgets.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ENTRIES = [
  { name: '@dcr-elements/core', file: 'packages/core/dist/index.js', budget: 12 * 1024 },
  { name: '@dcr-elements/elements (all)', file: 'packages/elements/dist/index.js', budget: 40 * 1024 },
  {
    name: '@dcr-elements/elements/define/dcr-patient-banner.js',
    file: 'packages/elements/dist/define/dcr-patient-banner.js',
    budget: 20 * 1024,
  },
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
for (const entry of ENTRIES) {
  const result = await build({
    entryPoints: [entry.file],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  rows.push([entry.name, kb(code.length), kb(gzip), kb(entry.budget), gzip <= entry.budget ? 'ok' : 'OVER']);
}
const header = ['entry', 'min', 'min+gzip', 'budget (gzip)', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
