// The R4 source and the section store against the sandbox over real HTTP, with the sandbox's
// fault injection for latency, throttling, server errors and timeouts.
import {
  clearFaults,
  configureFaults,
  recordingFetch,
  SANDBOX_FHIR_R4,
} from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { RecordError } from '../../src/http/errors.js';
import type { SectionStore } from '../../src/session/section-store.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { decideConsent } from '../../src/consent/consent.js';
import { authorise, newStore, subscribe } from '../session/store-harness.js';

/** Sets the patient and grants the view, as the session does after a "yes". */
function view(store: SectionStore, nhsNumber: string): void {
  store.setPatient({ nhsNumber });
  authorise(store, decideConsent({ decision: 'granted' }, nhsNumber, new Date(), 60)!);
}

const PROFILE_HEADER = 'x-dcr-sandbox-profile';

describe('R4 source over HTTP', () => {
  afterEach(clearFaults);

  it('loads a 2,500-result section across pages, one request per page', async function () {
    this.timeout(30_000);
    const network = recordingFetch();
    const source = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch, pageSize: 100 });
    const investigations = await source.fetchSections(['investigations'], {
      nhsNumber: SANDBOX_PATIENTS.largeRecord.nhsNumber,
    }).investigations;
    expect(investigations.entries).to.have.length(2500);
    expect(new Set(investigations.entries.map((e) => e.id)).size).to.equal(2500);
    const pages = network.requests.filter((r) => r.url.includes('/Observation'));
    expect(pages).to.have.length(25);
    expect(network.requests).to.have.length(26); // and the one patient lookup
  });

  it('retries a 429 after its Retry-After and a 503 with backoff, then reads the section', async function () {
    this.timeout(10_000);
    await configureFaults('r4-throttled', {
      pathContains: '/AllergyIntolerance',
      queue: [{ status: 429, retryAfterSeconds: 1 }, { status: 503 }],
    });
    const network = recordingFetch();
    const source = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      fetch: network.fetch,
      headers: { [PROFILE_HEADER]: 'r4-throttled' },
      retry: { backoffMs: 50 },
    });
    const started = performance.now();
    const allergies = await source.fetchSections(['allergies'], {
      nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber,
    }).allergies;
    expect(allergies.state).to.equal('recorded');
    expect(network.requests.filter((r) => r.url.includes('/AllergyIntolerance'))).to.have.length(3);
    expect(performance.now() - started).to.be.at.least(1000);
  });

  it('gives up on a server that does not answer in time, with a timeout error', async function () {
    this.timeout(10_000);
    await configureFaults('hanging', {
      pathContains: '/AllergyIntolerance',
      queue: [{ timeoutMs: 3000 }],
    });
    const source = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      headers: { [PROFILE_HEADER]: 'hanging' },
      retry: { timeoutMs: 300 },
    });
    const error = await source
      .fetchSections(['allergies'], { nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber })
      .allergies.then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(RecordError);
    expect((error as RecordError).kind).to.equal('timeout');
  });

  it('maps the GP-side dissent refusal to source-dissent, for dissent and for "not set"', async () => {
    for (const patient of [SANDBOX_PATIENTS.optedOut, SANDBOX_PATIENTS.consentNotSet]) {
      const source = fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 });
      const error = (await source
        .fetchSections(['allergies'], { nhsNumber: patient.nhsNumber })
        .allergies.then(
          () => undefined,
          (e: unknown) => e,
        )) as RecordError;
      expect(error.kind, patient.id).to.equal('forbidden');
      expect(error.refusal, patient.id).to.equal('source-dissent');
      expect(error.issueCode, patient.id).to.equal('NO_PATIENT_CONSENT');
    }
  });

  it('never publishes a value for a patient other than the current one: 200 switches, random server latency', async function () {
    this.timeout(180_000);
    const patients = [SANDBOX_PATIENTS.typical, SANDBOX_PATIENTS.noKnownAllergies];
    const seed = Date.now() % 2 ** 31;
    console.info(`fast-check seed ${seed}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            patient: fc.integer({ min: 0, max: 1 }),
            waitMs: fc.integer({ min: 0, max: 40 }),
          }),
          {
            minLength: 20,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 1, max: 2 ** 30 }),
        async (switches, latencySeed) => {
          await configureFaults('race', { seed: latencySeed, latencyMs: { min: 0, max: 60 } });
          const store = newStore(
            fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, headers: { [PROFILE_HEADER]: 'race' } }),
          );
          const violations: string[] = [];
          for (const section of ['demographics', 'allergies'] as const) {
            subscribe(store, section, (snapshot) => {
              const current = store.currentPatient?.nhsNumber;
              if (snapshot.patient.nhsNumber !== current)
                violations.push(`${section} published for a previous patient`);
              if (snapshot.status === 'ready' && snapshot.section === 'demographics') {
                const value = snapshot.value as { patient: { nhsNumber: string } };
                if (value.patient.nhsNumber !== current)
                  violations.push('demographics of another patient');
              }
            });
          }
          for (const step of switches) {
            view(store, patients[step.patient]!.nhsNumber);
            await new Promise((resolve) => setTimeout(resolve, step.waitMs));
          }
          const last = patients[switches.at(-1)!.patient]!;
          const demographics = await store.load('demographics');
          expect(violations).to.deep.equal([]);
          expect(demographics.patient.nhsNumber).to.equal(last.nhsNumber);
        },
      ),
      { numRuns: 10, seed },
    );
  });
});
