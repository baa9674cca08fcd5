// For scripts that drive the catalogue in a real browser (screenshots, render benchmark): starts
// the catalogue server on `port` and Debian's Chromium through playwright-core, runs `use`, then
// stops both, whatever happens.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

export async function withCatalogueBrowser(port, use) {
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise((resolve) => server.stdout.once('data', resolve));
    // playwright-core adds its own headless flag.
    const browser = await chromium.launch({
      executablePath: findChrome(),
      args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
    });
    try {
      return await use(browser, `http://localhost:${port}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}
