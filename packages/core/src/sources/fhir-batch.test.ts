// The R4 source's FHIR batches (fhir-batch.ts): searches asked for together go as one batch per
// lane, each entry's answer is its own section's, and a server without batch gets GETs.
import {
  clearFaults,
  configureFaults,
  SANDBOX_FHIR_R4,
  sessionReaches,
  TEST_VIEWER,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { AuditRecord } from '../audit/audit-record.js';
import { RecordError } from '../http/errors.js';
import { SECTION_NAMES, type SectionName } from '../model/sections.js';
import { createCareRecordSession } from '../session/care-record-session.js';
import { fhirR4Source, type FhirR4SourceOptions } from './fhir-r4.js';

const { typical } = SANDBOX_PATIENTS;
const TODAY = '2026-11-20';
const PROFILE_HEADER = 'x-dcr-sandbox-profile';

interface Sent {
  method: string;
  url: string;
  /** For a batch: its entries' URLs, and their methods. */
  entries?: string[];
  methods?: string[];
}

// Tests read arbitrary FHIR JSON; `any` keeps the assertions short.
type Json = any;

/** A fetch that records what is sent (batch entries too) and passes it on, unless `answer` does. */
function network(
  answer?: (
    input: string,
    init: RequestInit | undefined,
    sent: Sent,
  ) => Promise<Response | undefined> | undefined,
) {
  const sent: Sent[] = [];
  const fetchFn = async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const request: Sent = { method, url: input };
    if (method === 'POST' && input === SANDBOX_FHIR_R4) {
      const batch: Json = JSON.parse(String(init!.body));
      expect(batch.resourceType).to.equal('Bundle');
      expect(batch.type).to.equal('batch');
      request.entries = batch.entry.map((e: Json) => e.request.url as string);
      request.methods = batch.entry.map((e: Json) => e.request.method as string);
    }
    sent.push(request);
    return (await answer?.(input, init, request)) ?? fetch(input, init);
  };
  return { fetch: fetchFn, sent, batches: () => sent.filter((r) => r.entries) };
}

const source = (
  fetchFn: FhirR4SourceOptions['fetch'],
  options: Partial<FhirR4SourceOptions> = {},
) =>
  fhirR4Source({
    baseUrl: SANDBOX_FHIR_R4,
    fetch: fetchFn,
    batch: true,
    retry: { backoffMs: 5 },
    normalise: { today: TODAY },
    ...options,
  });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/fhir+json' },
  });

const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ready',
    (e: unknown) => (e instanceof RecordError ? e.kind : String(e)),
  );

/** Every section of the typical patient, read with and without batches: the same record. */
async function readAll(options: Partial<FhirR4SourceOptions>) {
  const net = network();
  const p = source(net.fetch, options).fetchSections(SECTION_NAMES, {
    nhsNumber: typical.nhsNumber,
  });
  const values = await Promise.all(SECTION_NAMES.map((s) => p[s]));
  return { values: Object.fromEntries(SECTION_NAMES.map((s, i) => [s, values[i]])), net };
}

