// Screenshots of every example of every element in the catalogue, in every theme, at desktop,
// tablet and phone widths, for looking at by eye
// (npm run screenshots [element-tag] → screenshots/<element>/<example>--<theme>--<width>.png).
// SCREENSHOT_WIDTHS=1440 takes one width only. Starts its own catalogue server.
import { mkdirSync } from 'node:fs';
import { withCatalogueBrowser } from './catalogue-browser.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 8765);
const THEMES = { nhs: '', 'nhs-dark': 'dcr-theme-nhs-dark', neutral: 'dcr-theme-neutral' };
const only = process.argv[2];
const WIDTHS = (process.env.SCREENSHOT_WIDTHS ?? '1440,768,390').split(',').map(Number);

mkdirSync('screenshots', { recursive: true });
await withCatalogueBrowser(PORT, async (browser, origin) => {
  for (const width of WIDTHS)
    for (const [name, theme] of Object.entries(THEMES)) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on(
        'console',
        (message) => message.type() === 'error' && console.error(`[${name}] ${message.text()}`),
      );
      await page.goto(`${origin}/?theme=${theme}`);
      // Every example loads at once (two of them very large records): wait until the sandbox has
      // answered them all, not a fixed time, or captures show loading states.
      await page.waitForLoadState('networkidle', { timeout: 90_000 }).catch(() => undefined);
      await page.waitForTimeout(1000);
      for (const section of await page.locator('main > section').all()) {
        const id = await section.getAttribute('id');
        if (only && id !== only) continue;
        mkdirSync(`screenshots/${id}`, { recursive: true });
        for (const example of await section.locator('article.example').all()) {
          const slug = (await example.getAttribute('aria-label'))
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-');
          const path = `screenshots/${id}/${slug}--${name}--${width}.png`;
          await example.screenshot({ path });
          console.log(path);
        }
      }
      await page.close();
    }
});
