// Model-based property test (docs/architecture.md#session-states, issue "the safety core"): random sequences of what a host,
// a clinician, the network and the clock can do, run against the real session. A small model of
// the grant, kept from the transition table's rules, says at every moment whose record may be
// shown; the session must never deliver a value outside it, and its audit must be complete.
import '@dcr-elements/test-support';
import fc from 'fast-check';
import type { SectionName } from '../../src/model/sections.js';
import { PATIENTS, hostPatient, testSession } from './harness.js';

const SECTIONS: SectionName[] = ['allergies', 'medications', 'events', 'demographics'];

type Command =
  | { kind: 'set-patient'; patient: number; encounter: 'e1' | 'e2' | undefined }
  | { kind: 'consent'; answer: 'granted' | 'declined' | 'override' | 'override-without-reason' }
  | { kind: 'end' }
  | { kind: 'clock'; minutes: number }
  | { kind: 'subscribe'; section: number }
  | { kind: 'unsubscribe'; index: number }
  | { kind: 'read'; section: number }
  | { kind: 'answer'; index: number; fail: boolean }
  | { kind: 'tick' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('set-patient' as const),
    patient: fc.integer({ min: 0, max: 2 }),
    encounter: fc.constantFrom('e1' as const, 'e2' as const, undefined),
  }),
  fc.record({
    kind: fc.constant('consent' as const),
    answer: fc.constantFrom(
      'granted' as const,
      'declined' as const,
      'override' as const,
      'override-without-reason' as const,
    ),
  }),
  fc.constant({ kind: 'end' as const }),
  fc.record({ kind: fc.constant('clock' as const), minutes: fc.integer({ min: 0, max: 90 }) }),
  fc.record({ kind: fc.constant('subscribe' as const), section: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('unsubscribe' as const), index: fc.nat(10) }),
  fc.record({ kind: fc.constant('read' as const), section: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('answer' as const), index: fc.nat(10), fail: fc.boolean() }),
  fc.constant({ kind: 'tick' as const }),
);

/** A macrotask turn without the 4 ms clamp of nested timers. */
const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });

/** The grant as the table's rules give it: for whom, and until when. */
interface ModelGrant {
  nhsNumber: string;
  expires: number;
}

