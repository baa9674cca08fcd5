// Render benchmark: first screen after data arrival, element vs bare lit-html, side by side in
// one Chromium run (DESIGN §9: large record first screen ≤ 50 ms; within 1.3x bare lit-html).
// Prints numbers and ratios; never gates CI. Run: node bench/render.mjs
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8766);
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, PORT: String(PORT) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(error.message));
  await page.goto(`http://localhost:${PORT}/bench/render/index.html`);
  // The function runs in the page, where window exists.
  const results = await page.waitForFunction(() => globalThis.benchResult, null, {
    timeout: 120_000,
  });
  const r = await results.jsonValue();
  for (const name of ['events-10000', 'medications-typical']) {
    const element = r[`${name}.element`];
    const bare = r[`${name}.bare`];
    console.log(
      `${name}: element ${element.toFixed(1)} ms, bare lit-html ${bare.toFixed(1)} ms, ratio ${(element / bare).toFixed(2)} (median of 7)`,
    );
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
