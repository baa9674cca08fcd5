// Private (confidential R/V) entries are shown only to the organisation the source proves
// recorded them: an unresolvable recorder counts as elsewhere, even for the registered practice
// the provenance falls back to; an encounter's serviceProvider is its recorder.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { ODS_ORGANISATION_SYSTEM, type Entry } from '../model/common.js';
import { normaliseOptions } from '../normalise/options.js';
import { R4_NORMALISERS, type R4Context } from '../normalise/r4/index.js';
import { createContext, provenanceOf } from '../normalise/stu3/context.js';
import { normaliseStructuredRecord } from '../normalise/stu3/structured-record.js';
import {
  NHS_NUMBER,
  SNOMED,
  bundleOf,
  subject as stu3Subject,
} from '../normalise/stu3/synthetic-bundles.examples.js';
import { resolvePolicy } from './policy.js';
import type { ViewerContext } from './viewer.js';
import { applyEntryPolicy, withholdingReason } from './withhold.js';

const policy = resolvePolicy();
const viewerAt = (organisation: string): ViewerContext => ({
  userId: 'u1',
  name: 'Dr A',
  roles: ['R8000'],
  organisation,
  setting: 'emergency',
});
const R4_RESTRICTED = {
  security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
};
const STU3_RESTRICTED = {
  security: [{ system: 'http://hl7.org/fhir/v3/Confidentiality', code: 'R' }],
};
const ods = (value: string) => ({ system: ODS_ORGANISATION_SYSTEM, value });
const ASTHMA = { system: SNOMED, code: '195967001', display: 'Asthma' };

function privateEntry(provenance: Entry['provenance']): Entry {
  return {
    id: 'p',
    codes: [ASTHMA],
    display: 'Asthma',
    status: 'active',
    provenance,
    security: R4_RESTRICTED.security,
  };
}

describe('private entries: the recorder must be proved', () => {
  it('withholds an entry whose recorder is unresolved, even from the practice it fell back to', async () => {
    const entry = privateEntry({ source: 'fhir-r4', organisation: 'A12345' });
    expect(await withholdingReason(entry, viewerAt('A12345'), policy)).to.equal('private');
  });

  it('shows an entry to the organisation proved to have recorded it, and no one else', async () => {
    const entry = privateEntry({
      source: 'fhir-r4',
      organisation: 'A12345',
      recorderOrganisation: 'A12345',
    });
    expect(await withholdingReason(entry, viewerAt('A12345'), policy)).to.equal(undefined);
    expect(await withholdingReason(entry, viewerAt('RX1'), policy)).to.equal('private');
  });

  it('does not treat an entry without a label as private, whoever recorded it', async () => {
    const entry = { ...privateEntry({ source: 'fhir-r4' }), security: [] };
    expect(await withholdingReason(entry, viewerAt('RX1'), policy)).to.equal(undefined);
  });
});

