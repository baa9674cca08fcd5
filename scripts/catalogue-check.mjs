/* global document -- the functions given to page.evaluate run in the page */
// The catalogue's browser test (run by `npm test`, or alone: node scripts/catalogue-check.mjs):
// every page in demo/pages.json, served as `npm start` serves it (production Lit, strict CSP),
// at 1440 and 768 px: no console errors, no CSP violations, zero axe violations, no sideways
// overflow; and every element of the manifest, and every state of every element, has a link.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { withCatalogueBrowser } from './catalogue-browser.mjs';

const WIDTHS = [1440, 768];
const CONCURRENCY = Number(
  process.env.CATALOGUE_CONCURRENCY ?? Math.max(1, Math.min(3, availableParallelism() - 1)),
);
/** CATALOGUE_ONLY=dcr-summary walks the pages whose address contains that only. */
const only = process.env.CATALOGUE_ONLY;
const root = new URL('..', import.meta.url);
export const PAGES = JSON.parse(readFileSync(new URL('demo/pages.json', root), 'utf8'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function manifestTags() {
  const manifest = JSON.parse(
    readFileSync(new URL('packages/elements/custom-elements.json', root), 'utf8'),
  );
  return manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.tagName ?? []);
}

/** What is wrong with the page as it stands at `width`. */
async function problemsAt(page, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(300);
  const problems = [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    clientWidth: document.scrollingElement.clientWidth,
  }));
  if (scrollWidth > clientWidth)
    problems.push(`overflows sideways: ${scrollWidth} > ${clientWidth} px`);
  const violations = await page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document, {
      resultTypes: ['violations'],
      elementRef: true,
    });
    // Each example is what a host shows alone: a landmark may share its name with one in
    // another example (twenty instances of one element side by side), not with one in its own
    // example or in the catalogue's page.
    const frameOf = (node) => {
      for (let n = node; n; n = n.parentElement ?? n.getRootNode().host)
        if (n.classList?.contains('frame')) return n;
      return undefined;
    };
    const sameExample = (a, b) => frameOf(a) === frameOf(b);
    return violations
      .map((v) =>
        v.id !== 'landmark-unique'
          ? v
          : {
              ...v,
              nodes: v.nodes.filter((n) =>
                n.any.some((check) =>
                  check.relatedNodes.some((r) => sameExample(n.element, r.element)),
                ),
              ),
            },
      )
      .filter((v) => v.nodes.length > 0)
      .map(
        (v) =>
          `axe ${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' > '))
            .slice(0, 3)
            .join('; ')})`,
      );
  });
  return [...problems, ...violations].map((p) => `${width} px: ${p}`);
}

async function walk(page, origin, path) {
  const problems = [];
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await page.goto(`${origin}${path}`);
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page.evaluate(AXE);
  for (const width of WIDTHS) problems.push(...(await problemsAt(page, width)));
  const csp = await page.evaluate(() => globalThis.__cspViolations);
  problems.push(...csp.map((v) => `CSP violation: ${v}`));
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
  );
  const states = await page.evaluate(() =>
    [...document.querySelectorAll('main section.example[id]')].map((s) => s.id),
  );
  const unlinked = states.filter((id) => !links.includes(`#${id}`));
  if (unlinked.length) problems.push(`states without a link: ${unlinked.join(', ')}`);
  if (new Set(states).size !== states.length) problems.push('two states share an anchor');
  return { problems, links, states };
}

export async function checkCatalogue(port = Number(process.env.CATALOGUE_PORT ?? 8766)) {
  const results = [];
  const started = Date.now();
  await withCatalogueBrowser(port, async (browser, origin) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      globalThis.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        globalThis.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const linked = new Set();
    const queue = PAGES.filter((path) => !only || path.includes(only));
    // Pages are walked CONCURRENCY at a time, each in its own tab, in the list's order.
    const walker = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path; path = queue.shift()) {
        const pageStarted = Date.now();
        const { problems, links, states } = await walk(page, origin, path);
        for (const link of links) linked.add(link);
        results.push({
          name: `${path} (${states.length} states, ${Date.now() - pageStarted} ms)`,
          problems,
        });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, walker));
    // Every element in the manifest has a page in the list, and a link to it in the catalogue.
    const missing = manifestTags().filter(
      (tag) => !PAGES.includes(`/?page=${tag}`) || !linked.has(`/?page=${tag}`),
    );
    results.push({
      name: 'every element of the manifest has a linked page',
      problems: missing.map((tag) => `no linked page for <${tag}>`),
    });
    await context.close();
  });
  for (const { name, problems } of results) {
    console.log(`${problems.length ? '✗' : '✓'} catalogue ${name}`);
    for (const problem of problems) console.log(`    ${problem}`);
  }
  const failed = results.filter((r) => r.problems.length).length;
  console.log(
    `catalogue: ${results.length - failed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return { passed: results.length - failed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { failed } = await checkCatalogue();
  process.exit(failed ? 1 : 0);
}
