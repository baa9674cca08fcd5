// Conformance of the GP Connect (STU3) medication rules over the real supplier-shaped GP2GP
// adaptor fragments (../shared/fixtures/gp2gp-adaptor-fragments/medication_request, read in
// place, never copied). Each file is wrapped in a minimal structured-record bundle: a synthetic
// Patient with the id its resources name (NHS number 9434765919, test range), plus the Medication
// resources the folder's own bundles define for the references the fragment makes (the adaptor's
// tests resolve them the same way). Every file goes through without throwing, and meets
// expectations written from reading it: issue dates, repeat information, high-risk, and what is
// counted when a fragment cannot be shown.
import '@dcr-elements/test-support';
import { fixtureIndex, loadFixture } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { MedicationsSection } from '../../src/model/clinical.js';
import { normaliseOptions } from '../../src/normalise/options.js';
import { NOTE_LAST_ISSUE_FROM_SOURCE } from '../../src/normalise/shared/medication-dates.js';
import { medicationViews } from '../../src/normalise/shared/medication-views.js';
import { normaliseStructuredRecord } from '../../src/normalise/stu3/structured-record.js';

const FOLDER = 'gp2gp-adaptor-fragments/medication_request';
const TODAY = '2018-03-01';
const SYNTHETIC_NHS_NUMBER = '9434765919';
const options = normaliseOptions({ today: TODAY });

type Json = Record<string, unknown>;
type Expectation = (m: MedicationsSection) => void;

/** One medication from a fragment that is a plan: its id, kind, high-risk class and repeat terms. */
const planOnly =
  (expected: {
    id: string;
    kind: 'acute' | 'repeat';
    status?: string;
    highRiskClass?: string;
    repeat?: Json;
    current?: boolean;
  }): Expectation =>
  (m) => {
    expect(m.entries).to.have.length(1);
    const [med] = m.entries;
    expect(med).to.deep.include({
      id: expected.id,
      kind: expected.kind,
      status: expected.status ?? 'active',
      highRisk: expected.highRiskClass !== undefined,
      issues: [],
    });
    expect(med?.highRiskClass).to.equal(expected.highRiskClass);
    if (expected.repeat) expect(med?.repeat).to.deep.equal(expected.repeat);
    else expect(med).not.to.have.property('repeat');
    if (expected.current !== undefined) expect(med?.current).to.equal(expected.current);
    // A plan without issues is never flagged as not issued since.
    expect(med).not.to.have.property('notIssuedSince');
    expect(m.diagnostics.unparseable).to.deep.equal({});
  };

/** The oxycodone (Medication/20, SNOMED 430127000) repeat authorisation, 12 issues allowed, none made, 28 days' supply. */
const oxycodoneRepeat = (id: string, extra: Json = {}) =>
  planOnly({
    id,
    kind: 'repeat',
    highRiskClass: 'opioid',
    repeat: { issuesAllowed: 12, issuesUsed: 0, expectedSupplyDays: 28, ...extra },
    current: true,
  });

/** An order (issue) whose authorisation is not in the fragment: counted, never shown alone. */
const orphanOrder: Expectation = (m) => {
  expect(m.entries).to.have.length(0);
  expect(m.diagnostics.unparseable).to.deep.equal({ 'issue without its authorisation': 1 });
};

/** The beclometasone/formoterol inhaler acute (completed) authorisation from 2022. */
const inhalerAcute = (id: string) =>
  planOnly({ id, kind: 'acute', status: 'completed', current: false });

