// `npm test`: the browser suite through web-test-runner, then (when no files are named) the
// packed-tarball test and the host smoke tests, then one closing line with the totals of all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE } from './counting-reporter.mjs';

rmSync(RESULTS_FILE, { force: true });
const args = process.argv.slice(2);
const run = spawnSync('npx', ['web-test-runner', ...args], { stdio: 'inherit' });
const totals = existsSync(RESULTS_FILE)
  ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
  : { passed: 0, failed: 1, skipped: 0 };

// Each prints its checks, then its totals as JSON on its last line.
if (args.length === 0)
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
  }

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(run.status === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
