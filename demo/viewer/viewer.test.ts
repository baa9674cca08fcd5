// The Shared Record Viewer against the sandbox over HTTP: the NHS number check on published
// examples, the audit trail's reading of the core's own AuditEvents, and the whole journey:
// sign in, find, consent, every tab, end; an override; then the auditor sees both in the trail.
import '@dcr-elements/test-support';
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { toAuditEvent, type AuditRecord } from '@dcr-elements/core';
import { RECORD_TABS } from '../../packages/elements/src/record/record-tabs.js';
import { SANDBOX_PATIENTS } from '../../packages/sandbox/src/synthetic/roster.js';
import { nhsNumberProblem, readPatientForm } from './find-patient.js';
import { trailRow, viewsAndDecisions } from './audit-trail.js';
import { ViewerApp } from './viewer-app.js';

const WAIT = { timeout: 20_000 };
const { typical, noKnownAllergies } = SANDBOX_PATIENTS;

describe('viewer: finding a patient', () => {
  it('accepts published valid NHS numbers, spaced or not', () => {
    // 943 476 5919: the worked example of the NHS Data Dictionary's check digit, as quoted in the
    // nhs-number crate's docs (docs.rs/nhs-number); 1234567881: the valid example of the CRAN
    // `nhsnumber` package (is_valid).
    for (const valid of ['9434765919', '943 476 5919', '1234567881'])
      expect(nhsNumberProblem(valid), valid).to.equal(undefined);
    // Every sandbox patient's NHS number is valid.
    for (const patient of Object.values(SANDBOX_PATIENTS))
      expect(nhsNumberProblem(patient.nhsNumber)).to.equal(undefined);
  });

  it('refuses published invalid NHS numbers with a reason that never repeats them', () => {
    // 1234567890 and 1234512345: the CRAN `nhsnumber` package's invalid examples (1234567890's
    // check digit would be 10, which no NHS number has); 999 123 4560, which the nhs-number
    // crate's docs give as a format example, fails the check the same way; 9434765918: the
    // worked example, last digit changed.
    for (const invalid of ['1234567890', '1234512345', '9991234560', '9434765918']) {
      const problem = nhsNumberProblem(invalid)!;
      expect(problem).to.match(/not a valid NHS number/);
      expect(problem).not.to.contain(invalid.slice(0, 4));
    }
    expect(nhsNumberProblem('')).to.equal('Enter the patient’s NHS number');
    expect(nhsNumberProblem('943476591')).to.equal('An NHS number is 10 digits');
    expect(nhsNumberProblem('94347659l9')).to.equal('An NHS number has digits only');
  });

  it('reads the optional name and date of birth the UK way, or says what to change', () => {
    expect(
      readPatientForm({
        nhsNumber: '999 234 5675',
        family: ' Hargreaves ',
        birthDate: '14-Jul-1945',
      }),
    ).to.deep.equal({
      ok: true,
      patient: { nhsNumber: '9992345675', name: { family: 'Hargreaves' }, birthDate: '1945-07-14' },
    });
    expect(readPatientForm({ nhsNumber: '9992345675', family: '', birthDate: '' })).to.deep.equal({
      ok: true,
      patient: { nhsNumber: '9992345675' },
    });
    const wrong = readPatientForm({
      nhsNumber: '9992345676',
      family: '',
      birthDate: '31-Feb-1945',
    });
    expect(wrong.ok).to.equal(false);
    expect(Object.keys(!wrong.ok ? wrong.errors : {})).to.deep.equal(['nhs-number', 'birth-date']);
  });
});