async function run(commands: Command[]): Promise<string[]> {
  const { session, clock, network, audit } = testSession({ immediate: false });
  const violations: string[] = [];
  let patient: { nhsNumber: string; encounter?: string } | undefined;
  let grant: ModelGrant | undefined;
  let asking = false;
  let accepted = 0;
  let attemptsWithPatient = 0;
  const unsubscribes: (() => void)[] = [];
  const reads: Promise<unknown>[] = [];

  const live = () =>
    grant !== undefined &&
    grant.nhsNumber === patient?.nhsNumber &&
    clock.now().getTime() < grant.expires;
  const check = (what: string, nhsNumber: string) => {
    if (!live()) violations.push(`${what} delivered without a live grant`);
    else if (nhsNumber !== patient?.nhsNumber) violations.push(`${what} for another patient`);
  };

  for (const c of commands) {
    switch (c.kind) {
      case 'set-patient': {
        const p = PATIENTS[c.patient]!;
        const same =
          live() &&
          c.encounter !== undefined &&
          patient?.nhsNumber === p.nhsNumber &&
          patient.encounter === c.encounter;
        session.setPatient(hostPatient(p, c.encounter));
        if (!same) {
          patient = { nhsNumber: p.nhsNumber, ...(c.encounter && { encounter: c.encounter }) };
          grant = undefined;
          asking = true;
          attemptsWithPatient++;
        }
        break;
      }
      case 'consent': {
        const input =
          c.answer === 'override'
            ? { decision: 'override', reason: 'emergency' }
            : c.answer === 'override-without-reason'
              ? { decision: 'override' }
              : { decision: c.answer };
        // Granted from the moment the session records it (values may follow at once), so the
        // model grants first and takes it back if the session refuses the answer.
        const grants =
          asking && !live() && c.answer !== 'declined' && c.answer !== 'override-without-reason';
        if (grants)
          grant = { nhsNumber: patient!.nhsNumber, expires: clock.now().getTime() + 3.6e6 };
        const done = session.recordConsent(input).then(
          () => {
            accepted++;
            if (grants) asking = false;
          },
          () => {
            if (grants) violations.push('a "yes" while asking was refused');
          },
        );
        await done;
        break;
      }
      case 'end':
        session.end();
        grant = undefined;
        asking = false;
        patient = undefined;
        break;
      case 'clock':
        clock.advance(c.minutes * 60_000);
        if (grant && clock.now().getTime() >= grant.expires) {
          grant = undefined;
          asking = false;
        }
        break;
      case 'subscribe': {
        const section = SECTIONS[c.section]!;
        unsubscribes.push(
          session.subscribe(section, (s) => check(`${section} ${s.status}`, s.patient.nhsNumber)),
        );
        break;
      }
      case 'unsubscribe':
        unsubscribes.splice(c.index % Math.max(1, unsubscribes.length), 1)[0]?.();
        break;
      case 'read': {
        if (!live()) break;
        const section = SECTIONS[c.section]!;
        const asked = patient!.nhsNumber;
        reads.push(
          session.section(section).then(
            (value) => {
              if (value.patient.nhsNumber !== asked)
                violations.push('section() for another patient');
            },
            () => undefined,
          ),
        );
        break;
      }
      case 'answer': {
        const call = network.held[c.index % Math.max(1, network.held.length)];
        if (!call) break;
        const stopsView =
          c.fail && !call.request.signal?.aborted && call.sections.includes('demographics');
        if (c.fail) call.fail();
        else call.release();
        if (stopsView && live()) {
          // A failed demographics read stops the view: the record cannot be checked as this
          // patient's. The failure arrives through promises, so the model follows a turn later.
          await tick();
          if (session.state !== 'unavailable' || session.basis !== undefined)
            violations.push(`a failed demographics read left the session ${session.state}`);
          grant = undefined;
        }
        break;
      }
      case 'tick':
        await tick();
        break;
    }
    // The session's own view of the grant must agree with the model's at every step.
    if (session.basis !== undefined && !live())
      violations.push('session shows a grant the model lacks');
  }
  for (const call of [...network.held]) call.release();
  await tick();
  session.end();
  await Promise.all(reads);
  await tick();

  const attempts = audit.filter((a) => a.action === 'attempt' && a.outcome === 'success');
  const ends = audit.filter((a) => a.action === 'end');
  if (attempts.length !== attemptsWithPatient)
    violations.push(`${attempts.length} attempts audited for ${attemptsWithPatient}`);
  if (ends.length !== attempts.length)
    violations.push(`${ends.length} ends audited for ${attempts.length} views`);
  const decisions = audit.filter(
    (a) => a.action === 'consent-recorded' || (a.action === 'override' && a.outcome === 'success'),
  );
  if (decisions.length !== accepted)
    violations.push(`${decisions.length} decisions audited for ${accepted} recorded`);
  if (new Set(audit.map((a) => a.id)).size !== audit.length) violations.push('audit ids repeat');
  const shown = audit.filter((a) => a.action === 'section-shown');
  if (shown.length > 0 && !shown.every((a) => a.patient)) violations.push('shown without patient');
  return violations;
}

describe('session against its model (fast-check)', () => {
  it('never delivers a value without a live grant or for another patient, and audits every attempt, decision and end exactly once', async function () {
    this.timeout(120_000);
    const seed = Date.now() % 2 ** 31;
    console.info(`fast-check seed ${seed}`);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const violations = await run(commands);
        if (violations.length > 0) throw new Error(violations.join('; '));
      }),
      { numRuns: 1000, seed },
    );
  });
});
