// `npm test`: the browser suite through web-test-runner, then the page tests that need a real
// served page (test/browser/*.test.mjs: under the start server's CSP, driven by playwright-core),
// then one closing line with the totals. Arguments go to web-test-runner alone, and skip the
// page tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE } from './counting-reporter.mjs';

rmSync(RESULTS_FILE, { force: true });
const run = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], { stdio: 'inherit' });
const totals = existsSync(RESULTS_FILE)
  ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
  : { passed: 0, failed: 1, skipped: 0 };

let pageTestsOk = true;
if (process.argv.length <= 2) {
  const files = readdirSync('test/browser')
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => `test/browser/${f}`);
  const tap = 'test/browser/.results.tap';
  const pages = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout'].concat(
      ['--test-reporter=tap', `--test-reporter-destination=${tap}`],
      files,
    ),
    { stdio: 'inherit' },
  );
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled') + (report ? 0 : 1);
  totals.skipped += count('skipped');
  rmSync(tap, { force: true });
  pageTestsOk = pages.status === 0;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(run.status === 0 && pageTestsOk && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
