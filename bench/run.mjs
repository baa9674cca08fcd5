// `npm run bench`: every budget (docs/architecture.md#budgets) and the side-by-side comparison, printed as ratios in one
// run (docs/performance.md). Installs bench/package.json's peers on first use (root `npm ci` and CI
// never do), builds, then: bundle sizes (scripts/size.mjs), requests of the full-record page against
// every element's page alone, render against bare lit-html, fhir-react and @medplum/react in one Chromium
// with the order rotated every round, the 10,000-event timeline scrolled end to end, and normalise
// against JSON.parse. Exits 1 when a budget fails; a time is only ever judged as a ratio.
//
// Options (environment): BENCH_PARTS (which parts to run, comma-separated, default all:
// sizes,requests,render,scroll,normalise), BENCH_PEERS (0 skips fhir-react and @medplum/react: no
// install, no peer bundle, no peer columns), BENCH_ROUNDS (default 5), BENCH_SIZES (default
// typical,1000,5000,10000,100000), BENCH_PORT (default 8796: apart from the catalogue check's
// 8766, so a bench run beside CI does not take its port), BENCH_PEER_LIMIT_MS (a peer slower than
// this per round at one size is not run at larger sizes; default 10000), BENCH_FULL_LIMIT (full
// renders, every row, are timed up to this many entries; default 10000).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import { withCatalogueBrowser } from '../scripts/catalogue-browser.mjs';
import { ELEMENTS as REQUEST_PAGES, measureRequests, requestsReport } from './requests/run.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? 'typical,1000,5000,10000,100000')
  .split(',')
  .map((s) => (s === 'typical' ? 25 : Number(s)));
const PORT = Number(process.env.BENCH_PORT ?? 8796);
const ALL_PARTS = ['sizes', 'requests', 'render', 'scroll', 'normalise'];
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((part) => part.trim()),
);
for (const part of PARTS)
  if (!ALL_PARTS.includes(part))
    throw new Error(`BENCH_PARTS: unknown part ${part} (known: ${ALL_PARTS.join(', ')})`);
const PEERS = process.env.BENCH_PEERS !== '0' && PARTS.has('render');
const PEER_LIMIT_MS = Number(process.env.BENCH_PEER_LIMIT_MS ?? 10_000);
/** Above this many entries a full render (every row, as printed) is not timed: minutes a round. */
const FULL_LIMIT = Number(process.env.BENCH_FULL_LIMIT ?? 10_000);
const failures = [];
const say = (line = '') => console.log(line);
const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

// 1. The peers, installed on demand into bench/node_modules.
const installed = 'bench/node_modules/.package-lock.json';
if (
  PEERS &&
  (!existsSync(installed) || statSync('bench/package.json').mtimeMs > statSync(installed).mtimeMs)
) {
  say('Installing the benchmark peers (bench/package.json) ...');
  execFileSync(
    'npm',
    ['install', '--prefix', 'bench', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      stdio: 'inherit',
    },
  );
}

// 2. Build, then sizes against the budgets (the size script is the judge of those).
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (PARTS.has('sizes')) {
  say(
    '== Bundle sizes (min+gzip) against the budgets (docs/architecture.md#budgets): scripts/size.mjs',
  );
  const size = spawnSync(process.execPath, ['scripts/size.mjs'], { encoding: 'utf8' });
  process.stdout.write(size.stdout);
  process.stderr.write(size.stderr);
  // Its exit status once it gates CI; until then its OVER marks.
  if (size.status !== 0 || /\bOVER\b/.test(size.stdout))
    failures.push('bundle size budgets (scripts/size.mjs: OVER above)');
}

// 3. The peers bundled for the browser (React is CommonJS; the dev server serves ES modules).
if (PEERS)
  await build({
    entryPoints: ['bench/peers/peers.js'],
    bundle: true,
    format: 'esm',
    minify: true,
    outdir: 'bench/dist',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  });

// 4. Normalise (Node, own process so its heap is its own).
const normalise = PARTS.has('normalise')
  ? JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', 'bench/normalise.mjs', '--json'], {
        encoding: 'utf8',
      }),
    )
  : undefined;

