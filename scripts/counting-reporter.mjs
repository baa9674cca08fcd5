// A web-test-runner reporter that counts tests across every file and browser session and writes
// the totals for scripts/test.mjs, which prints the closing "N passed, N failed" line.
import { writeFileSync } from 'node:fs';

export const RESULTS_FILE = new URL('../.test-results.json', import.meta.url);

function countSuite(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) countSuite(child, totals);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        countSuite(session.testResults, totals);
        // A file that failed to load, or an error outside any test, is a failure with no test.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
      }
      writeFileSync(RESULTS_FILE, JSON.stringify(totals));
    },
  };
}
