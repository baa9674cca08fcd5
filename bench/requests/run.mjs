// The requests part of `npm run bench` on its own (docs/performance.md): for FHIR R4 and GP
// Connect, the requests the typical patient's full record page (`<dcr-record>`) makes to the
// sandbox, and their bytes, against every element's page alone; the budget (docs/architecture.md
// #budgets) is that the record makes no more requests than the biggest single element.
// Run after `npm run build`: node bench/requests/run.mjs  (BENCH_PORT, default 8797)
import { withCatalogueBrowser } from '../../scripts/catalogue-browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8797);
export const ELEMENTS = [
  'dcr-patient-banner',
  'dcr-allergy-banner',
  'dcr-medication-list',
  'dcr-summary',
  'dcr-events-timeline',
  'dcr-risks-warnings',
  'dcr-investigations',
  'dcr-blood-pressure',
  'dcr-problem-list',
  'dcr-diagnosis-list',
  'dcr-procedure-list',
  'dcr-immunisations',
];

/** Requests to the sandbox, and bytes received, for each `page` of bench/requests/index.html. */
export async function measureRequests(browser, origin, pages) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const results = {};
  try {
    for (const source of ['r4', 'gp-connect'])
      for (const kind of pages) {
        const page = await context.newPage();
        const seen = [];
        page.on('requestfinished', (request) => {
          if (new URL(request.url()).pathname.startsWith('/fhir/')) seen.push(request);
        });
        await page.goto(`${origin}/bench/requests/index.html?source=${source}&page=${kind}`);
        await page.waitForLoadState('networkidle');
        let bytes = 0;
        const lines = [];
        for (const request of seen) {
          const sizes = await request.sizes();
          bytes += sizes.responseBodySize + sizes.responseHeadersSize;
          const path = new URL(request.url()).pathname;
          const batch = path === '/fhir/r4' && JSON.parse(request.postData() ?? '{}');
          const entries = batch?.entry
            ? ` [${batch.entry.map((e) => e.request.url.replace(/\?.*/, '')).join(', ')}]`
            : '';
          lines.push(`${request.method()} ${path}${entries}`);
        }
        results[`${source}.${kind}`] = { count: seen.length, bytes, lines };
        await page.close();
      }
  } finally {
    await context.close();
  }
  return results;
}

/** The report of measureRequests over 'record' and every element: each page's requests, and the record against the biggest single element (the budget). */
export function requestsReport(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  let failed = false;
  const lines = [];
  for (const source of ['r4', 'gp-connect']) {
    lines.push(`== ${source}`);
    const record = results[`${source}.record`];
    let biggest = { tag: '', count: 0, bytes: 0 };
    for (const tag of ELEMENTS) {
      const r = results[`${source}.${tag}`];
      lines.push(
        `${tag.padEnd(22)} ${String(r.count).padStart(3)} requests ${kb(r.bytes).padStart(9)}`,
      );
      if (r.count > biggest.count || (r.count === biggest.count && r.bytes > biggest.bytes))
        biggest = { tag, ...r };
    }
    lines.push(
      `${'dcr-record'.padEnd(22)} ${String(record.count).padStart(3)} requests ${kb(record.bytes).padStart(9)}`,
    );
    if (process.env.BENCH_VERBOSE) lines.push(record.lines.join('\n'));
    const ok = record.count <= biggest.count;
    if (!ok) failed = true;
    lines.push(
      `record / biggest single element (${biggest.tag}): ${(record.count / biggest.count).toFixed(2)} requests, ` +
        `${(record.bytes / biggest.bytes).toFixed(2)} bytes ${ok ? 'ok' : 'OVER'}`,
    );
  }
  return { lines, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await withCatalogueBrowser(PORT, (browser, origin) =>
    measureRequests(browser, origin, ['record', ...ELEMENTS]),
  );
  const { lines, failed } = requestsReport(results);
  console.log(lines.join('\n'));
  process.exit(failed ? 1 : 0);
}