describe('viewer: reading the audit trail', () => {
  const viewer = {
    userId: '555021935107',
    name: 'Dr Sam Patel',
    roles: ['R8000'],
    organisation: 'RX1',
    setting: 'emergency' as const,
  };
  const record = (n: number, fields: Partial<AuditRecord>): AuditRecord => ({
    id: `r${n}`,
    action: 'section-shown',
    outcome: 'success',
    recorded: `2026-11-26T09:${String(30 - n).padStart(2, '0')}:00.000Z`,
    viewer,
    patient: { nhsNumber: typical.nhsNumber },
    ...fields,
  });

  it('says who viewed whom, when, on what basis, from the core’s own AuditEvents', () => {
    const row = trailRow(
      toAuditEvent(
        record(0, {
          action: 'override',
          basis: 'override',
          overrideReason: 'emergency',
          overrideNote: 'Unconscious on arrival',
          alert: true,
        }),
      ),
    );
    expect(row).to.include({
      user: 'Dr Sam Patel',
      organisation: 'RX1',
      nhsNumber: typical.nhsNumber,
      action: 'override',
      what: 'Duty-of-care override',
      basis: 'Override: Medical emergency (“Unconscious on arrival”)',
      override: true,
      outcome: 'Success',
      alert: true,
    });
    expect(row.roles).to.deep.equal(['R8000']);
    const consent = trailRow(
      toAuditEvent(record(1, { action: 'consent-recorded', basis: 'consent' })),
    );
    expect(consent).to.include({ basis: 'Consent', override: false, alert: false });
  });

  it('keeps views and decisions, one row per run of sections shown', () => {
    const rows = [
      record(0, { action: 'end' }),
      record(1, { sections: ['medications'], basis: 'consent' }),
      record(2, { sections: ['allergies', 'demographics'], basis: 'consent' }),
      record(3, { action: 'section-fetched', sections: ['allergies'], basis: 'consent' }),
      record(4, { action: 'consent-recorded', basis: 'consent' }),
      record(5, { action: 'access-decision' }),
      record(6, { action: 'access-decision', outcome: 'refused', detail: 'not-permitted' }),
    ].map((r) => trailRow(toAuditEvent(r)));
    const kept = viewsAndDecisions(rows);
    expect(kept.map((r) => r.action)).to.deep.equal([
      'end',
      'section-shown',
      'consent-recorded',
      'access-decision',
    ]);
    expect(kept[1]!.sections).to.deep.equal(['allergies', 'demographics', 'medications']);
    expect(kept[1]!.recorded).to.equal(rows[2]!.recorded);
    expect(kept[1]!.until).to.equal(rows[1]!.recorded);
    expect(kept[3]!).to.include({ outcome: 'Refused', detail: 'not permitted' });
    expect(
      trailRow(toAuditEvent(record(7, { sections: ['risksWarnings'] }))).sections,
    ).to.deep.equal(['risks warnings']);
  });
});

// ---- The journey, in the page: the app mounted as index.html mounts it. ----

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element matching `selector` in `root` or any shadow root inside it. */
function findAll(root: Element | ShadowRoot, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const child of root.querySelectorAll('*'))
    if (child.shadowRoot) found.push(...findAll(child.shadowRoot, selector));
  return found;
}

const button = (root: Element, name: string) =>
  findAll(root, 'button').find((b) => text(b) === name && b.checkVisibility());

async function click(root: Element, name: string): Promise<void> {
  await waitUntil(() => button(root, name), `no "${name}" button`, WAIT);
  button(root, name)!.click();
}

function type(root: Element, id: string, value: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  input.value = value;
}

const heading = (root: Element) => text(root.querySelector('main h1'));
const record = (root: Element) => root.querySelector('dcr-record')!;

async function signIn(root: Element, name: string, userId: string, role: string, ods = 'RX1') {
  await waitUntil(() => heading(root) === 'Sign in', 'not on the sign-in screen', WAIT);
  type(root, 'name', name);
  type(root, 'user-id', userId);
  type(root, 'role', role);
  type(root, 'organisation', ods);
  await click(root, 'Sign in');
}

async function find(
  root: Element,
  patient: { nhsNumber: string; family: string; birthDate: string },
) {
  await waitUntil(() => heading(root) === 'Find a patient', 'not on the find screen', WAIT);
  type(root, 'nhs-number', patient.nhsNumber.replace(/^(\d{3})(\d{3})/, '$1 $2 '));
  type(root, 'family', patient.family);
  type(root, 'birth-date', patient.birthDate);
  await click(root, 'Find patient');
  await waitUntil(() => record(root), 'no record', WAIT);
}