describe('private entries through the R4 normaliser', () => {
  const context: R4Context = {
    patientId: 'p1',
    organisation: 'A12345', // the registered practice: the provenance fallback
    recorderOrganisations: new Map([['PractitionerRole/at-practice', 'A12345']]),
    options: normaliseOptions({ today: '2026-11-20' }),
  };
  const condition = (id: string, recorder: unknown) => ({
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/p1' },
    meta: R4_RESTRICTED,
    category: [{ coding: [{ code: 'encounter-diagnosis' }] }],
    clinicalStatus: { coding: [{ code: 'resolved' }] },
    code: { coding: [ASTHMA] },
    onsetDateTime: '2020-01-02',
    recorder,
  });
  const encounter = (id: string, serviceProvider?: unknown) => ({
    resourceType: 'Encounter',
    id,
    status: 'finished',
    meta: R4_RESTRICTED,
    class: { code: 'AMB' },
    subject: { reference: 'Patient/p1' },
    type: [{ coding: [{ system: SNOMED, code: '185317003', display: 'Telephone encounter' }] }],
    period: { start: '2024-05-06' },
    ...(serviceProvider !== undefined && { serviceProvider }),
  });

  it('an unresolvable recorder is elsewhere; a resolved one at the viewer is shown', async () => {
    const diagnoses = R4_NORMALISERS.diagnoses(
      [
        condition('unresolved', { reference: 'Practitioner/unknown' }),
        condition('resolved', { reference: 'PractitionerRole/at-practice' }),
        condition('by-identifier', { identifier: ods('A12345') }),
      ],
      context,
    );
    expect(diagnoses.entries.map((e) => e.id).sort()).to.deep.equal([
      'by-identifier',
      'resolved',
      'unresolved',
    ]);
    const unresolved = diagnoses.entries.find((e) => e.id === 'unresolved')!;
    // The fallback still names the practice for display; it proves nothing.
    expect(unresolved.provenance.organisation).to.equal('A12345');
    expect(unresolved.provenance.recorderOrganisation).to.equal(undefined);
    const shown = await applyEntryPolicy('diagnoses', diagnoses, viewerAt('A12345'), policy);
    expect(shown.entries.map((e) => e.id).sort()).to.deep.equal(['by-identifier', 'resolved']);
    expect(shown.withheld).to.deep.equal({ private: 1, sensitive: 0 });
  });

  it("an encounter's serviceProvider is its recorder", async () => {
    const events = R4_NORMALISERS.events(
      [
        encounter('other-provider', { identifier: ods('Y99999'), display: 'Clinic' }),
        encounter('own-provider', { identifier: ods('A12345') }),
        encounter('no-provider'),
      ],
      context,
    );
    const byId = new Map(events.entries.map((e) => [e.id, e]));
    expect(byId.get('other-provider')?.provenance.recorderOrganisation).to.equal('Y99999');
    expect(byId.get('other-provider')?.provenance.organisation).to.equal('Y99999');
    const shown = await applyEntryPolicy('events', events, viewerAt('A12345'), policy);
    expect(shown.entries.map((e) => e.id)).to.deep.equal(['own-provider']);
    expect(shown.withheld).to.deep.equal({ private: 2, sensitive: 0 });
    const atProvider = await applyEntryPolicy('events', events, viewerAt('Y99999'), policy);
    expect(atProvider.entries.map((e) => e.id)).to.deep.equal(['other-provider']);
  });
});

describe('private entries through the STU3 (GP Connect) normaliser', () => {
  const options = normaliseOptions({ today: '2026-11-26' });
  const clinic = {
    resourceType: 'Organization',
    id: 'clinic',
    identifier: [ods('Y99999')],
  };
  const practitioner = { resourceType: 'Practitioner', id: 'gp', name: [{ family: 'Jones' }] };
  const encounter = (id: string, serviceProvider?: string) => ({
    resourceType: 'Encounter',
    id,
    meta: STU3_RESTRICTED,
    status: 'finished',
    subject: stu3Subject,
    type: [{ coding: [{ system: SNOMED, code: '185317003', display: 'Telephone encounter' }] }],
    period: { start: '2024-05-06' },
    participant: [{ individual: { reference: 'Practitioner/gp' } }],
    ...(serviceProvider && { serviceProvider: { reference: serviceProvider } }),
  });

  it('a bare Practitioner proves no organisation: the practice fallback is display only', () => {
    const ctx = createContext(bundleOf(practitioner), NHS_NUMBER, options);
    const provenance = provenanceOf(ctx, [{ reference: 'Practitioner/gp' }], undefined);
    expect(provenance.organisation).to.equal('A12345');
    expect(provenance.recorderOrganisation).to.equal(undefined);
  });

  it("an encounter's serviceProvider is its recorder; without one it is elsewhere", async () => {
    const { events } = normaliseStructuredRecord(
      bundleOf(
        clinic,
        practitioner,
        encounter('at-clinic', 'Organization/clinic'),
        encounter('at-practice', 'Organization/practice'),
        encounter('unproved'),
      ),
      ['events'],
      NHS_NUMBER,
      options,
    );
    const byId = new Map(events!.entries.map((e) => [e.id, e]));
    expect(byId.get('at-clinic')?.provenance.recorderOrganisation).to.equal('Y99999');
    expect(byId.get('at-clinic')?.provenance.recorder).to.equal('JONES');
    expect(byId.get('unproved')?.provenance.organisation).to.equal('A12345');
    expect(byId.get('unproved')?.provenance.recorderOrganisation).to.equal(undefined);
    // The viewer is the registered practice: only the encounter it provably recorded shows.
    const shown = await applyEntryPolicy('events', events!, viewerAt('A12345'), policy);
    expect(shown.entries.map((e) => e.id)).to.deep.equal(['at-practice']);
    expect(shown.withheld).to.deep.equal({ private: 2, sensitive: 0 });
  });
});
