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

/**
 * Each test page in a browser context of its own, so files running side by side never share
 * IndexedDB, Web Locks or storage (the audit outbox's tests reopen and lock one by name), and each
 * is the only tab of its window: a background tab gets no animation frames, so a virtualized list
 * never lays out. Focus is emulated for the same reason (a page not focused gets no focus events).
 */
async function isolatedPage({ browser }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulateFocusedPage(true);
  return page;
}

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
  // Two files at a time (CI has two cores), each page in a context of its own (isolatedPage).
  // What files share is the one sandbox: a file names its own fault profiles and removes only
  // those (test/support: configureFaults, clearFaults).
  concurrency: 2,
  browsers: [
    chromeLauncher({
      createPage: isolatedPage,
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
