/**
 * Shared by every browser test. Importing it (first) makes the file fail on console errors and
 * warnings, including Lit's dev-mode warnings, and gives the fixed clock and network helpers.
 */

import {
  createCareRecordSession,
  fhirR4Source,
  type AuditRecord,
  type CareRecordSession,
  type ConsentDecision,
  type SessionState,
} from '@dcr-elements/core';
import { expect, fixture } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
// Core loads its record-processing code with import() when a section is first read: one chunk per
// job in a host's bundle, but a waterfall of module requests from this unbundled server. Loaded
// here with every test file instead, as when they were static imports, so a file's first test
// does not pay for it under its timeout.
import '../../packages/core/src/normalise/r4/index.js';
import '../../packages/core/src/normalise/stu3/structured-record.js';
import '../../packages/core/src/policy/withhold.js';
import '../../packages/core/src/audit/outbox-store.js';

// Lit's one-off "dev mode" notice is expected in tests; every other Lit warning is a failure.
const globals = globalThis as { litIssuedWarnings?: Set<string> };
(globals.litIssuedWarnings ??= new Set()).add('dev-mode');

const consoleProblems: string[] = [];
/** The warning an element logs for its developer when it has no session (session-state-controller.ts). */
const DEVELOPER_WARNING = /^dcr-elements: <dcr-[a-z-]+> has no care record session\./;
let developerWarnings: string[] | undefined;
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (level === 'warn' && developerWarnings && DEVELOPER_WARNING.test(message))
      developerWarnings.push(message);
    else consoleProblems.push(`console.${level}: ${message}`);
    original(...args);
  };
}

/**
 * For a test that renders an element without a session on purpose: the developer warning it logs
 * is collected (and returned, to assert on) instead of failing the test. Until the test ends.
 */
export function expectDeveloperWarnings(): string[] {
  return (developerWarnings ??= []);
}
// The virtualizer measures rows with a ResizeObserver and adds rows in the same loop, so Chrome
// fires "ResizeObserver loop completed with undelivered notifications" (w3c/csswg-drafts#5488): a
// harmless notice browsers do not log, but the test runner's page logs it as console.error(null),
// which the guard above would count as a failure. Exactly that notice is let through; any other
// console.error still reaches the guard (a moment later) and fails the test.
const reportError = console.error.bind(console);
let heldNull = false;
let resizeNotice = false;
console.error = (...args: unknown[]) => {
  if (args.length !== 1 || args[0] !== null) return reportError(...args);
  heldNull = true;
  resizeNotice = false;
  setTimeout(() => {
    if (heldNull && !resizeNotice) reportError(null);
    heldNull = false;
  });
};
window.addEventListener(
  'error',
  (event) => {
    if (event.error !== null || !event.message.startsWith('ResizeObserver loop')) return;
    if (heldNull) resizeNotice = true;
    event.stopImmediatePropagation(); // before mocha's window.onerror
  },
  true,
);