const EXPECTATIONS: Record<string, Expectation> = {
  'fhir-bundle.json': (m) => {
    expect(m.entries.map((e) => [e.id, e.kind, e.highRiskClass, e.started])).to.deep.equal([
      ['D66D84C9-C073-4EDF-8C2C-F309A83C3DC7', 'repeat', 'opioid', '2017-11-10T00:00:00+00:00'],
      ['123', 'acute', 'opioid', '2017-11-10T00:00:00+00:00'],
      ['789', 'repeat', 'opioid', '2017-11-10T00:00:00+00:00'],
    ]);
    expect(m.entries[0]?.repeat).to.deep.equal({
      issuesAllowed: 12,
      issuesUsed: 0,
      expectedSupplyDays: 28,
    });
    // 789 is repeat dispensing; 123 is acute, so its repeat extension is not carried.
    expect(m.entries[2]?.repeat?.dispensing).to.equal(true);
    expect(m.entries[1]).not.to.have.property('repeat');
    // The HTML view groups: the acute started within 365 days of today is "recent".
    const views = medicationViews(m, TODAY);
    expect(views.recentAcute.map((e) => e.id)).to.deep.equal(['123']);
    expect(views.currentRepeat.map((e) => e.id)).to.have.members([
      'D66D84C9-C073-4EDF-8C2C-F309A83C3DC7',
      '789',
    ]);
  },
  'fhir-bundle-with-medication-statements.json': (m) => {
    expect(m.entries).to.have.length(5);
    const cocodamol = m.entries.find((e) => e.id === 'ms-e95ecc90-43af-11ed-8306-0a0bbb679524');
    // Co-codamol (SNOMED 412556009) contains codeine: an opioid. No prescription type: repeat.
    expect(cocodamol).to.deep.include({
      name: 'Co-codamol',
      highRisk: true,
      highRiskClass: 'opioid',
      kind: 'repeat',
      status: 'active',
      current: true,
      dosage: '0.1ml once per day',
    });
    expect(cocodamol).not.to.have.property('lastIssued');
    // The four inhaler acutes: the statements say last issued 2022-10-04, but the bundle holds
    // no order. The model shows the source's date, and notes it four times.
    const inhalers = m.entries.filter((e) => e !== cocodamol);
    for (const inhaler of inhalers) {
      expect(inhaler).to.deep.include({ kind: 'acute', status: 'completed', highRisk: false });
      expect(inhaler.lastIssued).to.deep.equal({
        id: `${inhaler.id}#last-issue-date`,
        date: '2022-10-04',
      });
      expect(inhaler.issues).to.have.length(0);
    }
    expect(m.diagnostics.notes).to.deep.equal({ [NOTE_LAST_ISSUE_FROM_SOURCE]: 4 });
  },
  'medication-request-empty-prescribing-agency-coding-array.json': inhalerAcute(
    'mr-4f8728a6-e2d1-49e6-8f29-a6bdb8781b65',
  ),
  'medication-request-missing-prescribing-agency-codeable-concept.json': inhalerAcute(
    'mr-97efbccf-fb40-4f6d-b40a-bbdcc18ba9f0',
  ),
  'medication-request-prescribed-by-another-organisation.json': planOnly({
    id: 'mr-e95ecc90-43af-11ed-8306-0a0bbb679524',
    kind: 'repeat',
    highRiskClass: 'opioid',
    current: true,
  }),
  'medication-request-prescribed-by-gp-practice.json': inhalerAcute(
    'mr-0614dac8-43b0-11ed-bf45-0a0bbb679524',
  ),
  'medication-request-prescribed-by-previous-practice.json': inhalerAcute(
    'mr-4c816c87-09b5-4bec-bae4-e81855758da7',
  ),
  'medication-request-with-active-status.json': orphanOrder,
  'medication-request-with-complete-status.json': orphanOrder,
  'medication-request-with-extension-status-reason-with-text.json': (m) => {
    expect(m.entries).to.have.length(1);
    const [med] = m.entries;
    expect(med).to.deep.include({ kind: 'acute', status: 'stopped', current: false });
    expect(med?.stopped?.slice(0, 10)).to.equal('2010-01-18');
    // The reason is free text only (no coding): never carried.
    expect(med).not.to.have.property('stoppedReason');
  },
  'medication-request-with-invalid-based-on-medication-reference-type.json': (m) => {
    // medicationReference names a Device: no medicine to show, counted.
    expect(m.entries).to.have.length(0);
    expect(m.diagnostics.unparseable).to.deep.equal({
      'MedicationRequest without a coded medicine': 1,
    });
  },
  'medication-request-with-invalid-based-on-medication-reference.json': (m) => {
    // Medication/21 is nowhere: counted.
    expect(m.entries).to.have.length(0);
    expect(m.diagnostics.unparseable).to.deep.equal({
      'MedicationRequest without a coded medicine': 1,
    });
  },
  'medication-request-with-invalid-intent.json': (m) => {
    expect(m.entries).to.have.length(0);
    expect(m.diagnostics.unparseable).to.deep.equal({
      'MedicationRequest with unknown intent': 1,
    });
  },
  'medication-request-with-invalid-prescription-type.json': oxycodoneRepeat(
    '3377543D-5B1B-4C4F-BFF6-9F7BC3A1C3B8',
    { issuesUsed: 11 },
  ),
  'medication-request-with-invalid-recorder-resource-type.json': orphanOrder,
  'medication-request-with-no-dispense-request.json': orphanOrder,
  'medication-request-with-no-dosage-instruction.json': orphanOrder,
  'medication-request-with-no-recorder-reference.json': orphanOrder,
  'medication-request-with-no-requester.json': orphanOrder,
  'medication-request-with-no-status.json': orphanOrder,
  'medication-request-with-no-validity-period.json': orphanOrder,
  'medication-request-with-order-based-on.json': orphanOrder,
  'medication-request-with-order-no-based-on.json': orphanOrder,
  'medication-request-with-order-no-optional-fields.json': orphanOrder,
  'medication-request-with-order-optional-fields.json': orphanOrder,
  'medication-request-with-plan-acute-prescription.json': planOnly({
    id: '123',
    kind: 'acute',
    highRiskClass: 'opioid',
    // Acute, started 2017-11-10 and never issued: not current 111 days on.
    current: false,
  }),
  'medication-request-with-plan-dispense-quantity-text.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-no-dispense-quantity-text.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-no-dispense-quantity-value.json': oxycodoneRepeat('20'),
  // The prescription type is "No information available" (text only): treated as repeat.
  'medication-request-with-plan-no-info-prescription-text.json': oxycodoneRepeat('789'),
  'medication-request-with-plan-no-optional-fields.json': planOnly({
    id: '3377543D-5B1B-4C4F-BFF6-9F7BC3A1C3B8',
    kind: 'repeat',
    highRiskClass: 'opioid',
  }),
  'medication-request-with-plan-no-status-reason-code.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-optional-fields.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-quantity-quantity-text.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-repeat-prescription-no-value.json': planOnly({
    id: '20',
    kind: 'repeat',
    highRiskClass: 'opioid',
    // Only the issued count (0) is sent; repeat dispensing.
    repeat: { issuesUsed: 0, expectedSupplyDays: 28, dispensing: true },
  }),
  'medication-request-with-plan-repeat-prescription.json': oxycodoneRepeat('789', {
    dispensing: true,
  }),
  'medication-request-with-plan-start-period-only.json': oxycodoneRepeat('20'),
  'medication-request-with-plan-status-reason-stopped-no-date.json': planOnly({
    id: '3377543D-5B1B-4C4F-BFF6-9F7BC3A1C3B8',
    kind: 'repeat',
    highRiskClass: 'opioid',
    current: true,
  }),
  'medication-request-with-requester-agent-as-org.json': orphanOrder,
  'medication-request-with-requester-on-behalf-of.json': orphanOrder,
  'medication-request-with-requester-org-and-on-behalf-of.json': orphanOrder,
  'medication-request-with-requester.json': orphanOrder,
};

