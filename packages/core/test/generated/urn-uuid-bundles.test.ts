// Generated R4 collection and transaction bundles whose every reference is a urn:uuid fullUrl,
// through staticSource and a real session: every section shows every entry. (The first R4 path
// dropped all of them as "another or no patient" and said "Allergies not recorded".)
import { TEST_VIEWER, sessionReaches } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { SectionName } from '../../src/model/sections.js';
import { notShownSummary } from '../../src/normalise/shared/not-shown.js';
import { createCareRecordSession } from '../../src/session/care-record-session.js';
import { staticSource } from '../../src/sources/static.js';
import { generatePatient } from './synthetic-r4-patient.js';

const SEEDS = [1, 2, 3, 42, 2026, 65537];

async function viewAll(bundle: unknown, host: ReturnType<typeof generatePatient>['host']) {
  const session = createCareRecordSession({
    source: staticSource(bundle, { normalise: { today: '2026-11-26' } }),
    viewer: TEST_VIEWER,
    audit: { record: () => undefined },
    policy: { agreement: [TEST_VIEWER.organisation] },
  });
  session.setPatient(host);
  await sessionReaches(session, 'awaiting-consent');
  await session.recordConsent({ decision: 'granted' });
  const read = <K extends SectionName>(name: K) => session.section(name);
  const sections = {
    demographics: await read('demographics'),
    allergies: await read('allergies'),
    medications: await read('medications'),
    problems: await read('problems'),
    diagnoses: await read('diagnoses'),
    investigations: await read('investigations'),
    bloodPressure: await read('bloodPressure'),
    procedures: await read('procedures'),
    events: await read('events'),
  };
  const state = await sessionReaches(session, 'ready', 'partial');
  session.end();
  return { sections, state };
}

describe('generated urn:uuid bundles through staticSource and a session', function () {
  this.timeout(30_000);
  for (const type of ['collection', 'transaction'] as const) {
    for (const seed of SEEDS) {
      it(`shows every entry of seed ${seed} as a ${type} bundle`, async () => {
        const { bundle, host, expected } = generatePatient(seed, type);
        const { sections, state } = await viewAll(bundle, host);
        expect(state).to.equal('ready');
        expect(sections.demographics.patient.nhsNumber).to.equal(host.nhsNumber);
        expect(sections.allergies.state).to.equal('recorded');
        expect(sections.allergies.entries).to.have.length(expected.allergies);
        expect(sections.medications.entries.map((m) => m.name).sort()).to.deep.equal(
          [...expected.medications].sort(),
        );
        expect(sections.problems.entries).to.have.length(expected.problems);
        expect(sections.diagnoses.entries).to.have.length(expected.diagnoses);
        expect(sections.investigations.entries).to.have.length(expected.investigations);
        expect(sections.bloodPressure.entries).to.have.length(expected.bloodPressure);
        expect(sections.procedures.entries).to.have.length(expected.procedures);
        expect(sections.events.entries).to.have.length(expected.events);
        for (const [name, value] of Object.entries(sections)) {
          if (name === 'demographics') continue;
          const summary = notShownSummary(value);
          expect(summary.count, `${name} not shown`).to.equal(0);
          expect(summary.patientCheck?.failed ?? 0, `${name} patient check`).to.equal(0);
        }
        // The urn:uuid Practitioner and Organization resolve into provenance.
        const allergy = sections.allergies.entries[0]!;
        expect(allergy.provenance.recorder).to.equal('CLINICIAN, Synthetic (Dr)');
        expect(allergy.provenance.organisation).to.match(/^Y\d{5}$/);
      });
    }
  }

  it('generates the same bundle from the same seed, and different ones from others', () => {
    expect(JSON.stringify(generatePatient(7, 'collection'))).to.equal(
      JSON.stringify(generatePatient(7, 'collection')),
    );
    expect(JSON.stringify(generatePatient(7, 'collection'))).not.to.equal(
      JSON.stringify(generatePatient(8, 'collection')),
    );
  });

  it('says allergies not-shown, not "not recorded", when the patient reference is missing', async () => {
    const { bundle, host } = generatePatient(3, 'collection');
    const broken = structuredClone(bundle) as { entry: { resource: Record<string, unknown> }[] };
    for (const e of broken.entry)
      if (e.resource.resourceType === 'AllergyIntolerance')
        e.resource.patient = { reference: 'urn:uuid:00000000-0000-4000-8000-00000000dead' };
    const { sections } = await viewAll(broken, host);
    expect(sections.allergies.state).to.equal('not-shown');
    expect(sections.allergies.diagnostics.patientCheck?.failed).to.be.greaterThan(0);
  });
});
