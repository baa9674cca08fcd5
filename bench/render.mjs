// Render benchmark: first screen after data arrival, element vs bare lit-html, side by side in
// one Chromium run (docs/architecture.md#budgets: large record first screen ≤ 50 ms; within 1.3x bare lit-html).
// Prints numbers and ratios; never gates CI. Run: node bench/render.mjs
import { withCatalogueBrowser } from '../scripts/catalogue-browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8766);
await withCatalogueBrowser(PORT, async (browser, origin) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(error.message));
  await page.goto(`${origin}/bench/render/index.html`);
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
});
