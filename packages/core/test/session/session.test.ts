// The session's safety rules one by one, against a source and a clock the test controls.
import '@dcr-elements/test-support';
import { sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { SectionSnapshot } from '../../src/session/section-store.js';
import { ADA_RECORDS, PATIENTS, hostPatient, settle, testSession, heldSource } from './harness.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import type { AuditRecord } from '../../src/audit/audit-record.js';

const [ada, ben] = PATIENTS;

async function viewing(options: Parameters<typeof testSession>[0] = {}) {
  const t = testSession(options);
  t.session.setPatient(hostPatient(ada, 'attendance-1'));
  await t.session.recordConsent({ decision: 'granted' });
  const allergies: SectionSnapshot<'allergies'>[] = [];
  t.session.subscribe('allergies', (s) => allergies.push(s));
  await sessionReaches(t.session, 'ready');
  return { ...t, allergies };
}

describe('session: a live grant at every read', () => {
  it('reads as ended the moment the clock passes the grant, before any timer fires', async () => {
    const { session, clock, audit } = await viewing();
    expect(session.current('allergies')?.status).to.equal('ready');
    clock.advance(61 * 60_000); // a laptop that slept through the grant's timer
    expect(session.state).to.equal('ended');
    expect(session.current('allergies')).to.equal(undefined);
    let replayed = 0;
    session.subscribe('allergies', () => replayed++);
    expect(replayed).to.equal(0);
    await settle();
    expect(session.state).to.equal('ended');
    const ends = audit.filter((a) => a.action === 'end');
    expect(ends.map((a) => a.detail)).to.deep.equal(['grant-expired']);
    await session
      .section('allergies')
      .then(() => expect.fail('read after expiry'))
      .catch((e: Error) => expect(e.message).to.contain('no consent'));
  });

  it('empties every reader synchronously when the same patient is set again (no encounter id)', async () => {
    const { session, audit } = await viewing();
    session.setPatient(hostPatient(ada));
    // Nothing left to render, before any await: the grant went with the previous view.
    expect(session.current('allergies')).to.equal(undefined);
    expect(session.basis).to.equal(undefined);
    expect(session.state).to.equal('loading');
    expect(audit.filter((a) => a.action === 'end').map((a) => a.detail)).to.deep.equal([
      'patient-switch',
    ]);
  });

  it('keeps the view when the host says it is the same patient encounter', async () => {
    const { session, audit } = await viewing();
    const before = audit.length;
    session.setPatient(hostPatient(ada, 'attendance-1'));
    expect(session.current('allergies')?.status).to.equal('ready');
    expect(session.state).to.equal('ready');
    expect(audit.length).to.equal(before);
    // A different encounter of the same patient is a new view.
    session.setPatient(hostPatient(ada, 'attendance-2'));
    expect(session.current('allergies')).to.equal(undefined);
  });

  it('never resolves section() with a value of a patient switched to in a microtask', async () => {
    const { session, network } = testSession({ immediate: false });
    session.setPatient(hostPatient(ada));
    await session.recordConsent({ decision: 'granted' });
    const read = session.section('allergies');
    queueMicrotask(() => session.setPatient(hostPatient(ben)));
    await settle();
    for (const call of [...network.held]) call.release();
    const outcome = await read.then(
      (value) => value.patient.nhsNumber,
      (e: { kind?: string }) => e.kind,
    );
    expect(outcome).to.equal('aborted');
  });

  it('gives every section() value the patient it is for', async () => {
    const { session } = await viewing();
    const value = await session.section('medications');
    expect(value.patient).to.deep.equal({ nhsNumber: ada.nhsNumber });
    expect(value.entries.map((m) => m.name)).to.deep.equal(['Paracetamol Ada']);
  });
});

describe('session: input read once, internals out of reach', () => {
  it('copies consent input once: a getter cannot answer the check one thing and the use another', async () => {
    const { session, audit } = testSession();
    session.setPatient(hostPatient(ada));
    let reads = 0;
    const shifty = {
      decision: 'override',
      get reason() {
        reads++;
        return reads === 1 ? 'emergency' : 'because I said so';
      },
      get note() {
        return 'x'.repeat(reads > 1 ? 5000 : 10);
      },
    };
    await session.recordConsent(shifty);
    expect(reads).to.equal(1);
    expect(session.overrideReason).to.equal('emergency');
    const override = audit.find((a) => a.action === 'override')!;
    expect(override.overrideReason).to.equal('emergency');
    expect(override.overrideNote).to.have.length(10);
  });

  it('refuses input that is not plain data (a proxy), and audits the refused override', async () => {
    const { session, audit } = testSession();
    session.setPatient(hostPatient(ada));
    const proxy = new Proxy({ decision: 'override', reason: 'emergency' }, {});
    const error = await session.recordConsent(proxy).catch((e: Error) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect(session.state).to.equal('awaiting-consent');
    const missing = await session.recordConsent({ decision: 'override' }).catch((e: Error) => e);
    expect(missing).to.be.instanceOf(TypeError);
    const refused = audit.filter((a) => a.action === 'override' && a.outcome === 'refused');
    expect(refused.map((a) => [a.detail, a.alert])).to.deep.equal([['missing-reason', true]]);
  });

  it('holds its source, store and grant in #private fields no page script can reach', async () => {
    const { session } = await viewing();
    const reachable = new Set<PropertyKey>();
    for (let o: object | null = session; o && o !== EventTarget.prototype;) {
      for (const key of Reflect.ownKeys(o)) reachable.add(key);
      o = Object.getPrototypeOf(o) as object | null;
    }
    for (const key of ['store', 'source', 'grant', 'auditTrail', 'listeners', 'latest'])
      expect(reachable.has(key), key).to.equal(false);
    const loose = session as unknown as Record<string, unknown>;
    expect(loose.store).to.equal(undefined);
    expect(JSON.stringify(session)).to.equal('{}');
  });
});

describe('session: audit of every attempt, decision and end', () => {
  it('waits for a pending access decision before recording consent (the README snippet)', async () => {
    const { session } = testSession();
    session.setPatient(hostPatient(ada));
    expect(session.state).to.equal('loading');
    await session.recordConsent({ decision: 'granted' });
    expect(session.basis).to.equal('consent');
  });

  it('audits a patient switch as the end of the previous view, then the new attempt', async () => {
    const { session, audit } = await viewing();
    session.setPatient(hostPatient(ben));
    const tail = audit.slice(-2).map((a) => [a.action, a.detail, a.patient?.nhsNumber]);
    expect(tail).to.deep.equal([
      ['end', 'patient-switch', ada.nhsNumber],
      ['attempt', undefined, ben.nhsNumber],
    ]);
  });

  it('ends the view, audited, when the page is closed for good (not when it goes into the bfcache)', async () => {
    const { session, audit } = await viewing();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(session.state).to.equal('ready');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(session.state).to.equal('ended');
    expect(audit.filter((a) => a.action === 'end').map((a) => a.detail)).to.deep.equal([
      'page-closed',
    ]);
  });

  it('end() keeps the host’s identity of the patient (nothing of the record), so viewing can start again', async () => {
    const { session, audit } = await viewing();
    session.end();
    expect(session.state).to.equal('ended');
    expect(session.current('allergies')).to.equal(undefined);
    expect(session.basis).to.equal(undefined);
    expect(session.patient?.nhsNumber).to.equal(ada.nhsNumber);
    session.end();
    expect(audit.filter((a) => a.action === 'end')).to.have.length(1);
    session.setPatient(session.patient);
    await sessionReaches(session, 'awaiting-consent');
    expect(session.current('allergies')).to.equal(undefined);
  });

  it('close() ends the view and stops watching the page', async () => {
    const { session, audit } = await viewing();
    session.close();
    expect(session.patient).to.equal(undefined);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(audit.filter((a) => a.action === 'end').map((a) => a.detail)).to.deep.equal([
      'session-closed',
    ]);
  });

  it('audits an invalid viewer with the identity that was given', () => {
    const { session, audit } = testSession({
      viewer: { userId: 'smartcard-42', name: 'Dr Who', roles: ['nurse'], organisation: 'RX1' },
    });
    session.setPatient(hostPatient(ada));
    expect(session.state).to.equal('no-context');
    expect(audit).to.have.length(1);
    expect(audit[0]!.viewer).to.include({
      userId: 'smartcard-42',
      name: 'Dr Who',
      organisation: 'RX1',
    });
    expect(audit[0]!.viewer.roles).to.deep.equal([]);
  });

  it('stops the view with an alert when most of the record names another patient', async () => {
    // Ada's allergy and medicine, claimed by Ben's Patient resource id: they fail the patient check.
    const records = ADA_RECORDS.map((r) => {
      const id = (r as { id?: string }).id;
      if (id === 'p0-a1') return { ...(r as object), patient: { reference: 'Patient/p1' } };
      if (id === 'p0-m1') return { ...(r as object), subject: { reference: 'Patient/p1' } };
      return r;
    });
    const audit: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: heldSource({ immediate: true, records }).source,
      viewer: { ...PATIENTS_VIEWER },
      audit: { record: (r) => audit.push(r) },
      policy: { agreement: ['RX1'] },
    });
    session.setPatient(hostPatient(ada));
    await session.recordConsent({ decision: 'granted' });
    const seen: number[] = [];
    for (const section of ['allergies', 'medications'] as const)
      session.subscribe(section, (s) => s.status === 'ready' && seen.push(s.value.entries.length));
    expect(await sessionReaches(session, 'identity-mismatch')).to.equal('identity-mismatch');
    // Nothing of the other patient's was ever delivered: only the (empty) checked sections.
    expect(seen.every((n) => n === 0)).to.equal(true);
    expect(session.current('allergies')).to.equal(undefined);
    const alert = audit.find((a) => a.action === 'identity-mismatch')!;
    expect(alert).to.include({ detail: 'entries-for-another-patient', alert: true });
  });
});

