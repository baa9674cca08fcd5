/* global document, window -- functions given to page.evaluate run in the browser */
// Drives the Shared Record Viewer (demo/viewer, at /viewer/) through every screen in a real
// browser, as a clinician and then an auditor would, calling `at(screen)` on each: the page walk
// test checks each screen, the screenshot script photographs it. Synthetic sandbox patients only.
import { readFileSync } from 'node:fs';

const RECORD_TABS = [
  ['Summary', 'dcr-summary'],
  ['Problems', 'dcr-problem-list'],
  ['Diagnoses', 'dcr-diagnosis-list'],
  ['Medication', 'dcr-medication-list'],
  ['Risks & warnings', 'dcr-risks-warnings'],
  ['Procedures', 'dcr-procedure-list'],
  ['Results', 'dcr-investigations'],
  ['Blood pressure', 'dcr-blood-pressure'],
  ['Immunisations', 'dcr-immunisations'],
  ['Events', 'dcr-events-timeline'],
];

/** The tabs of dcr-record (record/record-tabs.ts), label and element, in order. */
export const VIEWER_RECORD_TABS = RECORD_TABS;

const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Resolves once the open tab's element has rendered past loading (no skeleton, some text). */
async function tabShown(page, tag) {
  await page.waitForFunction(
    (tag) => {
      const record = document.querySelector('dcr-record');
      const panel = [...(record?.shadowRoot?.querySelectorAll('[role="tabpanel"]') ?? [])].find(
        (p) => !p.hidden,
      );
      const root = panel?.querySelector(tag)?.shadowRoot;
      return Boolean(root && !root.querySelector('.skeleton') && root.textContent.trim());
    },
    tag,
    { timeout: 30_000 },
  );
}

async function signIn(page, { name, userId, role }) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Smartcard user ID').fill(userId);
  await page.getByLabel('Role').selectOption(role);
  await page.getByLabel('Organisation').selectOption('RX1');
  await button(page, 'Sign in').click();
}

/**
 * Walks every screen. `at(screen)` is awaited on each; `user` names this walk's clinician, so an
 * auditor's rows can be told from other runs'. Resolves with the screens visited.
 */
export async function walkViewer(
  page,
  origin,
  at,
  user = { name: 'Dr Sam Patel', userId: '555021935107' },
) {
  const screens = [];
  const visit = async (screen) => {
    screens.push(screen);
    await at(screen);
  };
  await page.goto(`${origin}/viewer/`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await visit('sign-in');
  await button(page, 'Sign in').click();
  await page.getByText('Enter your name').waitFor();
  await visit('sign-in-errors');

  await signIn(page, { ...user, role: 'R8000' });
  await page.getByRole('heading', { level: 1, name: 'Find a patient' }).waitFor();
  await page.getByText('Synthetic patients in the sandbox').click();
  await visit('find');
  await page.getByLabel('NHS number').fill('999 234 5676');
  await page.getByLabel('Date of birth (optional)').fill('31-Feb-1945');
  await button(page, 'Find patient').click();
  await page.getByText('This is not a valid NHS number').first().waitFor();
  await visit('find-errors');

  await page.getByLabel('NHS number').fill('999 234 5675');
  await page.getByLabel('Family name (optional)').fill('Hargreaves');
  await page.getByLabel('Date of birth (optional)').fill('14-Jul-1945');
  await button(page, 'Find patient').click();
  await button(page, 'Patient consents').waitFor();
  await visit('consent-question');
  await button(page, 'Patient consents').click();
  for (const [label, tag] of RECORD_TABS) {
    await page.getByRole('tab', { name: label, exact: true }).click();
    await tabShown(page, tag);
    await visit(`record-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`);
  }
  await button(page, 'End viewing').click();
  await button(page, 'View record again').waitFor();
  await visit('viewing-ended');

  await button(page, 'Finish with this patient').click();
  await page.getByLabel('NHS number').fill('999 345 6780');
  await button(page, 'Find patient').click();
  await button(page, 'Override: view without consent').click();
  await page.getByLabel('Medical emergency').check();
  await page.getByLabel('Note (optional)').fill('Unconscious on arrival');
  await button(page, 'Continue').click();
  await button(page, 'Confirm override and view record').waitFor();
  await visit('override-confirm');
  await button(page, 'Confirm override and view record').click();
  await tabShown(page, 'dcr-summary');
  await visit('record-override');
  await button(page, 'Sign out').click();

  await signIn(page, { name: 'Pat Auditor', userId: '555000000001', role: 'R0001' });
  await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
  // Delivery is asynchronous (the core's outbox): read again until both of this walk's views are
  // there, the consented one and the override (highlighted).
  const rows = (text) =>
    page.locator('table.trail tbody tr', { hasText: user.name }).filter({ hasText: text });
  for (let attempt = 0; ; attempt++) {
    await page.getByRole('status').filter({ hasText: 'rows' }).waitFor();
    const consented = rows('999 234 5675').filter({ hasText: 'Consent to view recorded' });
    const override = page.locator('table.trail tr.override', { hasText: user.name }).filter({
      hasText: 'Duty-of-care override',
    });
    if ((await consented.count()) > 0 && (await override.count()) > 0) break;
    if (attempt === 30) throw new Error('The walk’s views never reached the audit trail');
    await page.waitForTimeout(1000);
    await button(page, 'Refresh').click();
  }
  await visit('audit-trail');
  return screens;
}

const AXE_SOURCE = () =>
  readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core's violations on the page (shadow roots included), WCAG 2.x A and AA and best practice. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/** How far the page is wider than the window, in CSS pixels (0 when nothing overflows). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
