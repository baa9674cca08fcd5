import { SANDBOX_FHIR_R4, recordingFetch } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { SECTION_NAMES } from '../model/sections.js';
import { fhirR4Source } from './fhir-r4.js';

const TODAY = '2026-11-20';

function sandboxSource() {
  const network = recordingFetch();
  const source = fhirR4Source({
    baseUrl: SANDBOX_FHIR_R4,
    fetch: network.fetch,
    normalise: { today: TODAY },
  });
  return { source, network };
}

describe('fhirR4Source against the sandbox', () => {
  it('reads every section of the typical patient, one request per distinct search', async () => {
    const { source, network } = sandboxSource();
    const p = source.fetchSections(SECTION_NAMES, {
      nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber,
    });
    const [
      demographics,
      allergies,
      medications,
      problems,
      diagnoses,
      investigations,
      bloodPressure,
    ] = await Promise.all([
      p.demographics,
      p.allergies,
      p.medications,
      p.problems,
      p.diagnoses,
      p.investigations,
      p.bloodPressure,
    ]);
    await Promise.allSettled(Object.values(p));
    expect(demographics.patient.id).to.equal(SANDBOX_PATIENTS.typical.id);

    expect(allergies.state).to.equal('recorded');
    expect(allergies.entries.map((a) => a.display)).to.include('Penicillin');

    const warfarin = medications.entries.find((m) => m.name === 'Warfarin 3mg tablets')!;
    expect(warfarin.highRisk).to.equal(true);
    expect(warfarin.highRiskClass).to.equal('anticoagulant');
    expect(warfarin.kind).to.equal('repeat');
    expect(warfarin.current).to.equal(true);
    expect(warfarin.issues).to.have.length(13);
    expect(warfarin.lastIssued).to.deep.equal(warfarin.issues.at(-1));
    const dates = warfarin.issues.map((i) => i.date);
    expect(dates).to.deep.equal([...dates].sort());
    const apixaban = medications.entries.find((m) => m.name === 'Apixaban 5mg tablets')!;
    expect(apixaban.status).to.equal('stopped');
    expect(apixaban.current).to.equal(false);

    expect(problems.entries.length).to.be.greaterThan(3);
    expect(problems.entries.every((e) => e.id.startsWith('typical-'))).to.equal(true);
    expect(diagnoses.entries.map((d) => d.display)).to.include('Urinary tract infection');

    const inr = investigations.series.find((s) => s.codes.some((c) => c.code === '165581004'))!;
    expect(inr.resultIds.length).to.be.at.least(20);
    expect(bloodPressure.entries.length).to.be.at.least(12);
    expect(bloodPressure.entries[0]!.unit).to.equal('mmHg');

    const searches = network.requests.map((r) => r.url.replace(/\?.*/, ''));
    expect(searches.filter((u) => u.endsWith('/Patient/_search'))).to.have.length(1);
    expect(searches.filter((u) => u.endsWith('/Condition'))).to.have.length(1);
    expect(searches.filter((u) => u.endsWith('/Observation'))).to.have.length(1);
  });

  it('gives no-known-allergies only for a coded no-known-allergy statement', async () => {
    const { source } = sandboxSource();
    const { allergies } = source.fetchSections(['allergies'], {
      nhsNumber: SANDBOX_PATIENTS.noKnownAllergies.nhsNumber,
    });
    const section = await allergies;
    expect(section.state).to.equal('no-known-allergies');
    expect(section.entries).to.have.length(0);
    expect(section.statements[0]!.scope).to.equal('all');
  });
});
