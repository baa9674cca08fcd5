// R4 shapes that real servers send and the first R4 path lost: contained and included
// medicines, class-only encounters, uncategorised conditions, undated active requests,
// deceased patients, and references in every form (synthetic resources, written here).
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { normaliseOptions } from '../options.js';
import { notShownSummary, notShownText } from '../shared/not-shown.js';
import { referenceIndex } from '../shared/references.js';
import { R4_NORMALISERS, demographicsFromR4, type R4Context } from './index.js';

const SCT = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const context: R4Context = {
  patientId: 'p1',
  nhsNumber: '9434765919',
  options: normaliseOptions({ today: '2026-11-26' }),
};
const subject = { reference: 'Patient/p1' };
// Codes from the published examples in ../shared/fixtures (amoxicillin: UKCore-MedicationStatement-
// Amoxicillin-Example; upper respiratory infection: GP Connect consultations_response1; allergy to
// penicillin: gp2gp-adaptor-fragments observation/example-observation-resource-26).
const amoxicillin = {
  coding: [{ system: DMD, code: '39732311000001104', display: 'Amoxicillin 250mg capsules' }],
};

describe('R4 shapes', () => {
  it('reads a MedicationRequest whose medicine is a contained Medication', () => {
    const request = {
      resourceType: 'MedicationRequest',
      id: 'mr1',
      status: 'active',
      intent: 'order',
      subject,
      authoredOn: '2026-11-20',
      contained: [{ resourceType: 'Medication', id: 'med', code: amoxicillin }],
      medicationReference: { reference: '#med' },
      courseOfTherapyType: { coding: [{ code: 'acute' }] },
    };
    const meds = R4_NORMALISERS.medications([request], context);
    expect(meds.entries).to.have.length(1);
    expect(meds.entries[0]).to.include({ name: 'Amoxicillin 250mg capsules', current: true });
    // Contained in another resource is not contained here.
    const elsewhere = { ...request, id: 'mr2', contained: [] };
    expect(R4_NORMALISERS.medications([elsewhere], context).entries).to.have.length(0);
  });

  it('reads a MedicationStatement with only a medicationReference, to an included Medication', () => {
    const statement = {
      resourceType: 'MedicationStatement',
      id: 'ms1',
      status: 'active',
      subject,
      medicationReference: { reference: 'Medication/amox' },
      effectivePeriod: { start: '2024-02-01' },
    };
    const included = { resourceType: 'Medication', id: 'amox', code: amoxicillin };
    const meds = R4_NORMALISERS.medications([statement, included], context);
    expect(meds.entries.map((m) => m.name)).to.deep.equal(['Amoxicillin 250mg capsules']);
    // Undated by issue and with no course of therapy: current because the source says active.
    expect(meds.entries[0]).to.include({ status: 'active', current: true });
  });

  it('resolves a urn:uuid medicationReference through the context’s references', () => {
    const medication = { resourceType: 'Medication', id: 'x', code: amoxicillin };
    const request = {
      resourceType: 'MedicationRequest',
      id: 'mr3',
      status: 'active',
      intent: 'plan',
      subject: { reference: 'urn:uuid:7e57a000-0000-4000-8000-000000000001' },
      medicationReference: { reference: 'urn:uuid:7e57a000-0000-4000-8000-000000000002' },
    };
    const references = referenceIndex([
      {
        fullUrl: 'urn:uuid:7e57a000-0000-4000-8000-000000000001',
        resource: { resourceType: 'Patient', id: 'p1' },
      },
      { fullUrl: 'urn:uuid:7e57a000-0000-4000-8000-000000000002', resource: medication },
      { fullUrl: 'urn:uuid:7e57a000-0000-4000-8000-000000000003', resource: request },
    ]);
    const meds = R4_NORMALISERS.medications([request], { ...context, references });
    expect(meds.entries.map((m) => m.name)).to.deep.equal(['Amoxicillin 250mg capsules']);
    // Without the index the same request cannot be tied to the patient: dropped and counted.
    const lost = R4_NORMALISERS.medications([request], context);
    expect(lost.entries).to.have.length(0);
    expect(lost.diagnostics.patientCheck).to.deep.equal({ checked: 1, failed: 1 });
  });

  it('keeps the acute window for GP-style acute issues: an old acute is past, an old undated active is current', () => {
    const base = {
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      subject,
      authoredOn: '2025-01-10',
      medicationCodeableConcept: amoxicillin,
    };
    const meds = R4_NORMALISERS.medications(
      [
        { ...base, id: 'acute', courseOfTherapyType: { coding: [{ code: 'acute' }] } },
        { ...base, id: 'as-sent' },
      ],
      context,
    );
    const current = Object.fromEntries(meds.entries.map((m) => [m.id, m.current]));
    expect(current).to.deep.equal({ acute: false, 'as-sent': true });
  });

  it('shows an Encounter that has only a class, named by its class', () => {
    const events = R4_NORMALISERS.events(
      [
        {
          resourceType: 'Encounter',
          id: 'e1',
          status: 'finished',
          subject,
          class: {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
            code: 'EMER',
            display: 'emergency',
          },
          period: { start: '2026-03-01' },
        },
        {
          resourceType: 'Encounter',
          id: 'e2',
          status: 'finished',
          subject,
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        },
        {
          // An empty code is still a coding with a display: named by it, as before.
          resourceType: 'Encounter',
          id: 'e3',
          status: 'finished',
          subject,
          class: {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
            code: '',
            display: 'Ambulatory',
          },
        },
      ],
      context,
    );
    const shown = events.entries.map((e) => [e.id, e.display, e.kind]);
    expect(shown.sort((a, b) => a[0]!.localeCompare(b[0]!))).to.deep.equal([
      ['e1', 'emergency', 'encounter'],
      ['e2', 'AMB', 'encounter'],
      ['e3', 'Ambulatory', 'encounter'],
    ]);
  });

  it('puts a Condition without a category in problems, not in diagnoses', () => {
    const condition = {
      resourceType: 'Condition',
      id: 'c1',
      subject,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: SCT, code: '54150009', display: 'Upper respiratory infection' }] },
    };
    expect(R4_NORMALISERS.problems([condition], context).entries).to.have.length(1);
    expect(R4_NORMALISERS.diagnoses([condition], context).entries).to.have.length(0);
  });

  it('carries Patient.deceased[x] to the demographics', () => {
    const patient = {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
    };
    expect(demographicsFromR4({ ...patient, deceasedBoolean: true })?.deceased).to.equal(true);
    expect(demographicsFromR4({ ...patient, deceasedDateTime: '2026-10-01' })?.deceased).to.equal(
      '2026-10-01',
    );
    expect(demographicsFromR4({ ...patient, deceasedDateTime: 'yesterday' })).not.to.have.property(
      'deceased',
    );
    expect(demographicsFromR4(patient)).not.to.have.property('deceased');
  });

  it('takes the recorder’s organisation from a resolved PractitionerRole, and its name from the Practitioner', () => {
    const allergy = {
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      patient: subject,
      code: { coding: [{ system: SCT, code: '91936005', display: 'Allergy to penicillin' }] },
      recorder: { reference: 'PractitionerRole/role-1' },
      asserter: { reference: 'Practitioner/doc-1' },
    };
    const references = referenceIndex([
      {
        resource: {
          resourceType: 'PractitionerRole',
          id: 'role-1',
          practitioner: { reference: 'Practitioner/doc-1' },
          organization: { reference: 'Organization/org-1' },
        },
      },
      {
        resource: {
          resourceType: 'Organization',
          id: 'org-1',
          identifier: [{ system: ODS, value: 'B82005' }],
        },
      },
    ]);
    const [entry] = R4_NORMALISERS.allergies([allergy], { ...context, references }).entries;
    expect(entry!.provenance.organisation).to.equal('B82005');
  });
  it('takes a referral’s recorder from its requester, never from its recipient (performer)', () => {
    const referral = {
      resourceType: 'ServiceRequest',
      id: 'ref-1',
      status: 'active',
      intent: 'order',
      subject,
      authoredOn: '2026-10-01',
      meta: {
        security: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
        ],
      },
      // SNOMED CT 3457005 Patient referral (the category events.ts reads).
      category: [{ coding: [{ system: SCT, code: '3457005', display: 'Patient referral' }] }],
      // SNOMED CT 183519002 Referral to cardiology service (verified in the sandbox's codes.ts).
      code: {
        coding: [{ system: SCT, code: '183519002', display: 'Referral to cardiology service' }],
      },
      requester: { identifier: { system: ODS, value: 'B82005' }, display: 'Dr Gee' },
      performer: [{ identifier: { system: ODS, value: 'RX1' }, display: 'City Hospital' }],
    };
    const [entry] = R4_NORMALISERS.events([referral], context).entries;
    expect(entry!.provenance).to.include({ recorderOrganisation: 'B82005', recorder: 'Dr Gee' });
    expect(entry!.recipients).to.deep.equal(['City Hospital']);
  });
});

