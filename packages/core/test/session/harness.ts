// What the session's own tests drive it with: synthetic R4 records for a few patients, a source
// whose answers the test releases or fails one call at a time, and a clock the test moves.
import type { AuditRecord } from '../../src/audit/audit-record.js';
import { RecordError } from '../../src/http/errors.js';
import type { SectionName } from '../../src/model/sections.js';
import {
  createCareRecordSession,
  type CareRecordSession,
} from '../../src/session/care-record-session.js';
import type { RecordSource, SectionPromises, SourceRequest } from '../../src/sources/source.js';
import { staticSource } from '../../src/sources/static.js';

export const VIEWER = {
  userId: 'user-1',
  name: 'Dr Test',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
} as const;

/** Synthetic patients (test-range NHS numbers, invented names). */
export const PATIENTS = [
  { nhsNumber: '9000000009', family: 'Anders', given: 'Ada', birthDate: '1950-01-01' },
  { nhsNumber: '9000000017', family: 'Brook', given: 'Ben', birthDate: '1960-02-02' },
  { nhsNumber: '9000000025', family: 'Cole', given: 'Cy', birthDate: '1970-03-03' },
] as const;

export type TestPatient = (typeof PATIENTS)[number];

export const hostPatient = (p: TestPatient, encounter?: string) => ({
  nhsNumber: p.nhsNumber,
  name: { family: p.family, given: [p.given] },
  birthDate: p.birthDate,
  ...(encounter && { encounter }),
});

const SNOMED = 'http://snomed.info/sct';

/** One R4 record per patient: an allergy, a medicine and an encounter, each naming its patient. */
function bundleOf(p: TestPatient, index: number): unknown[] {
  const id = `p${index}`;
  const subject = { reference: `Patient/${id}` };
  return [
    {
      resourceType: 'Patient',
      id,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber }],
      name: [{ use: 'official', family: p.family, given: [p.given] }],
      birthDate: p.birthDate,
    },
    {
      resourceType: 'AllergyIntolerance',
      id: `${id}-a1`,
      patient: subject,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: SNOMED, code: '91936005', display: `Penicillin ${p.given}` }] },
    },
    {
      resourceType: 'MedicationRequest',
      id: `${id}-m1`,
      subject,
      status: 'active',
      intent: 'order',
      authoredOn: '2026-11-01',
      medicationCodeableConcept: {
        coding: [{ system: SNOMED, code: '322236009', display: `Paracetamol ${p.given}` }],
      },
    },
    {
      resourceType: 'Encounter',
      id: `${id}-e1`,
      subject,
      status: 'finished',
      class: { code: 'AMB', display: 'ambulatory' },
      type: [{ coding: [{ system: SNOMED, code: '185316007', display: 'Indirect encounter' }] }],
      period: { start: '2026-10-01' },
    },
  ];
}

/** Every patient's record in one list (Ada's is the first four resources). */
export const RECORDS = PATIENTS.flatMap(bundleOf);

/** Ada's record alone. */
export const ADA_RECORDS = bundleOf(PATIENTS[0], 0);

function perPatient(sources: [string, RecordSource][]): RecordSource {
  const byNumber = new Map(sources);
  return {
    kind: 'static',
    fetchSections: (sections, request) =>
      (byNumber.get(request.nhsNumber) ?? staticSource([])).fetchSections(sections, request),
  };
}

/** A call the source has received and not yet answered. */
export interface HeldCall {
  sections: readonly SectionName[];
  request: SourceRequest;
  release(): void;
  fail(kind?: 'server' | 'timeout'): void;
}

/**
 * A source over {@link RECORDS} whose answers wait until the test releases (or fails) the call:
 * latency and failure are the test's to choose. With `immediate`, calls answer at once.
 */
export function heldSource(options: { immediate?: boolean; records?: unknown[] } = {}) {
  // One record per patient, as a server's `patient=` search would answer; `records` replaces them.
  const inner = options.records
    ? staticSource(options.records)
    : perPatient(PATIENTS.map((p, i) => [p.nhsNumber, staticSource(bundleOf(p, i))]));
  const held: HeldCall[] = [];
  let fetches = 0;
  const source: RecordSource = {
    kind: 'static',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      fetches++;
      const answers = inner.fetchSections(sections, request);
      let open!: () => void;
      let shut!: (error: RecordError) => void;
      const gate = new Promise<void>((resolve, reject) => ((open = resolve), (shut = reject)));
      gate.catch(() => undefined);
      // An answered call leaves `held`: each call is answered once.
      const answered = () => {
        const at = held.indexOf(call);
        if (at >= 0) held.splice(at, 1);
      };
      const call: HeldCall = {
        sections,
        request,
        release: () => (answered(), open()),
        fail: (kind = 'server') => (answered(), shut(new RecordError(kind))),
      };
      if (options.immediate) open();
      else held.push(call);
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const section of sections) {
        promises[section] = gate.then(() => answers[section]);
        promises[section]!.catch(() => undefined);
      }
      return promises as SectionPromises<K>;
    },
  };
  return {
    source,
    held,
    get fetches() {
      return fetches;
    },
  };
}

/** A clock the test moves; starts at a fixed instant. */
export function movableClock(start = Date.UTC(2026, 10, 26, 9, 30)) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A session over a held source, a movable clock and an in-memory audit list. */
export function testSession(
  options: { immediate?: boolean; viewer?: unknown; grantMinutes?: number } = {},
) {
  const clock = movableClock();
  const network = heldSource({ immediate: options.immediate ?? true });
  const audit: AuditRecord[] = [];
  let ids = 0;
  const session: CareRecordSession = createCareRecordSession({
    source: network.source,
    viewer: options.viewer ?? VIEWER,
    audit: { record: (r) => audit.push(r) },
    policy: { agreement: ['RX1'], grantMinutes: options.grantMinutes ?? 60 },
    clock: clock.now,
    newId: () => `audit-${++ids}`,
  });
  return { session, clock, network, audit };
}

/** Lets queued microtasks and zero-delay timers run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
