// Screenshots of every screen of the Shared Record Viewer (scripts/viewer-walk.mjs), in the
// system's light and dark schemes, at 1440, 768 and 390 px, for looking at by eye
// (node scripts/viewer-screenshots.mjs → screenshots/viewer/<screen>--<scheme>--<width>.png).
// SCREENSHOT_WIDTHS=390 takes one width only. Starts its own server (SCREENSHOT_PORT).
import { mkdirSync } from 'node:fs';
import { withCatalogueBrowser } from './catalogue-browser.mjs';
import { walkViewer } from './viewer-walk.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 8766);
const WIDTHS = (process.env.SCREENSHOT_WIDTHS ?? '1440,768,390').split(',').map(Number);

mkdirSync('screenshots/viewer', { recursive: true });
await withCatalogueBrowser(PORT, async (browser, origin) => {
  for (const width of WIDTHS)
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      page.on('console', (m) => m.type() === 'error' && console.error(`[${width}] ${m.text()}`));
      await walkViewer(page, origin, async (screen) => {
        await page.waitForTimeout(300);
        const path = `screenshots/viewer/${screen}--${scheme}--${width}.png`;
        await page.screenshot({ path, fullPage: true });
        console.log(path);
      });
      await page.close();
    }
});