function resourcesOf(json: unknown): Json[] {
  const root = json as Json;
  if (root.resourceType !== 'Bundle') return [root];
  return ((root.entry as { resource?: Json }[] | undefined) ?? [])
    .map((e) => e.resource)
    .filter((r): r is Json => r !== undefined);
}

/** The target id of a `Type/id` reference. */
function targetId(reference: unknown, type: string): string | undefined {
  const ref = (reference as { reference?: unknown } | undefined)?.reference;
  if (typeof ref !== 'string' || !ref.startsWith(`${type}/`)) return undefined;
  return ref.slice(type.length + 1);
}

/** The NHS number a fragment's own Patient carries. */
function nhsNumberOf(patient: Json): string {
  const identifiers = (patient.identifier as { system?: string; value?: string }[]) ?? [];
  return identifiers.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')?.value ?? '';
}

/**
 * The minimal structured-record bundle around a fragment: the fragment's resources, a synthetic
 * Patient for the patient they name (unless the fragment has its own), and the folder's
 * Medications the fragment references but does not hold.
 */
function wrap(json: unknown, medications: Map<string, Json>): { bundle: Json; nhsNumber: string } {
  const resources = resourcesOf(json);
  const own = resources.find((r) => r.resourceType === 'Patient');
  const extra: Json[] = [];
  if (!own) {
    const named = resources
      .map((r) => targetId(r.subject, 'Patient'))
      .find((id) => id !== undefined);
    extra.push({
      resourceType: 'Patient',
      id: named ?? 'synthetic-patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: SYNTHETIC_NHS_NUMBER }],
      name: [{ family: 'Synthetic', given: ['Test'] }],
    });
  }
  const held = new Set(
    resources.filter((r) => r.resourceType === 'Medication').map((r) => String(r.id)),
  );
  for (const r of resources) {
    const id = targetId(r.medicationReference, 'Medication');
    const medication = id ? medications.get(id) : undefined;
    if (id && medication && !held.has(id)) {
      extra.push(medication);
      held.add(id);
    }
  }
  return {
    bundle: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [...extra, ...resources].map((resource) => ({ resource })),
    },
    nhsNumber: own ? nhsNumberOf(own) : SYNTHETIC_NHS_NUMBER,
  };
}

