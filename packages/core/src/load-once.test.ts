// Code-split modules (a source's reading code, the entry rules, audit delivery) load once, and a
// failed load is asked for again: what a clinician sees meanwhile is an error with "Try again",
// never a record without its rules and never an empty section.
import '@dcr-elements/test-support';
import { sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { loadOnce } from './load-once.js';
import type { SectionName } from './model/sections.js';
import { createCareRecordSession } from './session/care-record-session.js';
import type { SectionSnapshot } from './session/section-store.js';
import type { RecordSource, SectionPromises, SourceRequest } from './sources/source.js';
import { staticSource } from './sources/static.js';
import { ADA_RECORDS, PATIENTS, VIEWER, hostPatient } from '../test/session/harness.js';

describe('loadOnce', () => {
  it('shares one load between callers, and keeps the module once it has arrived', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ module: ++loads }));
    expect(load.loaded).to.equal(undefined);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).to.equal(b);
    expect(loads).to.equal(1);
    expect(load.loaded).to.equal(a);
  });

  it('forgets a failed load, so the next call asks again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    });
    let error: unknown;
    await load().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect(load.loaded).to.equal(undefined);
    expect(await load()).to.equal('module');
    expect(loads).to.equal(2);
  });

  it('a source whose reading code fails to load shows the section as failed, then the record on "Try again"', async () => {
    // What a source does when its chunk does not arrive: the first clinical call's promises reject
    // with the import's TypeError (not a RecordError); the next call loads again and reads.
    const inner = staticSource(ADA_RECORDS);
    let failedCalls = 0;
    let calls = 0;
    const source: RecordSource = {
      kind: 'static',
      fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
        calls++;
        const answers = inner.fetchSections(sections, request);
        const clinical = sections.filter((s) => s !== 'demographics');
        if (clinical.length === 0 || failedCalls++ > 0) return answers;
        const failed: Partial<Record<SectionName, Promise<unknown>>> = { ...answers };
        for (const section of clinical) {
          failed[section] = Promise.reject(
            new TypeError('Failed to fetch dynamically imported module'),
          );
          failed[section]!.catch(() => undefined);
        }
        return failed as SectionPromises<K>;
      },
    };
    const session = createCareRecordSession({
      source,
      viewer: VIEWER,
      audit: { record: () => undefined },
      policy: { agreement: ['RX1'] },
    });
    session.setPatient(hostPatient(PATIENTS[0]));
    await session.recordConsent({ decision: 'granted' });
    const seen: SectionSnapshot<'allergies'>[] = [];
    session.subscribe('allergies', (s) => seen.push(s));
    await sessionReaches(session, 'partial');
    // An error the element offers "Try again" for: not a value, not an empty section.
    expect(session.current('allergies')?.status).to.equal('error');
    expect(seen.map((s) => s.status)).to.not.include('ready');
    session.retry('allergies');
    await sessionReaches(session, 'ready');
    const allergies = session.current('allergies');
    expect(allergies?.status).to.equal('ready');
    expect(failedCalls, 'asked again after the failure').to.equal(2);
    expect(calls).to.be.greaterThan(1);
    session.close();
  });
});
