// The sandbox's GP2GP-transferred patient through both sources over real HTTP: degraded and
// uncoded allergies and medicines by their terms, results sent as text, separate blood pressure halves,
// uncategorised observations, immunisations, and (GP Connect) the referrals List's
// confidential-items warning.
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { SectionName, SectionValues } from '../../src/model/sections.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';

const SECTIONS = [
  'allergies',
  'investigations',
  'bloodPressure',
  'immunisations',
  'events',
  'medications',
] as const satisfies readonly SectionName[];

async function read(source: RecordSource) {
  const promises = source.fetchSections(SECTIONS, {
    nhsNumber: SANDBOX_PATIENTS.transferred.nhsNumber,
  });
  const values: Partial<SectionValues> = {};
  for (const section of SECTIONS)
    (values as Record<string, unknown>)[section] = await promises[section];
  return values as Pick<SectionValues, (typeof SECTIONS)[number]>;
}

const SOURCES: [string, () => RecordSource][] = [
  ['FHIR R4', () => fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, normalise: { today: '2026-11-20' } })],
  [
    'GP Connect',
    () => gpConnectSource({ baseUrl: '/fhir/gpconnect', normalise: { today: '2026-11-20' } }),
  ],
];

for (const [name, source] of SOURCES) {
  describe(`the GP2GP-transferred sandbox patient through ${name}`, () => {
    it('shows what a transferred record holds, by its terms', async function () {
      this.timeout(20_000);
      const s = await read(source());
      const allergies = Object.fromEntries(s.allergies.entries.map((a) => [a.id, a]));
      expect(allergies['transferred-allergy-degraded']).to.include({
        display: 'Co-amoxiclav',
        degraded: true,
      });
      expect(allergies['transferred-allergy-resolved']).to.include({
        display: 'Allergy to penicillin',
        originalCode: '91936005',
        status: 'resolved',
      });
      expect(allergies['transferred-allergy-uncoded']).to.include({
        display: 'Elastoplast',
        uncoded: true,
      });
      const medicines = Object.fromEntries(s.medications.entries.map((m) => [m.id, m]));
      expect(medicines['transferred-medication-degraded']).to.include({
        name: 'Bendroflumethiazide 2.5mg tablets',
        degraded: true,
        current: true,
      });
      expect(medicines['transferred-medication-uncoded']).to.include({
        name: 'Flucloxacillin 500mg capsules',
        uncoded: true,
        kind: 'acute',
      });
      const results = Object.fromEntries(s.investigations.entries.map((r) => [r.id, r]));
      expect(results['transferred-inr-text']).to.include({ value: 2.4, textValue: 'Ap 2.400' });
      expect(results['transferred-egfr-bound']).to.include({ value: 90, comparator: '>' });
      expect(results['transferred-weight']).to.include({ value: 82.4, kind: 'observation' });
      expect(results['transferred-creatinine']).to.include({ value: 96, kind: 'observation' });
      expect(
        s.bloodPressure.entries
          .filter((r) => r.id.startsWith('transferred-'))
          .map((r) => [r.systolic, r.diastolic, r.unpaired]),
      ).to.deep.equal([
        [156, undefined, true],
        [148, 92, undefined],
      ]);
      expect(s.immunisations.entries.map((i) => [i.display, i.date, i.doseSequence])).to.deep.equal(
        [
          ['Measles-mumps-rubella vaccination', '1971-09-06', 2],
          ['Measles-mumps-rubella vaccination', '1968-05-20', 1],
        ],
      );
    });
  });
}

describe('the GP2GP-transferred sandbox patient through GP Connect', () => {
  it('withholds the confidential referral and says so in the events section', async function () {
    this.timeout(20_000);
    const s = await read(SOURCES[1]![1]());
    expect(s.events.entries.map((e) => e.id)).not.to.include('transferred-referral-confidential');
    expect(s.events.warnings.map((w) => w.code)).to.include('confidential-items');
  });
});