describe('GP2GP adaptor medication fragments conformance (STU3)', function () {
  let files: string[] = [];

  before(async function () {
    const index = await fixtureIndex();
    if (!index?.[FOLDER]) this.skip();
    files = index[FOLDER]!;
  });

  it('has an expectation for every medication fragment', function () {
    expect(files.length).to.equal(42);
    expect([...files].sort()).to.deep.equal(Object.keys(EXPECTATIONS).sort());
  });

  it('reads every fragment without throwing, and each meets its expectations', async function () {
    const medications = new Map<string, Json>();
    for (const file of ['fhir-bundle.json', 'fhir-bundle-with-medication-statements.json']) {
      for (const r of resourcesOf(await loadFixture(FOLDER, file)))
        if (r.resourceType === 'Medication') medications.set(String(r.id), r);
    }
    expect([...medications.keys()].sort()).to.deep.equal(['20', '26148711000001101', '412556009']);
    for (const file of files) {
      const json = await loadFixture(FOLDER, file);
      const { bundle, nhsNumber } = wrap(json, medications);
      let section: MedicationsSection | undefined;
      expect(() => {
        section = normaliseStructuredRecord(
          bundle,
          ['medications'],
          nhsNumber,
          options,
        ).medications;
      }, file).not.to.throw();
      try {
        expect(section, 'medications section').not.to.equal(undefined);
        EXPECTATIONS[file]!(section!);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
  });
});

/** Medication resources inside other areas' bundles (read from the files, as above). */
const OTHER_BUNDLES: { folder: string; file: string; expect: Expectation }[] = [
  {
    // Two EMIS-shaped orders (authoredOn 2010-08-12, prescribed 2010-12-07) whose authorisation
    // is not in the bundle: counted, never shown without their medicine's authorisation.
    folder: 'gp2gp-adaptor-fragments/condition',
    file: 'fhir-bundle.json',
    expect: (m) => {
      expect(m.entries).to.have.length(0);
      expect(m.diagnostics.unparseable).to.deep.equal({ 'issue without its authorisation': 2 });
    },
  },
  {
    // Two MedicationRequests without an intent (referral supporting information): counted.
    folder: 'gp2gp-adaptor-fragments/referral',
    file: 'fhir-bundle.json',
    expect: (m) => {
      expect(m.entries).to.have.length(0);
      expect(m.diagnostics.unparseable).to.deep.equal({
        'MedicationRequest with unknown intent': 2,
      });
    },
  },
];

describe('GP2GP adaptor bundles of other areas holding medication resources (STU3)', function () {
  before(async function () {
    const index = await fixtureIndex();
    if (!OTHER_BUNDLES.every(({ folder, file }) => index?.[folder]?.includes(file))) this.skip();
  });

  for (const { folder, file, expect: expectation } of OTHER_BUNDLES) {
    it(`${folder}/${file}`, async function () {
      const { bundle, nhsNumber } = wrap(await loadFixture(folder, file), new Map());
      const section = normaliseStructuredRecord(
        bundle,
        ['medications'],
        nhsNumber,
        options,
      ).medications!;
      expectation(section);
    });
  }
});
