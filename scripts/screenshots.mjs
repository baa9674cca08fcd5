// Screenshots of every example of every element in the catalogue, in every theme, for looking at
// by eye (npm run screenshots [element-tag] → screenshots/<element>/<example>--<theme>.png).
// Starts its own catalogue server.
import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 8765);
const THEMES = { nhs: '', 'nhs-dark': 'dcr-theme-nhs-dark', neutral: 'dcr-theme-neutral' };
const only = process.argv[2];

const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, PORT: String(PORT) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
});
mkdirSync('screenshots', { recursive: true });
try {
  for (const [name, theme] of Object.entries(THEMES)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on(
      'console',
      (message) => message.type() === 'error' && console.error(`[${name}] ${message.text()}`),
    );
    await page.goto(`http://localhost:${PORT}/?theme=${theme}`);
    await page.waitForTimeout(4000);
    for (const section of await page.locator('main > section').all()) {
      const id = await section.getAttribute('id');
      if (only && id !== only) continue;
      mkdirSync(`screenshots/${id}`, { recursive: true });
      for (const example of await section.locator('article.example').all()) {
        const slug = (await example.getAttribute('aria-label'))
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-');
        const path = `screenshots/${id}/${slug}--${name}.png`;
        await example.screenshot({ path });
        console.log(path);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
