// `npm test`: the browser suite through web-test-runner, then (when no files are named) the page
// tests that need a real served page (test/browser/*.test.mjs: under the start server's CSP,
// driven by playwright-core), the packed-tarball test and the host smoke tests, then one closing
// line with the totals of all. Arguments go to web-test-runner alone, and skip the rest.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE } from './counting-reporter.mjs';

rmSync(RESULTS_FILE, { force: true });
const args = process.argv.slice(2);
const run = spawnSync('npx', ['web-test-runner', ...args], { stdio: 'inherit' });
const totals = existsSync(RESULTS_FILE)
  ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
  : { passed: 0, failed: 1, skipped: 0 };

let othersOk = true;
if (args.length === 0) {
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
  othersOk = pages.status === 0;

  // Each prints its checks, then its totals as JSON on its last line.
  for (const script of ['scripts/packaging-test.mjs', 'scripts/hosts-test.mjs']) {
    const started = Date.now();
    console.log(`\n${script}`);
    const child = spawnSync(process.execPath, [script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const lines = (child.stdout ?? '').trimEnd().split('\n');
    let counts = { passed: 0, failed: 1, skipped: 0 };
    try {
      counts = JSON.parse(lines.at(-1));
      lines.pop();
    } catch {
      // No totals line: the script itself failed; counted as one failure.
    }
    console.log(lines.join('\n'));
    console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
    for (const key of ['passed', 'failed', 'skipped']) totals[key] += counts[key];
    if (child.status !== 0 && counts.failed === 0) totals.failed += 1;
    if (child.status !== 0) othersOk = false;
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(run.status === 0 && othersOk && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
