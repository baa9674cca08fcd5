// Browser tests: every *.test.ts under packages/ runs in headless Chromium (Debian's, found by
// scripts/find-chrome.mjs), with the sandbox FHIR server on the same origin under /fhir/r4.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import {
  fixturesMiddleware,
  plugins,
  rootDir,
  sandboxMiddleware,
} from './scripts/dev-server-setup.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { docsPlugin } from './scripts/docs-plugin.mjs';

export default {
  rootDir,
  files: [
    'packages/*/src/**/*.test.ts',
    'packages/*/test/**/*.test.ts',
    'test/**/*.test.ts',
    'demo/**/*.test.ts',
    // Heap measurements run in a browser of their own (scripts/test.mjs): in the shared one, other
    // test pages' garbage in a shared renderer counts as growth (seen as 4 MB in full CI runs).
    '!**/*.heap.test.ts',
  ],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        // gc() and exact heap sizes, for the tests that bound memory over long-running hosts.
        // A plain-HTTP intranet host name for this server, so a test page can run outside a
        // secure context (packages/elements/test/hardening/any-page.test.ts).
        args: [
          ...CHROME_ARGS,
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
          '--host-resolver-rules=MAP dcr.intranet.test 127.0.0.1',
        ],
      },
    }),
  ],
  plugins: [docsPlugin(rootDir), ...plugins()],
  middleware: [fixturesMiddleware(), await sandboxMiddleware()],
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 600_000,
  reporters: [defaultReporter(), countingReporter()],
};