/** The panel of the open tab, once its element has rendered past loading. */
async function openTab(root: Element, label: string, tag: string): Promise<HTMLElement> {
  await click(root, label);
  const shadow = record(root).shadowRoot!;
  await waitUntil(
    () => {
      const panel = [...shadow.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find(
        (p) => !p.hidden,
      );
      const element = panel?.querySelector(tag);
      return element?.shadowRoot &&
        !element.shadowRoot.querySelector('.skeleton, [aria-busy="true"]')
        ? text(element.shadowRoot).length > 0
        : false;
    },
    `the ${label} tab did not show`,
    WAIT,
  );
  return [...shadow.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find((p) => !p.hidden)!;
}

describe('viewer: the journey', function () {
  this.timeout(180_000);
  let root: HTMLElement;
  let app: ViewerApp;
  // A user of this run only, so the trail's rows are this test's.
  const userId = String(Date.now()).slice(-12);
  const name = `Dr Test ${userId.slice(-4)}`;

  beforeEach(async () => {
    await setViewport({ width: 1440, height: 900 });
    root = document.createElement('div');
    document.body.append(root);
    app = new ViewerApp(root);
  });
  afterEach(() => {
    app.dispose();
    root.remove();
  });

  it('signs in, finds, consents, views every tab, ends; nothing in the URL or storage', async () => {
    const url = location.href;
    await signIn(root, name, userId, 'R8000');
    expect(text(root.querySelector('.signed-in')))
      .to.contain(name)
      .and.contain('R8000');
    await expect(root).to.be.accessible();
    await find(root, {
      nhsNumber: typical.nhsNumber,
      family: typical.family,
      birthDate: '14-Jul-1945',
    });
    await click(root, 'Patient consents');
    for (const tab of RECORD_TABS) {
      const panel = await openTab(root, tab.label, tab.tag);
      expect(panel.getAttribute('aria-labelledby')).to.equal(`tab-${tab.id}`);
    }
    // The medication tab shows the typical patient's warfarin.
    expect(
      text(
        (await openTab(root, 'Medication', 'dcr-medication-list')).querySelector(
          'dcr-medication-list',
        )!.shadowRoot,
      ),
    ).to.match(/warfarin/i);
    await expect(root).to.be.accessible();
    await click(root, 'End viewing');
    await waitUntil(() => button(root, 'View record again'), 'viewing did not end', WAIT);
    await click(root, 'Finish with this patient');
    await waitUntil(() => heading(root) === 'Find a patient', 'not back on find', WAIT);
    expect(root.querySelector<HTMLInputElement>('#nhs-number')!.value).to.equal('');
    expect(location.href).to.equal(url);
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.to.contain(typical.nhsNumber);
    expect(stored).not.to.contain(typical.family);
    await click(root, 'Sign out');
    await waitUntil(() => heading(root) === 'Sign in', 'not signed out', WAIT);
  });

  it('records a duty-of-care override for another patient', async () => {
    await signIn(root, name, userId, 'R8000');
    await find(root, { nhsNumber: noKnownAllergies.nhsNumber, family: '', birthDate: '' });
    await click(root, 'Override: view without consent');
    await waitUntil(() => findAll(root, 'input[value="emergency"]')[0], 'no override form', WAIT);
    findAll(root, 'input[value="emergency"]')[0]!.click();
    await click(root, 'Continue');
    await click(root, 'Confirm override and view record');
    await openTab(root, 'Summary', 'dcr-summary');
    await click(root, 'Sign out');
  });

  it('refuses a non-clinical role, an organisation outside the agreement, and the wrong patient', async () => {
    const gateSays = async (words: string) =>
      waitUntil(
        () => findAll(root, 'dcr-consent-gate').some((g) => text(g.shadowRoot).includes(words)),
        `the gate did not say "${words}"`,
        WAIT,
      );
    const typicalPatient = { nhsNumber: typical.nhsNumber, family: '', birthDate: '' };
    await signIn(root, name, userId, 'R8008');
    await find(root, typicalPatient);
    await gateSays('You cannot view GP records');
    expect(button(root, 'Patient consents')).to.equal(undefined);
    await click(root, 'Sign out');
    await signIn(root, name, userId, 'R8000', 'Y23456');
    await find(root, typicalPatient);
    await gateSays('No sharing agreement');
    await click(root, 'Sign out');
    // A valid NHS number typed with another patient's date of birth: stopped before anything shows.
    await signIn(root, name, userId, 'R8000');
    await find(root, { ...typicalPatient, birthDate: noKnownAllergies.birthDate });
    await click(root, 'Patient consents');
    await gateSays('does not match');
    expect(
      findAll(root, 'dcr-allergy-banner').some((b) => text(b.shadowRoot).includes('Penicillin')),
    ).to.equal(false);
    await click(root, 'Sign out');
  });

  it('shows the auditor both views: who, whom, when, basis, the override marked', async () => {
    await signIn(root, 'Pat Auditor', '555000000001', 'R0001');
    await waitUntil(() => heading(root) === 'Audit trail', 'not on the trail', WAIT);
    expect(root.querySelector('#nhs-number')).to.equal(null);
    const rowsOf = () =>
      [...root.querySelectorAll('table.trail tbody tr')].filter((r) => text(r).includes(name));
    // Delivery is asynchronous (the core's outbox): read again until this run's rows are there.
    await waitUntil(
      async () => {
        const have = (action: string, nhs: string) =>
          rowsOf().some((r) => text(r).includes(action) && text(r).includes(nhs));
        if (
          have('Consent to view recorded', '999 234 5675') &&
          have('Viewing session ended', '999 234 5675') &&
          have('Duty-of-care override', '999 345 6780')
        )
          return true;
        await click(root, 'Refresh');
        await waitUntil(
          () => root.querySelector('[role="status"]')?.textContent?.includes('rows'),
          'the trail was not read again',
          WAIT,
        );
        return false;
      },
      'this run’s views did not reach the trail',
      { timeout: 60_000, interval: 1000 },
    );
    const shown = rowsOf().find(
      (r) => text(r).includes('Record section shown') && text(r).includes('999 234 5675'),
    )!;
    expect(text(shown)).to.contain('Consent').and.contain('R8000').and.contain('RX1');
    for (const tab of ['medications', 'immunisations', 'events'])
      expect(text(shown)).to.contain(tab);
    const override = rowsOf().find((r) => text(r).includes('Duty-of-care override'))!;
    expect(override.classList.contains('override')).to.equal(true);
    expect(text(override)).to.contain('Medical emergency').and.contain('Alert');
    await expect(root).to.be.accessible();
  });
});
