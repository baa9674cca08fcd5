// `npm test`: the browser suite through web-test-runner; then, when no files are named, the heap
// measurements in a browser of their own, the page tests that need a real served page
// (test/browser/*.test.mjs: under the start server's CSP, driven by playwright-core), the
// catalogue walk (scripts/catalogue-check.mjs), and the packed-tarball and host smoke tests side
// by side (each spends most of its time in npm and tsc); then one closing line with the totals of
// all. Arguments go to web-test-runner alone, and skip the rest.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE } from './counting-reporter.mjs';
import { checkCatalogue } from './catalogue-check.mjs';

const args = process.argv.slice(2);

/** One web-test-runner run (a browser of its own) and its counts. */
function runBrowserTests(wtrArgs) {
  rmSync(RESULTS_FILE, { force: true });
  const run = spawnSync('npx', ['web-test-runner', ...wtrArgs], { stdio: 'inherit' });
  const counts = existsSync(RESULTS_FILE)
    ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0 };
  return { ok: run.status === 0, counts };
}

const main = runBrowserTests(args);
const totals = main.counts;
let browserTestsOk = main.ok;
if (args.length === 0) {
  // Heap measurements (*.heap.test.ts), in a fresh browser after the rest, one at a time.
  const heap = runBrowserTests(['--files', 'packages/**/*.heap.test.ts', '--concurrency', '1']);
  for (const key of ['passed', 'failed', 'skipped']) totals[key] += heap.counts[key];
  browserTestsOk &&= heap.ok;
}

/** Runs a check script; resolves its output and totals (its last line, JSON). */
function runChecks(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      const lines = output.trimEnd().split('\n');
      let counts = { passed: 0, failed: 1, skipped: 0 };
      try {
        counts = JSON.parse(lines.at(-1));
        lines.pop();
      } catch {
        // No totals line: the script itself failed; counted as one failure.
      }
      if (status !== 0 && counts.failed === 0) counts.failed = 1;
      const seconds = Math.round((Date.now() - started) / 1000);
      resolve({ text: `\n${script} (${seconds} s)\n${lines.join('\n')}`, counts });
    });
  });
}

/** The page tests (node --test over test/browser): whether they passed; counts into totals. */
function runPageTests() {
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
  return pages.status === 0;
}

let pageTestsOk = true;
if (args.length === 0) {
  pageTestsOk = runPageTests();
  const catalogue = await checkCatalogue();
  totals.passed += catalogue.passed;
  totals.failed += catalogue.failed;
  const scripts = ['scripts/packaging-test.mjs', 'scripts/hosts-test.mjs'];
  for (const { text, counts } of await Promise.all(scripts.map(runChecks))) {
    console.log(text);
    for (const key of ['passed', 'failed', 'skipped']) totals[key] += counts[key];
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(browserTestsOk && pageTestsOk && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