describe('allergies never read as "none" when entries could not be shown', () => {
  const allergy = (id: string, patient: string) => ({
    resourceType: 'AllergyIntolerance',
    id,
    patient: { reference: patient },
    code: { coding: [{ system: SCT, code: '91936005', display: 'Allergy to penicillin' }] },
  });
  const noKnownAllergy = {
    ...allergy('nka', 'Patient/p1'),
    code: { coding: [{ system: SCT, code: '716186003', display: 'No known allergy' }] },
  };

  it('says not-shown, with counts and words, when every allergy failed the patient check', () => {
    const section = R4_NORMALISERS.allergies(
      [
        allergy('a1', 'urn:uuid:7e57a000-0000-4000-8000-00000000000a'),
        allergy('a2', 'urn:uuid:7e57a000-0000-4000-8000-00000000000b'),
        allergy('a3', 'Patient/someone-else'),
        noKnownAllergy,
      ],
      context,
    );
    expect(section.state).to.equal('not-shown');
    expect(section.diagnostics.patientCheck).to.deep.equal({ checked: 4, failed: 3 });
    const summary = notShownSummary(section);
    expect(summary.count).to.equal(3);
    expect(summary.reasons).to.deep.equal([
      { reason: 'another-patient', count: 3, text: 'could not be matched to this patient' },
    ]);
    expect(notShownText(summary, ['allergy entry', 'allergy entries'])).to.equal(
      '3 allergy entries could not be shown: they could not be matched to this patient.',
    );
  });

  it('keeps recorded when some allergies show, and no-known-allergies when only entered-in-error ones were dropped', () => {
    const some = R4_NORMALISERS.allergies(
      [allergy('a1', 'Patient/p1'), allergy('a2', 'Patient/p2')],
      context,
    );
    expect(some.state).to.equal('recorded');
    expect(notShownText(notShownSummary(some))).to.equal(
      '1 entry could not be shown: it could not be matched to this patient.',
    );
    const withdrawn = R4_NORMALISERS.allergies(
      [{ ...allergy('a1', 'Patient/p1'), verificationStatus: 'entered-in-error' }, noKnownAllergy],
      context,
    );
    expect(withdrawn.state).to.equal('no-known-allergies');
    expect(notShownSummary(withdrawn).count).to.equal(0);
  });

  it('words several reasons in one sentence, largest first', () => {
    const summary = notShownSummary({
      diagnostics: {
        dropped: { 'another or no patient': 1, 'not a laboratory result': 2 },
        unparseable: { 'Observation without id': 1 },
      },
    });
    expect(notShownText(summary)).to.equal(
      '4 entries could not be shown: 2 are of a kind this view does not show, 1 could not be matched to this patient, 1 could not be read.',
    );
    // The losses alone, as the elements' disclosure says them.
    const losses = notShownSummary(
      { diagnostics: { dropped: { 'not a laboratory result': 2 }, unparseable: { x: 1 } } },
      ['another-patient', 'unreadable'],
    );
    expect(notShownText(losses)).to.equal('1 entry could not be shown: it could not be read.');
  });
});