const PATIENTS_VIEWER = {
  userId: 'user-1',
  name: 'Dr Test',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};

describe('session: hosts that call back in, throw or hang (adversarial review)', () => {
  let caught: unknown[] = [];
  const original = window.reportError;
  beforeEach(() => {
    caught = [];
    window.reportError = (error: unknown) => caught.push(error);
  });
  afterEach(() => {
    window.reportError = original;
  });

  it('stops the view even when the audit trail throws on the end record', async () => {
    let failEnd = false;
    const t = testSession();
    const audit: string[] = [];
    const session = createCareRecordSession({
      source: t.network.source,
      viewer: PATIENTS_VIEWER,
      audit: {
        record: (r) => {
          if (failEnd && r.action === 'end') throw new Error('storage full');
          audit.push(r.action);
        },
      },
      policy: { agreement: ['RX1'] },
    });
    session.setPatient(hostPatient(ada));
    await session.recordConsent({ decision: 'granted' });
    await session.section('allergies');
    failEnd = true;
    session.end();
    expect(session.state).to.equal('ended');
    expect(session.current('allergies')).to.equal(undefined);
    expect(caught).to.have.length(1);
    session.setPatient(hostPatient(ben));
    expect(session.patient?.nhsNumber).to.equal(ben.nhsNumber);
  });

  it('a switch made from a dcr-audit listener during consent meets a finished step', async () => {
    const { session, audit } = testSession();
    session.setPatient(hostPatient(ada));
    await settle();
    let switched = false;
    session.addEventListener('dcr-audit', (e) => {
      const record = (e as CustomEvent<AuditRecord>).detail;
      if (record.action !== 'consent-recorded' || switched) return;
      switched = true;
      session.setPatient(hostPatient(ben));
    });
    await session.recordConsent({ decision: 'granted' });
    await sessionReaches(session, 'awaiting-consent');
    expect(session.patient?.nhsNumber).to.equal(ben.nhsNumber);
    expect(session.basis).to.equal(undefined);
    const ends = audit.filter((a) => a.action === 'end');
    expect(ends.map((a) => [a.detail, a.patient?.nhsNumber])).to.deep.equal([
      ['patient-switch', ada.nhsNumber],
    ]);
    await session.recordConsent({ decision: 'granted' });
    expect(session.basis).to.equal('consent');
  });

  it('an end() from the listener of an end record ends the next view, not the same one twice', async () => {
    const { session, audit } = await viewing();
    session.addEventListener('dcr-audit', (e) => {
      if ((e as CustomEvent<AuditRecord>).detail.action === 'end') session.end();
    });
    session.setPatient(hostPatient(ben));
    await settle();
    // The listener runs once the switch is complete: it ends Ben's view, each view once.
    const ends = audit.filter((a) => a.action === 'end');
    expect(ends.map((a) => [a.detail, a.patient?.nhsNumber])).to.deep.equal([
      ['patient-switch', ada.nhsNumber],
      ['ended-by-user', ben.nhsNumber],
    ]);
    expect(session.state).to.equal('ended');
  });

  it('a throwing subscriber neither stops the others nor the progress', async () => {
    const { session } = testSession();
    session.setPatient(hostPatient(ada));
    await session.recordConsent({ decision: 'granted' });
    session.subscribe('allergies', () => {
      throw new Error('host bug');
    });
    const seen: string[] = [];
    session.subscribe('allergies', (s) => seen.push(s.status));
    await sessionReaches(session, 'ready');
    expect(seen.at(-1)).to.equal('ready');
    expect(caught.length).to.be.greaterThan(0);
  });

  it('a sensitive hook that throws withholds the section, audited as an error', async () => {
    const audit: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: heldSource({ immediate: true }).source,
      viewer: PATIENTS_VIEWER,
      audit: { record: (r) => audit.push(r) },
      policy: {
        agreement: ['RX1'],
        sensitiveHook: () => {
          throw new Error('terminology down');
        },
      },
    });
    session.setPatient(hostPatient(ada));
    await session.recordConsent({ decision: 'granted' });
    const error = await session.section('allergies').catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    expect(session.current('allergies')?.status).to.equal('error');
    expect(audit.some((a) => a.action === 'error' && a.detail === 'policy')).to.equal(true);
  });

  it('a clock moved back after expiry does not revive the view', async () => {
    const { session, clock } = await viewing();
    clock.advance(61 * 60_000);
    expect(session.current('allergies')).to.equal(undefined);
    clock.advance(-61 * 60_000);
    expect(session.current('allergies')).to.equal(undefined);
    expect(session.state).to.equal('ended');
  });
});
