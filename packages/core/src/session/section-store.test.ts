import { SANDBOX_FHIR_R4, recordingFetch } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { SectionName } from '../model/sections.js';
import { fhirR4Source } from '../sources/fhir-r4.js';
import type { SectionSnapshot, SectionStore } from './section-store.js';
import { decideConsent } from '../consent/consent.js';
import { authorise, newStore, subscribe } from '../../test/session/store-harness.js';

/** Sets the patient and grants the view, as the session does after a "yes". */
function view(store: SectionStore, nhsNumber: string): void {
  store.setPatient({ nhsNumber });
  authorise(store, decideConsent({ decision: 'granted' }, nhsNumber, new Date(), 60)!);
}

const typical = SANDBOX_PATIENTS.typical;
const SECTIONS = [
  'demographics',
  'allergies',
  'medications',
  'problems',
  'events',
] as const satisfies readonly SectionName[];

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SectionStore', () => {
  it('fetches nothing without a live grant for the current patient', async () => {
    const network = recordingFetch();
    const store = newStore(fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch }));
    store.setPatient({ nhsNumber: typical.nhsNumber });
    subscribe(store, 'allergies', () => undefined);
    // A grant for someone else, and an expired one, open nothing either.
    authorise(
      store,
      decideConsent(
        { decision: 'granted' },
        SANDBOX_PATIENTS.noKnownAllergies.nhsNumber,
        new Date(),
        60,
      )!,
    );
    authorise(
      store,
      decideConsent(
        { decision: 'granted' },
        typical.nhsNumber,
        new Date(Date.now() - 120 * 60_000),
        60,
      )!,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(network.requests).to.deep.equal([]);
    authorise(store, decideConsent({ decision: 'granted' }, typical.nhsNumber, new Date(), 60)!);
    expect((await store.load('allergies')).state).to.equal('recorded');
    expect(network.requests.length).to.be.greaterThan(0);
  });

  it('makes one request per section however many subscribers ask', async () => {
    const network = recordingFetch();
    const store = newStore(fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, fetch: network.fetch }));
    view(store, typical.nhsNumber);
    const ready: Promise<unknown>[] = [];
    for (let subscriber = 0; subscriber < 20; subscriber++) {
      for (const section of SECTIONS) {
        ready.push(
          new Promise<void>((resolve) =>
            subscribe(store, section, (snapshot) => snapshot.status === 'ready' && resolve()),
          ),
        );
      }
    }
    await Promise.all(ready);
    const paths = network.requests.map((r) =>
      new URL(r.url, location.href).pathname.replace('/fhir/r4/', ''),
    );
    expect(paths.sort()).to.deep.equal(
      [
        'AllergyIntolerance',
        'Condition',
        'Encounter',
        'MedicationRequest',
        'MedicationStatement',
        'Patient/_search',
        'ServiceRequest',
      ].sort(),
    );
    // Later subscribers get the loaded value at once, with no new request.
    let late: SectionSnapshot<'allergies'> | undefined;
    subscribe(store, 'allergies', (snapshot) => (late = snapshot));
    expect(late?.status).to.equal('ready');
    await settle();
    expect(network.requests).to.have.length(7);
  });

  it('publishes each section as it arrives, the quick ones first', async () => {
    let releaseMedications!: () => void;
    const medicationsHeld = new Promise<void>((resolve) => (releaseMedications = resolve));
    const source = fhirR4Source({
      baseUrl: SANDBOX_FHIR_R4,
      fetch: async (input, init) => {
        if (input.includes('/MedicationRequest')) await medicationsHeld;
        return fetch(input, init);
      },
    });
    const store = newStore(source);
    view(store, typical.nhsNumber);
    const seen: string[] = [];
    subscribe(store, 'medications', (s) => seen.push(`medications:${s.status}`));
    const allergies = new Promise<void>((resolve) =>
      subscribe(store, 'allergies', (s) => {
        seen.push(`allergies:${s.status}`);
        if (s.status === 'ready') resolve();
      }),
    );
    await allergies;
    expect(seen).to.deep.equal(['medications:loading', 'allergies:loading', 'allergies:ready']);
    releaseMedications();
    expect((await store.load('medications')).entries.length).to.be.greaterThan(0);
    expect(seen.at(-1)).to.equal('medications:ready');
  });

  it('rejects what was awaited for the previous patient on a switch', async () => {
    const store = newStore(fhirR4Source({ baseUrl: SANDBOX_FHIR_R4 }));
    view(store, typical.nhsNumber);
    const previous = store.load('allergies');
    view(store, SANDBOX_PATIENTS.noKnownAllergies.nhsNumber);
    const error = await previous.then(
      () => undefined,
      (e: Error & { kind?: string }) => e,
    );
    expect(error?.kind).to.equal('aborted');
    expect((await store.load('allergies')).state).to.equal('no-known-allergies');
  });
});
