// `npm test`: the browser suite through web-test-runner, then (for the whole suite, not for
// `npm test -- --files ...`) the catalogue walk, then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE } from './counting-reporter.mjs';
import { checkCatalogue } from './catalogue-check.mjs';

rmSync(RESULTS_FILE, { force: true });
const args = process.argv.slice(2);
const run = spawnSync('npx', ['web-test-runner', ...args], { stdio: 'inherit' });
const totals = existsSync(RESULTS_FILE)
  ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
  : { passed: 0, failed: 1, skipped: 0 };
if (args.length === 0) {
  const catalogue = await checkCatalogue();
  totals.passed += catalogue.passed;
  totals.failed += catalogue.failed;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(run.status === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
