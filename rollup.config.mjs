// Builds each workspace package to ESM in its dist/ (declarations come from tsc, see package.json).
// Libraries keep their dependencies external: the host's bundler de-duplicates Lit and friends.
// The sandbox is Node code; its dependencies stay in node_modules.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const compile = () => esbuild({ tsconfig, target: 'es2022', sourceMap: true });
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const library = (name, input, plugins = []) => ({
  input,
  external: isBare,
  plugins: [compile(), ...plugins],
  output: {
    dir: `packages/${name}/dist`,
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: `packages/${name}/src`,
  },
});

export default [
  library('core', { index: 'packages/core/src/index.ts' }),
  library(
    'elements',
    {
      index: 'packages/elements/src/index.ts',
      events: 'packages/elements/src/events.ts',
      'define/dcr-session': 'packages/elements/src/define/dcr-session.ts',
      'define/dcr-patient-banner': 'packages/elements/src/define/dcr-patient-banner.ts',
      'define/dcr-consent-gate': 'packages/elements/src/define/dcr-consent-gate.ts',
      'define/dcr-allergy-banner': 'packages/elements/src/define/dcr-allergy-banner.ts',
      'define/dcr-medication-list': 'packages/elements/src/define/dcr-medication-list.ts',
      'define/dcr-events-timeline': 'packages/elements/src/define/dcr-events-timeline.ts',
      'define/dcr-risks-warnings': 'packages/elements/src/define/dcr-risks-warnings.ts',
      'define/dcr-investigations': 'packages/elements/src/define/dcr-investigations.ts',
      'define/dcr-blood-pressure': 'packages/elements/src/define/dcr-blood-pressure.ts',
      'define/dcr-summary': 'packages/elements/src/define/dcr-summary.ts',
      'define/dcr-record': 'packages/elements/src/define/dcr-record.ts',
      'define/dcr-problem-list': 'packages/elements/src/define/dcr-problem-list.ts',
      'define/dcr-diagnosis-list': 'packages/elements/src/define/dcr-diagnosis-list.ts',
      'define/dcr-procedure-list': 'packages/elements/src/define/dcr-procedure-list.ts',
      'define/dcr-immunisations': 'packages/elements/src/define/dcr-immunisations.ts',
      'define/define-elements': 'packages/elements/src/define/define-elements.ts',
      'react/index': 'packages/elements/src/react/index.ts',
    },
    // Stylesheets ship minified: a host's minifier leaves template literals alone.
    [minifyCssLiterals()],
  ),
  {
    input: { index: 'packages/sandbox/src/index.ts', cli: 'packages/sandbox/src/cli.ts' },
    external: (id) => isBare(id) || builtinModules.includes(id),
    plugins: [compile()],
    output: {
      dir: 'packages/sandbox/dist',
      format: 'es',
      sourcemap: true,
      // Separate modules keep websocket-shim.js evaluated before @medplum/core is imported.
      preserveModules: true,
      preserveModulesRoot: 'packages/sandbox/src',
    },
  },
];