describe('fhirR4Source batches', () => {
  afterEach(clearFaults);

  it('reads the whole record in the patient lookup and two batches, the same record as GETs read', async () => {
    const batched = await readAll({ batch: true });
    const separate = await readAll({ batch: false });
    expect(batched.values).to.deep.equal(separate.values);
    expect(separate.net.sent).to.have.length(11);
    expect(batched.net.sent.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).to.deep.equal([
      `POST ${SANDBOX_FHIR_R4}/Patient/_search`,
      `POST ${SANDBOX_FHIR_R4}`,
      `POST ${SANDBOX_FHIR_R4}`,
    ]);
    const [first, rest] = batched.net.batches().map((b) => b.entries!);
    // The allergy banner and the medicines never wait for results or encounters.
    expect(first!.map((u) => u.replace(/\?.*/, ''))).to.deep.equal([
      'AllergyIntolerance',
      'MedicationRequest',
      'MedicationStatement',
    ]);
    expect(rest!.map((u) => u.replace(/\?.*/, '')).sort()).to.deep.equal([
      'Condition',
      'Encounter',
      'Flag',
      'Immunization',
      'Observation',
      'Procedure',
      'ServiceRequest',
    ]);
    // Each entry is the GET it stands for, with its _include and the patient's server id.
    const medicines = new URLSearchParams(first![1]!.split('?')[1]);
    expect(medicines.get('patient')).to.equal(typical.id);
    expect(medicines.get('_include')).to.equal('MedicationRequest:medication');
    // Only reads (view only, docs/hazard-log.md H34), and no entry carries the NHS number.
    expect(new Set(batched.net.batches().flatMap((b) => b.methods))).to.deep.equal(
      new Set(['GET']),
    );
    expect(JSON.stringify(batched.net.batches())).not.to.include(typical.nhsNumber);
  });

  it('puts sections asked for in separate calls of one task in the same batch', async () => {
    const net = network();
    const r4 = source(net.fetch);
    const signal = new AbortController().signal;
    const request = { nhsNumber: typical.nhsNumber, signal };
    const a = r4.fetchSections(['problems'], request);
    const b = r4.fetchSections(['events', 'immunisations'], request);
    await Promise.all([a.problems, b.events, b.immunisations]);
    expect(net.sent).to.have.length(2);
    expect(net.batches()[0]!.entries).to.have.length(4);
  });

  it('sends a lone search as a GET of its own', async () => {
    const net = network();
    await source(net.fetch).fetchSections(['allergies'], { nhsNumber: typical.nhsNumber })
      .allergies;
    expect(net.sent.map((r) => r.method)).to.deep.equal(['POST', 'GET']);
    expect(net.sent[1]!.url).to.include('/AllergyIntolerance?');
  });

  it('is off by default when the host passes its own fetch', () => {
    // Without a fetch of the host's it batches (counted in elements/src/record/record-requests.test.ts);
    // with one, that fetch sees GETs as before unless `batch: true`.
    const net = network();
    const r4 = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: net.fetch });
    return r4
      .fetchSections(['medications'], { nhsNumber: typical.nhsNumber })
      .medications.then(() => expect(net.batches()).to.have.length(0));
  });

  it('falls back to GETs where the server answers 405, and remembers it', async () => {
    const net = network((input, _init, sent) =>
      sent.entries
        ? Promise.resolve(json({ resourceType: 'OperationOutcome', issue: [] }, 405))
        : undefined,
    );
    const r4 = source(net.fetch);
    const first = r4.fetchSections(['medications', 'events'], { nhsNumber: typical.nhsNumber });
    expect((await first.medications).entries.length).to.be.greaterThan(0);
    expect((await first.events).entries.length).to.be.greaterThan(0);
    expect(net.batches()).to.have.length(2); // one per lane, each answered 405
    expect(net.sent.filter((r) => r.method === 'GET')).to.have.length(4);

    const later = r4.fetchSections(['problems', 'procedures'], { nhsNumber: typical.nhsNumber });
    await Promise.all([later.problems, later.procedures]);
    expect(net.batches(), 'not asked again').to.have.length(2);
  });

  for (const [status, what, body] of [
    [404, 'an endpoint it does not have', {}],
    [501, 'not implemented', {}],
    [200, 'an answer that is not a batch-response', { resourceType: 'Bundle', type: 'searchset' }],
  ] as const)
    it(`treats ${status} (${what}) as no batch too`, async () => {
      const net = network((_input, _init, sent) =>
        sent.entries ? Promise.resolve(json(body, status)) : undefined,
      );
      const r4 = source(net.fetch);
      await r4.fetchSections(['medications'], { nhsNumber: typical.nhsNumber }).medications;
      await r4.fetchSections(['events'], { nhsNumber: typical.nhsNumber }).events;
      expect(net.batches()).to.have.length(1);
    });

  it('an error status on one entry is that section’s error, never the others’', async () => {
    // The sandbox answers the batch; the MedicationStatement entry is made a 403 and the
    // Encounter entry a 500, as a server would answer them.
    const net = network(async (input, init, sent) => {
      if (!sent.entries) return undefined;
      const answer: Json = await (await fetch(input, init)).json();
      sent.entries.forEach((url, i) => {
        const failure = url.startsWith('MedicationStatement')
          ? ['403 Forbidden', 'forbidden']
          : url.startsWith('Encounter')
            ? ['500 Internal Server Error', 'exception']
            : undefined;
        if (failure)
          answer.entry[i] = {
            response: {
              status: failure[0],
              outcome: { resourceType: 'OperationOutcome', issue: [{ code: failure[1] }] },
            },
          };
      });
      return json(answer);
    });
    const p = source(net.fetch).fetchSections(['allergies', 'medications', 'events', 'problems'], {
      nhsNumber: typical.nhsNumber,
    });
    expect(await kindOf(p.allergies)).to.equal('ready');
    expect(await kindOf(p.medications)).to.equal('forbidden');
    expect(await kindOf(p.events)).to.equal('server');
    expect(await kindOf(p.problems)).to.equal('ready');
    expect(net.sent, 'a final status is not asked again').to.have.length(3);
  });

  it('a 503 drawn by one entry is asked again alone, as a GET would be retried', async () => {
    await configureFaults('entry-503', {
      pathContains: '/AllergyIntolerance',
      queue: [{ status: 503 }],
    });
    const net = network();
    const p = source(net.fetch, { headers: { [PROFILE_HEADER]: 'entry-503' } }).fetchSections(
      ['allergies', 'medications'],
      { nhsNumber: typical.nhsNumber },
    );
    expect((await p.allergies).state).to.equal('recorded');
    await p.medications;
    expect(net.sent.map((r) => r.method)).to.deep.equal(['POST', 'POST', 'GET']);
    expect(net.sent[2]!.url).to.include('/AllergyIntolerance?');
  });

  it('keeps to the retry policy: the batch counts as an entry’s first attempt', async () => {
    await configureFaults('entry-503s', {
      pathContains: '/AllergyIntolerance',
      queue: Array(3).fill({ status: 503 }),
    });
    const net = network();
    const p = source(net.fetch, {
      headers: { [PROFILE_HEADER]: 'entry-503s' },
      retry: { backoffMs: 5, retries: 2 },
    }).fetchSections(['allergies', 'medications'], { nhsNumber: typical.nhsNumber });
    expect(await kindOf(p.allergies)).to.equal('server');
    expect(await kindOf(p.medications)).to.equal('ready');
    expect(net.sent.filter((r) => r.url.includes('/AllergyIntolerance?'))).to.have.length(2);
  });

  it('asks each search alone when the batch itself fails, and each section gets its own answer', async () => {
    // The whole answer is cut short because of the Observation entry; asked alone, only the
    // Observation search still fails.
    await configureFaults('batch-cut', {
      pathContains: '/Observation',
      queue: Array(3).fill({ truncate: true }),
    });
    const net = network();
    const p = source(net.fetch, {
      headers: { [PROFILE_HEADER]: 'batch-cut' },
      retry: { backoffMs: 5, retries: 2 },
    }).fetchSections(['investigations', 'events'], { nhsNumber: typical.nhsNumber });
    expect(await kindOf(p.investigations)).to.equal('network');
    expect(await kindOf(p.events)).to.equal('ready');
    // The batch, then each search alone: Observation twice more (three attempts in all).
    expect(net.batches()).to.have.length(1);
    expect(net.sent.filter((r) => r.url.includes('/Observation?'))).to.have.length(2);
    expect(net.sent.filter((r) => r.url.includes('/Encounter?'))).to.have.length(1);
  });

  it('a batch that times out is asked again search by search', async () => {
    const net = network((_input, init, sent) =>
      sent.entries
        ? new Promise<Response>((_resolve, reject) =>
            init!.signal!.addEventListener('abort', () =>
              reject(new DOMException('', 'AbortError')),
            ),
          )
        : undefined,
    );
    const p = source(net.fetch, { retry: { timeoutMs: 3000 } }).fetchSections(
      ['allergies', 'medications'],
      { nhsNumber: typical.nhsNumber },
    );
    expect(await kindOf(p.allergies)).to.equal('ready');
    expect(await kindOf(p.medications)).to.equal('ready');
    expect(net.sent.map((r) => r.method)).to.deep.equal(['POST', 'POST', 'GET', 'GET', 'GET']);
  });

  it('follows each search’s next pages, batched with the other searches’ pages', async () => {
    const net = network();
    const pageSize = 3;
    const r4 = source(net.fetch, { pageSize });
    const p = r4.fetchSections(['investigations', 'events', 'procedures'], {
      nhsNumber: typical.nhsNumber,
    });
    const [investigations, events] = await Promise.all([p.investigations, p.events, p.procedures]);
    const separate = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      pageSize,
      batch: false,
      normalise: { today: TODAY },
    }).fetchSections(['investigations', 'events'], { nhsNumber: typical.nhsNumber });
    expect(investigations).to.deep.equal(await separate.investigations);
    expect(events).to.deep.equal(await separate.events);
    const pages = net.batches().flatMap((b) => b.entries!);
    expect(pages.filter((u) => u.includes('_offset=')).length, 'next pages').to.be.greaterThan(0);
    // Pages of different searches went together, and no search was asked twice.
    expect(net.batches().some((b) => b.entries!.every((u) => u.includes('_offset=')))).to.equal(
      true,
    );
    expect(new Set(pages).size).to.equal(pages.length);
  });

  it('a grant ending while a batch is out discards its answer: nothing is published', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let batchSignal: AbortSignal | undefined;
    const net = network(async (input, init, sent) => {
      if (!sent.entries) return undefined;
      batchSignal = init!.signal!;
      await held;
      // The server answers anyway (a fetch that ignores the abort): the answer must go nowhere.
      return fetch(input, { ...init, signal: null });
    });
    const audit: AuditRecord[] = [];
    const session = createCareRecordSession({
      source: source(net.fetch),
      viewer: TEST_VIEWER,
      audit: { record: (r) => audit.push(r) },
      policy: { agreement: ['RX1'] },
    });
    await viewPatient(session, typical, { decision: 'granted' });
    const published: string[] = [];
    const wanted: SectionName[] = ['allergies', 'medications'];
    for (const section of wanted)
      session.subscribe(section, (snapshot) => published.push(snapshot.status));
    const reads = wanted.map((s) => kindOf(session.section(s)));
    while (!batchSignal) await new Promise((r) => setTimeout(r, 20));
    session.end();
    await sessionReaches(session, 'ended');
    expect(batchSignal.aborted, 'the batch is aborted').to.equal(true);
    release();
    expect(await Promise.all(reads)).to.deep.equal(['aborted', 'aborted']);
    await new Promise((r) => setTimeout(r, 200));
    expect(published).not.to.include('ready');
    expect(session.current('allergies')).to.equal(undefined);
    const fetched = audit.filter((r) => r.action === 'section-fetched').flatMap((r) => r.sections);
    expect(fetched.filter((s) => wanted.includes(s!))).to.have.length(0);
    session.close();
  });
});
