// The GP Connect structured operation, over real HTTP against the mounted sandbox.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../src/synthetic/roster.js';
import { GP_CONNECT, getJson, type Json } from './helpers.js';

const OPERATION = `${GP_CONNECT}/Patient/$gpc.getstructuredrecord`;
const SPINE = 'https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1';
const { typical, optedOut, consentNotSet, privateAndSensitive } = SANDBOX_PATIENTS;

const nhsNumber = (value: string) => ({
  name: 'patientNHSNumber',
  valueIdentifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value },
});
const ALL_SECTIONS = [
  { name: 'includeAllergies', part: [{ name: 'includeResolvedAllergies', valueBoolean: true }] },
  { name: 'includeMedication', part: [{ name: 'includePrescriptionIssues', valueBoolean: true }] },
  { name: 'includeProblems' },
  { name: 'includeConsultations' },
  { name: 'includeInvestigations' },
  { name: 'includeReferrals' },
];

function post(body: unknown) {
  return getJson(OPERATION, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const parameters = (...parameter: unknown[]) => ({ resourceType: 'Parameters', parameter });
const listsOf = (bundle: Json) =>
  bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === 'List');
const listCodes = (bundle: Json) => listsOf(bundle).map((l: Json) => l.code.coding[0].code);
const spineCode = (body: Json) => body.issue[0].details.coding[0];

describe('sandbox GP Connect $gpc.getstructuredrecord', () => {
  it('returns the typical patient with one List per included section', async () => {
    const { status, body } = await post(parameters(nhsNumber(typical.nhsNumber), ...ALL_SECTIONS));
    expect(status).to.equal(200);
    expect(body.resourceType).to.equal('Bundle');
    expect(body.meta.profile).to.include(
      'https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1',
    );
    const types = body.entry.map((e: Json) => e.resource.resourceType);
    expect(types).to.include.members([
      'Patient',
      'Organization',
      'Practitioner',
      'AllergyIntolerance',
      'MedicationStatement',
      'MedicationRequest',
      'Medication',
      'Condition',
      'Encounter',
      'Observation',
      'DiagnosticReport',
      'ReferralRequest',
    ]);
    expect(listCodes(body)).to.include.members([
      '886921000000105',
      '1103671000000101',
      '933361000000108',
      '717711000000103',
      '1149501000000101',
      '887191000000108',
      '792931000000107',
    ]);
    const ids = new Set(body.entry.map((e: Json) => `${e.resource.resourceType}/${e.resource.id}`));
    for (const list of listsOf(body)) {
      for (const entry of list.entry ?? [])
        expect(ids.has(entry.item.reference), entry.item.reference).to.equal(true);
    }
    const ended = listsOf(body).find((l: Json) => l.code.coding[0].code === '1103671000000101');
    expect(ended.emptyReason.coding[0].code).to.equal('no-content-recorded');
  });

  it('keeps codes, dates and quantities, with dm+d under the SNOMED CT system', async () => {
    const { body } = await post(parameters(nhsNumber(typical.nhsNumber), ALL_SECTIONS[1]));
    const resources = body.entry.map((e: Json) => e.resource);
    const warfarin = resources.find(
      (r: Json) => r.resourceType === 'Medication' && r.id === 'typical-warfarin-3mg',
    );
    expect(warfarin.code.coding[0]).to.include({
      system: 'http://snomed.info/sct',
      code: '42217611000001104',
    });
    const issues = resources.filter(
      (r: Json) =>
        r.resourceType === 'MedicationRequest' &&
        r.intent === 'order' &&
        r.basedOn[0].reference === 'MedicationRequest/typical-warfarin-3mg',
    );
    expect(issues).to.have.length(13);
    expect(issues[0].dispenseRequest.quantity).to.deep.equal({ value: 56, unit: 'tablet' });
    const apixaban = resources.find(
      (r: Json) => r.resourceType === 'MedicationRequest' && r.id === 'typical-apixaban',
    );
    const reason = apixaban.extension.find((x: Json) => x.url.endsWith('MedicationStatusReason-1'));
    expect(reason.extension[0].valueCodeableConcept.coding[0].code).to.equal('274512008');
  });

  it('honours the include parameters', async () => {
    const onlyAllergies = await post(
      parameters(nhsNumber(typical.nhsNumber), {
        name: 'includeAllergies',
        part: [{ name: 'includeResolvedAllergies', valueBoolean: false }],
      }),
    );
    expect(listCodes(onlyAllergies.body)).to.deep.equal(['886921000000105']);
    const noIssues = await post(
      parameters(nhsNumber(typical.nhsNumber), {
        name: 'includeMedication',
        part: [{ name: 'includePrescriptionIssues', valueBoolean: false }],
      }),
    );
    const orders = noIssues.body.entry.filter(
      (e: Json) => e.resource.resourceType === 'MedicationRequest' && e.resource.intent === 'order',
    );
    expect(orders).to.have.length(0);
    const recent = await post(
      parameters(nhsNumber(typical.nhsNumber), {
        name: 'includeMedication',
        part: [
          { name: 'includePrescriptionIssues', valueBoolean: false },
          { name: 'medicationSearchFromDate', valueDate: '2020-01-01' },
        ],
      }),
    );
    const statementIds = recent.body.entry
      .filter((e: Json) => e.resource.resourceType === 'MedicationStatement')
      .map((e: Json) => e.resource.id);
    expect(statementIds).to.not.include('typical-apixaban');
    expect(statementIds).to.include('typical-warfarin-3mg');
  });

  it('omits confidential items and says so with the list warning', async () => {
    const { body } = await post(
      parameters(nhsNumber(privateAndSensitive.nhsNumber), { name: 'includeProblems' }),
    );
    const problems = listsOf(body)[0];
    expect(problems.extension[0]).to.deep.equal({
      url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1',
      valueCode: 'confidential-items',
    });
    const ids = body.entry.map((e: Json) => e.resource.id);
    expect(ids).to.not.include('private-confidential-uti');
  });

  it('refuses the opted-out and consent-not-set patients with NO_PATIENT_CONSENT', async () => {
    for (const patient of [optedOut, consentNotSet]) {
      const { status, body } = await post(
        parameters(nhsNumber(patient.nhsNumber), ...ALL_SECTIONS),
      );
      expect(status).to.equal(403);
      expect(spineCode(body)).to.include({ system: SPINE, code: 'NO_PATIENT_CONSENT' });
    }
  });

  it('answers an unknown NHS number with PATIENT_NOT_FOUND', async () => {
    const { status, body } = await post(parameters(nhsNumber('9434765919'), ...ALL_SECTIONS));
    expect(status).to.equal(404);
    expect(spineCode(body).code).to.equal('PATIENT_NOT_FOUND');
  });

  it('answers malformed Parameters with GP Connect errors', async () => {
    const unparseable = await post('{ not json');
    expect(unparseable.status).to.equal(422);
    expect(spineCode(unparseable.body).code).to.equal('INVALID_RESOURCE');
    const missingNhs = await post(parameters({ name: 'includeProblems' }));
    expect(missingNhs.status).to.equal(422);
    expect(spineCode(missingNhs.body).code).to.equal('INVALID_PARAMETER');
    const missingPart = await post(
      parameters(nhsNumber(typical.nhsNumber), { name: 'includeAllergies' }),
    );
    expect(spineCode(missingPart.body).code).to.equal('INVALID_PARAMETER');
    const badNumber = await post(parameters(nhsNumber('9992345670')));
    expect(badNumber.status).to.equal(400);
    expect(spineCode(badNumber.body).code).to.equal('INVALID_NHS_NUMBER');
  });
});
