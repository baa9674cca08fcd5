// Screenshots for looking at by eye, in every theme, at desktop, tablet and phone widths
// (SCREENSHOT_WIDTHS=1440 takes one width only). Starts its own catalogue server.
//   npm run screenshots [element-tag]  every state of every element (or of one), each on its own:
//                                      screenshots/<element>/<state>--<theme>--<width>.png
//   npm run screenshots catalogue      every catalogue page whole (demo/pages.json):
//                                      screenshots/catalogue/<page>--<theme>--<width>.png
import { mkdirSync, readFileSync } from 'node:fs';
import { withCatalogueBrowser } from './catalogue-browser.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 8765);
const ALL_THEMES = { nhs: 'nhs-light', 'nhs-dark': 'nhs-dark', neutral: 'neutral' };
// SCREENSHOT_THEMES=nhs,neutral takes those themes only.
const THEMES = Object.fromEntries(
  Object.entries(ALL_THEMES).filter(
    ([name]) =>
      !process.env.SCREENSHOT_THEMES || process.env.SCREENSHOT_THEMES.split(',').includes(name),
  ),
);
const only = process.argv[2];
const WIDTHS = (process.env.SCREENSHOT_WIDTHS ?? '1440,768,390').split(',').map(Number);
const PAGES = JSON.parse(readFileSync(new URL('../demo/pages.json', import.meta.url), 'utf8'));

async function open(browser, origin, path, theme, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on(
    'console',
    (message) => message.type() === 'error' && console.error(`[${path}] ${message.text()}`),
  );
  const url = new URL(path, origin);
  url.searchParams.set('theme', theme);
  await page.goto(url.href);
  // Wait until the sandbox has answered every example (some are very large records), not a
  // fixed time, or captures show loading states.
  await page.waitForLoadState('networkidle', { timeout: 90_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  return page;
}

mkdirSync('screenshots', { recursive: true });
await withCatalogueBrowser(PORT, async (browser, origin) => {
  for (const width of WIDTHS)
    for (const [name, theme] of Object.entries(THEMES)) {
      if (only === 'catalogue') {
        mkdirSync('screenshots/catalogue', { recursive: true });
        for (const path of PAGES) {
          const page = await open(browser, origin, path, theme, width);
          const slug = path.replace(/^\/\??(page=)?/, '').replace(/[^a-z0-9]+/g, '-') || 'overview';
          const file = `screenshots/catalogue/${slug}--${name}--${width}.png`;
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          await page.close();
        }
        continue;
      }
      const tags = PAGES.map((path) => new URL(path, origin).searchParams.get('page'))
        .filter((tag) => tag?.startsWith('dcr-'))
        .filter((tag) => !only || tag === only);
      for (const tag of tags) {
        const page = await open(browser, origin, `/?page=${tag}`, theme, width);
        mkdirSync(`screenshots/${tag}`, { recursive: true });
        for (const example of await page.locator('section.example').all()) {
          const path = `screenshots/${tag}/${await example.getAttribute('id')}--${name}--${width}.png`;
          await example.screenshot({ path });
          console.log(path);
        }
        await page.close();
      }
    }
});
