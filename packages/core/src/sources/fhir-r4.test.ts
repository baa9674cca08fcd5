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

describe('fhirR4Source: references across search pages', () => {
  // dm+d code and name as UKCore-MedicationStatement-Amoxicillin-Example gives them.
  const amoxicillin = {
    coding: [
      {
        system: 'https://dmd.nhs.uk',
        code: '39732311000001104',
        display: 'Amoxicillin 250mg capsules',
      },
    ],
  };
  const NHS = '9434765919';
  const page = (entry: unknown[], next?: string) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry,
    ...(next && { link: [{ relation: 'next', url: next }] }),
  });
  const patient = {
    resourceType: 'Patient',
    id: 'p1',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS }],
  };

  it('resolves urn:uuid, _include and contained medicines, and reads included Practitioners only as references', async () => {
    const request = (id: string, medicationReference: unknown, extra = {}) => ({
      resourceType: 'MedicationRequest',
      id,
      status: 'active',
      intent: 'plan',
      subject: { reference: 'urn:uuid:5e1f0000-0000-4000-8000-000000000001' },
      medicationReference,
      recorder: { reference: 'urn:uuid:5e1f0000-0000-4000-8000-000000000003' },
      ...extra,
    });
    const answers: Record<string, unknown> = {
      'Patient/_search': page([{ resource: patient }]),
      MedicationRequest: page(
        [
          {
            fullUrl: 'urn:uuid:5e1f0000-0000-4000-8000-000000000010',
            resource: request('by-uuid', {
              reference: 'urn:uuid:5e1f0000-0000-4000-8000-000000000002',
            }),
            search: { mode: 'match' },
          },
          {
            fullUrl: 'https://x/fhir/MedicationRequest/contained',
            resource: request(
              'contained',
              { reference: '#m' },
              { contained: [{ resourceType: 'Medication', id: 'm', code: amoxicillin }] },
            ),
            search: { mode: 'match' },
          },
        ],
        '/fhir/MedicationRequest?page=2',
      ),
      'MedicationRequest?page=2': page([
        {
          fullUrl: 'urn:uuid:5e1f0000-0000-4000-8000-000000000001',
          resource: patient,
          search: { mode: 'include' },
        },
        {
          fullUrl: 'urn:uuid:5e1f0000-0000-4000-8000-000000000002',
          resource: { resourceType: 'Medication', id: 'med-1', code: amoxicillin },
          search: { mode: 'include' },
        },
        {
          fullUrl: 'urn:uuid:5e1f0000-0000-4000-8000-000000000003',
          resource: {
            resourceType: 'Practitioner',
            id: 'doc',
            name: [{ family: 'Jones', given: ['Claire'], prefix: ['Dr'] }],
          },
          search: { mode: 'include' },
        },
      ]),
      MedicationStatement: page([]),
    };
    const source = fhirR4Source({
      baseUrl: '/fhir',
      normalise: { today: TODAY },
      fetch: async (url) => {
        const key = Object.keys(answers)
          .sort((a, b) => b.length - a.length)
          .find((k) => url.includes(`/fhir/${k}`));
        return new Response(JSON.stringify(key ? answers[key] : page([])), { status: 200 });
      },
    });
    const meds = await source.fetchSections(['medications'], { nhsNumber: NHS }).medications;
    expect(meds.entries.map((m) => [m.id, m.name, m.provenance.recorder])).to.deep.equal([
      ['by-uuid', 'Amoxicillin 250mg capsules', 'JONES, Claire (Dr)'],
      ['contained', 'Amoxicillin 250mg capsules', 'JONES, Claire (Dr)'],
    ]);
    // The included Patient and Practitioner serve references; they are not entries gone missing.
    expect(meds.diagnostics).to.deep.include({ dropped: {}, unparseable: {} });
    expect(meds.diagnostics.patientCheck).to.deep.equal({ checked: 2, failed: 0 });
  });
});