const chromiumVersion = (() => {
  try {
    return execFileSync('/usr/lib/chromium/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 5. The browser parts.
const browserParts = ['requests', 'render', 'scroll'].some((part) => PARTS.has(part));
const browserResults = !browserParts
  ? {}
  : await withCatalogueBrowser(PORT, async (browser, origin) => {
      // The peers inject <style> elements, which the catalogue's strict CSP (rightly) refuses.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });

      // 5a. Requests: the full record against every element alone, FHIR R4 and GP Connect.
      const requests = PARTS.has('requests')
        ? await measureRequests(browser, origin, ['record', ...REQUEST_PAGES])
        : undefined;

      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.goto(`${origin}/bench/render/index.html${PEERS ? '' : '?peers=0'}`);
      await page.waitForFunction(
        (peers) => globalThis.benchReady && (!peers || globalThis.benchPeers),
        PEERS,
        { timeout: 120_000 },
      );

      // 5b. Render: one page, contestants in rotated order each round.
      let render;
      let viewSwitch;
      if (PARTS.has('render')) {
        const CONTESTANTS = PEERS ? ['dcr', 'lit', 'fhir-react', 'medplum'] : ['dcr', 'lit'];
        render = {};
        const tooSlow = new Set();
        for (const entries of SIZES) {
          const samples = Object.fromEntries(CONTESTANTS.map((c) => [c, { first: [], full: [] }]));
          const rounds = entries >= 10_000 ? Math.min(ROUNDS, 3) : ROUNDS;
          for (let round = 0; round < rounds; round++) {
            const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + round) % CONTESTANTS.length]);
            for (const contestant of order) {
              if (tooSlow.has(contestant)) continue;
              const m = await page.evaluate(
                ([c, n, full]) => globalThis.benchMeasure(c, n, full),
                [contestant, entries, entries <= FULL_LIMIT],
              );
              samples[contestant].first.push(m.first);
              samples[contestant].full.push(m.full);
            }
          }
          render[entries] = Object.fromEntries(
            CONTESTANTS.filter((c) => samples[c].first.length > 0).map((c) => [
              c,
              { first: median(samples[c].first), full: median(samples[c].full) },
            ]),
          );
          for (const c of ['fhir-react', 'medplum'])
            if ((render[entries][c]?.full ?? 0) > PEER_LIMIT_MS) tooSlow.add(c);
          say(`   rendered ${entries} entries (${rounds} rounds)`);
        }
        // The medication list switched from its default view (current) to all, at the largest
        // size: the list is chosen and ordered again, so this is where a whole-list sort would show.
        const largest = Math.max(...SIZES);
        const switches = [];
        for (let round = 0; round < Math.min(ROUNDS, 3); round++)
          switches.push(await page.evaluate((n) => globalThis.benchViewSwitch(n), largest));
        viewSwitch = { entries: largest, ms: median(switches) };
      }

      // 5c. Timeline scroll, in a page of its own: after the render part the page's heap holds
      // what the peers left at 100,000 entries, whose collection landed in the scroll as a
      // 2.5 s long task. A failure here is reported, not allowed to lose the figures above.
      await page.close();
      let scroll;
      if (PARTS.has('scroll')) {
        const scrollPage = await context.newPage();
        scrollPage.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        await scrollPage.goto(`${origin}/bench/render/index.html?peers=0`);
        await scrollPage.waitForFunction(() => globalThis.benchReady, null, { timeout: 120_000 });
        scroll = await scrollPage
          .evaluate(() => globalThis.benchScroll(10_000))
          .catch((error) => ({ error: error.message }));
      }
      await context.close();
      return { requests, render, viewSwitch, scroll };
    });

// 6. The report.
const { requests, render, viewSwitch, scroll } = browserResults;
if (requests) {
  say();
  say('== Requests to the sandbox (typical patient): full record page vs every element alone');
  const { lines, failed } = requestsReport(requests);
  for (const line of lines) say(line);
  if (failed) failures.push('requests: the record page makes more than the biggest single element');
}

if (render) {
  say();
  say(
    '== Render after data arrival (ms, median; allergy + medication resources; Chromium, one run)',
  );
  say(
    'entries   | dcr first | dcr full | lit first | lit full | fhir-react | medplum | fhir-react/dcr | medplum/dcr | dcr/lit first',
  );
  const peerCell = (r, peer) => (!PEERS ? 'skipped' : r[peer] ? fixed(r[peer].first) : 'not run');
  const ratio = (r, peer) =>
    !PEERS ? 'skipped' : r[peer] ? `${(r[peer].first / r.dcr.first).toFixed(1)}x` : 'not run';
  for (const entries of SIZES) {
    const r = render[entries];
    const d = r.dcr;
    say(
      [
        String(entries === 25 ? 'typical' : entries).padEnd(9),
        fixed(d.first).padStart(9),
        fixed(d.full).padStart(8),
        fixed(r.lit?.first).padStart(9),
        fixed(r.lit?.full).padStart(8),
        peerCell(r, 'fhir-react').padStart(10),
        peerCell(r, 'medplum').padStart(7),
        ratio(r, 'fhir-react').padStart(14),
        ratio(r, 'medplum').padStart(11),
        `${(d.first / r.lit.first).toFixed(2)}x`.padStart(13),
      ].join(' | '),
    );
  }
  const judged = SIZES.filter((n) => n === 1000 || n === 5000);
  for (const n of judged) {
    const r = render[n];
    if (r['fhir-react'] && r['fhir-react'].first / r.dcr.first < 10)
      failures.push(`first screen at ${n}: under 10x faster than fhir-react`);
    if (r.medplum && r.medplum.first / r.dcr.first < 5)
      failures.push(`first screen at ${n}: under 5x faster than @medplum/react`);
  }
  if (render[1000] && render[100000]) {
    const growth = render[100000].dcr.first / render[1000].dcr.first;
    say(
      `first-screen growth 1,000 -> 100,000 entries: ${growth.toFixed(2)}x ` +
        `(${fixed(render[1000].dcr.first)} -> ${fixed(render[100000].dcr.first)} ms; budget < 2)`,
    );
    if (growth >= 2) failures.push('first-screen growth 1,000 -> 100,000 entries');
  } else {
    say('first-screen growth 1,000 -> 100,000 entries: not measured (BENCH_SIZES lacks one)');
  }
  say(
    `medication list view switch, current -> all, at ${viewSwitch.entries} entries: ` +
      `${fixed(viewSwitch.ms)} ms to the next paint (median)`,
  );
}

if (scroll) {
  say();
  say('== 10,000-event timeline scrolled end to end (600 px a frame)');
  if (scroll.error) failures.push(`timeline scroll could not be measured: ${scroll.error}`);
  else
    say(
      `${scroll.frames} frames in ${scroll.ms.toFixed(0)} ms; frames over 25 ms: ${scroll.dropped} ` +
        `(${((scroll.dropped / scroll.frames) * 100).toFixed(1)}%); long tasks: ${scroll.longTasks}, ` +
        `longest ${scroll.longestTask.toFixed(0)} ms`,
    );
}

if (normalise) {
  say();
  say('== Normalise against JSON.parse of the same text (Node)');
  for (const [name, r] of [
    ['FHIR R4', normalise.r4],
    ['GP Connect STU3', normalise.stu3],
  ]) {
    say(
      `${name.padEnd(16)} ${r.mb.toFixed(1)} MB, ${normalise.entries} resources: ratio ${r.ratio.toFixed(2)} ` +
        `(budget 1.5); retained ${fixed(r.retainedKbPer1000, 0)} KB per 1,000 entries`,
    );
    if (r.ratio > 1.5) failures.push(`normalise ${name}: ${r.ratio.toFixed(2)}x JSON.parse`);
  }
  say(
    `time per entry, 100,000 over 1,000 entries: ${normalise.growth.toFixed(2)}x (1.00 is linear)`,
  );
  for (const [name, l] of [
    ['FHIR R4', normalise.longestStretchMs.r4],
    ['GP Connect STU3', normalise.longestStretchMs.stu3],
  ]) {
    const onCpu = (x) => (x.cpu === undefined ? '' : ` (on CPU ${x.cpu.toFixed(0)} ms)`);
    say(
      `${name.padEnd(16)} longest stretch without a turn while normalising (in turns): ` +
        `${l.fiveMb.wall.toFixed(0)} ms${onCpu(l.fiveMb)} at 5 MB, ` +
        `${l.entries100k.wall.toFixed(0)} ms${onCpu(l.entries100k)} at 100,000 entries (budget 50)`,
    );
    if (l.entries100k.wall > 50)
      failures.push(`normalise ${name}: input blocked ${l.entries100k.wall.toFixed(0)} ms`);
  }
}

say();
const cpu =
  /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
say(`Machine: ${cpus().length} CPUs, ${cpu}; ${chromiumVersion}; Node ${process.version}`);
say(`Parts run: ${[...PARTS].join(', ')}${PEERS ? '' : ' (peers skipped)'}`);
if (failures.length > 0) {
  say(`Budgets failed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  say('Every budget holds.');
}
