/* global document, window -- in the page (addInitScript) */
// For the packaging and host tests (scripts/packaging-test.mjs, scripts/hosts-test.mjs): a static
// server over a folder with the sandbox on the same origin at /fhir/r4 and the strict CSP, a
// headless Chromium, named checks that count passes and failures, and the sandbox's AuditEvents.
import { createHash } from 'node:crypto';
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { CONTENT_SECURITY_POLICY, sandboxMiddleware } from './dev-server-setup.mjs';

/**
 * The catalogue's CSP, plus the hash of each inline import map in the page (an import map is
 * inline by nature: a host allows its own by hash) and any Trusted Types policy names a
 * framework needs (`trustedTypes`, e.g. ['angular']).
 */
export function hostCsp(html, trustedTypes = []) {
  const hashes = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    ([, map]) => `'sha256-${createHash('sha256').update(map).digest('base64')}'`,
  );
  return CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
  ).replace('trusted-types lit-html', ['trusted-types lit-html', ...trustedTypes].join(' '));
}

/** Serves `rootDir` as static files under the host CSP, with the sandbox; resolves its URL. */
export async function serve(rootDir, { trustedTypes = () => [] } = {}) {
  const csp = async (ctx, next) => {
    await next();
    if (!ctx.response.is('html')) return;
    const body = typeof ctx.body === 'string' ? ctx.body : await streamToString(ctx.body);
    ctx.body = body;
    ctx.set('Content-Security-Policy', hostCsp(body, trustedTypes(ctx.path)));
  };
  const server = await startDevServer({
    config: {
      rootDir,
      port: 0,
      hostname: 'localhost',
      middleware: [csp, await sandboxMiddleware()],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const { port } = server.server.address();
  return { url: `http://localhost:${port}`, stop: () => server.stop() };
}

async function streamToString(stream) {
  if (!stream || typeof stream.on !== 'function') return String(stream ?? '');
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export async function launchBrowser() {
  // playwright-core adds its own headless flag.
  return chromium.launch({
    executablePath: findChrome(),
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
}

/**
 * A page that records console errors and warnings, uncaught errors and CSP violations in
 * `problems`; a check fails when any is left at its end.
 */
export async function watchedPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type()))
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__cspViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, problems };
}

/** The AuditEvents the sandbox holds for a viewer (`agent-identifier`), as `subtype` codes. */
export async function auditActionsOf(baseUrl, userId) {
  const query = encodeURIComponent(`https://fhir.nhs.uk/Id/sds-user-id|${userId}`);
  const response = await fetch(
    `${baseUrl}/fhir/r4/AuditEvent?agent-identifier=${query}&_count=200`,
  );
  if (!response.ok) throw new Error(`AuditEvent search answered ${response.status}`);
  const bundle = await response.json();
  return (bundle.entry ?? []).map((e) => e.resource.subtype?.[0]?.code);
}

/** Waits until `test()` is true (polling), or throws `message` after `timeout` ms. */
export async function until(test, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await test()) return;
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Named checks run in order; `results()` gives the totals scripts/test.mjs adds to its own. */
export function checks(suite) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  return {
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        totals.passed += 1;
        console.log(`  ✓ ${suite}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        totals.failed += 1;
        console.log(
          `  ✗ ${suite}: ${name}\n      ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 6)
            .join('\n      ')}`,
        );
      }
    },
    results: () => totals,
  };
}

/**
 * The smoke walk every host page shares: consent in the first gate, allergies and medicines
 * shown (the typical sandbox patient: penicillin, warfarin), the record's tabs shown, and the
 * consent reaching the sandbox as an AuditEvent under the host's viewer id.
 */
export async function consentAndView(page, baseUrl, userId) {
  await page.getByRole('button', { name: 'Patient consents' }).first().click();
  await page.getByText('Penicillin').first().waitFor({ timeout: 15_000 });
  await page
    .getByText(/warfarin/i)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Summary' }).waitFor({ timeout: 15_000 });
  await until(
    async () => (await auditActionsOf(baseUrl, userId)).includes('consent-recorded'),
    `no consent-recorded AuditEvent from ${userId} reached the sandbox`,
  );
}