afterEach(() => {
  developerWarnings = undefined;
  const problems = consoleProblems.splice(0);
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

/** The sandbox FHIR R4 server, mounted on the test page's own origin. */
export const SANDBOX_FHIR_R4 = '/fhir/r4';

/** The sandbox's fault profiles, configured over HTTP (docs/sandbox.md, "Fault injection"). */
export const SANDBOX_FAULTS = '/__sandbox/faults';
/** The profiles this page (one test file) has configured. */
const configuredFaults = new Set<string>();

/**
 * Configures the fault profile `name` for requests that carry it in `x-dcr-sandbox-profile`. Test
 * files run side by side against one sandbox, so no two files use one name, and a file removes
 * only its own ({@link clearFaults}).
 */
export async function configureFaults(name: string, config: unknown): Promise<void> {
  const response = await fetch(`${SANDBOX_FAULTS}/${name}`, {
    method: 'PUT',
    body: JSON.stringify(config),
  });
  expect(response.status, `fault profile ${name} accepted`).to.equal(200);
  configuredFaults.add(name);
}

/** Removes the profiles this file configured, never another file's. */
export async function clearFaults(): Promise<void> {
  const names = [...configuredFaults];
  configuredFaults.clear();
  await Promise.all(names.map((name) => fetch(`${SANDBOX_FAULTS}/${name}`, { method: 'DELETE' })));
}

/** The date every test treats as today (local time), so ages and "as of" texts are stable. */
export const FIXED_TODAY = new Date(2026, 10, 26, 9, 30);
export const fixedClock = (): Date => new Date(FIXED_TODAY);

export interface RecordedRequest {
  method: string;
  url: string;
}

/** A `fetch` that records every request it passes on, so tests assert on the network itself. */
export function recordingFetch(
  inner: (input: string, init?: RequestInit) => Promise<Response> = (input, init) =>
    fetch(input, init),
) {
  const requests: RecordedRequest[] = [];
  const fetchFn = (input: string, init?: RequestInit) => {
    requests.push({ method: init?.method ?? 'GET', url: input });
    return inner(input, init);
  };
  return { fetch: fetchFn, requests };
}

/** The published example files by folder, or `undefined` when ../shared/fixtures is absent. */
export async function fixtureIndex(): Promise<Record<string, string[]> | undefined> {
  const response = await fetch('/__fixtures/index.json');
  return response.ok ? ((await response.json()) as Record<string, string[]>) : undefined;
}

/** One published example, parsed. */
export async function loadFixture(folder: string, file: string): Promise<unknown> {
  const response = await fetch(`/__fixtures/${folder}/${encodeURIComponent(file)}`);
  if (!response.ok) throw new Error(`fixture ${folder}/${file} not served (${response.status})`);
  return response.json();
}

/** The viewer tests use: a clinical role at RX1, in the sandbox's sharing agreement. */
export const TEST_VIEWER = {
  userId: 'test-user',
  name: 'Dr Test',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
} as const;

/** A session against the sandbox, with its audit records and network requests kept for assertions. */
export function sandboxSession(
  options: {
    fetch?: (input: string, init?: RequestInit) => Promise<Response>;
    today?: string;
    clock?: () => Date;
    /** Entries per page of a search (the source's default is 100). */
    pageSize?: number;
  } = {},
) {
  const network = recordingFetch(options.fetch);
  const audit: AuditRecord[] = [];
  const session = createCareRecordSession({
    source: fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      fetch: network.fetch,
      pageSize: options.pageSize,
      normalise: { today: options.today ?? '2026-11-20' },
    }),
    viewer: TEST_VIEWER,
    audit: { record: (record) => audit.push(record) },
    policy: { agreement: ['RX1'] },
    clock: options.clock ?? (() => new Date()),
  });
  return { session, audit, network };
}

/** Resolves when the session reaches one of `states` (fails after 5 s). */
export function sessionReaches(
  session: CareRecordSession,
  ...states: SessionState[]
): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`session stayed ${session.state}, wanted ${states.join(' or ')}`)),
      5000,
    );
    const check = () => {
      if (!states.includes(session.state)) return;
      clearTimeout(timer);
      session.removeEventListener('statechange', check);
      resolve(session.state);
    };
    session.addEventListener('statechange', check);
    check();
  });
}

/** Sets a roster patient and, when given, records the answer once consent is awaited. */
export async function viewPatient(
  session: CareRecordSession,
  patient: { nhsNumber: string; family: string; given: string; birthDate: string },
  answer?: ConsentDecision,
): Promise<void> {
  session.setPatient({
    nhsNumber: patient.nhsNumber,
    name: { family: patient.family, given: [patient.given] },
    birthDate: patient.birthDate,
  });
  await sessionReaches(session, 'awaiting-consent');
  if (answer) await session.recordConsent(answer);
}

/** One demo state of an element, as its `*.examples.ts` lists them. */
export interface AccessibilityExample {
  name: string;
  template: () => TemplateResult;
}

/**
 * The first tests of every element (STYLE.md): axe finds nothing in any of its example states,
 * in the light and in the dark colour scheme. `settle` waits until the state has been reached.
 */
export function describeAccessibility<E extends HTMLElement>(
  examples: readonly AccessibilityExample[],
  settle: (el: E, example: AccessibilityExample) => Promise<unknown>,
): void {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`accessibility (${colorScheme} colour scheme)`, () => {
      before(() => emulateMedia({ colorScheme }));
      after(() => emulateMedia({ colorScheme: 'light' }));
      for (const example of examples) {
        it(`is accessible: ${example.name}`, async () => {
          expectDeveloperWarnings(); // examples show the element without a session too
          const el = await fixture<E>(example.template());
          await settle(el, example);
          await expect(el).to.be.accessible();
        });
      }
    });
  }
}
