/* global document, localStorage, sessionStorage -- functions given to page.evaluate run in the browser */
// The Shared Record Viewer as `npm start` serves it, under the strict Content Security Policy, in
// headless Chromium at 1440 px (light) and 768 px (dark): every screen of the walk (sign in,
// find, consent, every tab, end, an override, the auditor's trail) with no console error, no CSP
// violation, no axe violation and no horizontal overflow; nothing of the patient's in the URL or
// storage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCatalogueBrowser } from '../../scripts/catalogue-browser.mjs';
import { axeViolations, horizontalOverflow, walkViewer } from '../../scripts/viewer-walk.mjs';

const PORT = Number(process.env.VIEWER_WALK_PORT ?? 8790);
const PATIENT_DATA = ['9992345675', '999 234 5675', 'Hargreaves', 'HARGREAVES', '9993456780'];

// The system's light scheme at 1440 px, dark at 768 px: both schemes, both widths, two walks.
for (const [width, colorScheme] of [
  [1440, 'light'],
  [768, 'dark'],
])
  test(
    `viewer walk at ${width} px (${colorScheme}): no console error, CSP violation, axe violation or overflow`,
    { timeout: 600_000 },
    () =>
      withCatalogueBrowser(PORT, async (browser, origin) => {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        const problems = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
          ),
        );
        const response = await page.goto(`${origin}/viewer/`);
        assert.match(
          response.headers()['content-security-policy'] ?? '',
          /require-trusted-types-for 'script'/,
        );
        const userId = String(Date.now()).slice(-12);
        const screens = await walkViewer(
          page,
          origin,
          async (screen) => {
            assert.deepEqual(await axeViolations(page), [], `axe on ${screen} at ${width} px`);
            assert.equal(await horizontalOverflow(page), 0, `overflow on ${screen} at ${width} px`);
            assert.equal(
              new URL(page.url()).pathname + new URL(page.url()).search,
              '/viewer/',
              `URL on ${screen}`,
            );
            const stored = await page.evaluate(() =>
              JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
            );
            for (const value of PATIENT_DATA)
              assert.ok(!stored.includes(value), `storage on ${screen}`);
            assert.deepEqual(problems, [], `console on ${screen} at ${width} px`);
          },
          { name: `Dr Walk ${userId.slice(-4)}`, userId },
        );
        assert.equal(screens.length, 19);
        await page.close();
      }),
  );
