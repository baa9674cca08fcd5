import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normaliseOptions } from '../options.js';
import { SECTION_NAMES, type SectionName } from '../../model/sections.js';
import { normaliseStructuredRecord } from './structured-record.js';
import {
  DMD_SYSTEM,
  NHS_NUMBER,
  SNOMED,
  allergy,
  bundleOf,
  issue,
  list,
  medicine,
  plan,
  statement,
  subject,
} from './synthetic-bundles.examples.js';

const options = normaliseOptions({ today: '2026-11-26' });
const read = (bundle: unknown, sections: readonly SectionName[] = SECTION_NAMES) =>
  normaliseStructuredRecord(bundle, sections, NHS_NUMBER, options);
const ALLERGY_LIST = '886921000000105';
const MEDICATION_LIST = '933361000000108';

describe('GP Connect STU3 normaliser: allergies', () => {
  it('a no-known-allergy statement alone gives no-known-allergies, as a statement, not an entry', () => {
    const { allergies } = read(
      bundleOf(
        list(ALLERGY_LIST, ['AllergyIntolerance/nka']),
        allergy('nka', '716186003', 'No known allergy'),
      ),
    );
    expect(allergies?.state).to.equal('no-known-allergies');
    expect(allergies?.entries).to.have.length(0);
    expect(allergies?.statements.map((s) => s.scope)).to.deep.equal(['all']);
  });

  it('a no-known-drug-allergy statement alone leaves the state not-recorded', () => {
    const { allergies } = read(
      bundleOf(
        list(ALLERGY_LIST, ['AllergyIntolerance/nkda']),
        allergy('nkda', '409137002', 'No known drug allergy'),
      ),
    );
    expect(allergies?.state).to.equal('not-recorded');
    expect(allergies?.statements.map((s) => s.scope)).to.deep.equal(['drug']);
    expect(allergies?.entries).to.have.length(0);
  });

  it('an allergy next to a negation makes the state recorded; resolved ones are resolved', () => {
    const { allergies } = read(
      bundleOf(
        list(ALLERGY_LIST, ['AllergyIntolerance/pen', 'AllergyIntolerance/nka']),
        allergy('pen', '91936005', 'Allergy to penicillin', { note: [{ text: 'FREE TEXT' }] }),
        allergy('nka', '716186003', 'No known allergy'),
        allergy('old', '300916003', 'Latex allergy', { clinicalStatus: 'resolved' }),
      ),
    );
    expect(allergies?.state).to.equal('recorded');
    expect(allergies?.entries.map((e) => [e.id, e.status])).to.deep.equal([
      ['pen', 'active'],
      ['old', 'resolved'],
    ]);
    expect(JSON.stringify(allergies)).not.to.contain('FREE TEXT');
  });

  it('drops entered-in-error and another patient, counting each', () => {
    const { allergies } = read(
      bundleOf(
        list(ALLERGY_LIST, []),
        allergy('err', '91936005', 'Allergy to penicillin', {
          verificationStatus: 'entered-in-error',
        }),
        allergy('other', '91936005', 'Allergy to penicillin', {
          patient: { reference: 'Patient/someone-else' },
        }),
      ),
    );
    expect(allergies?.entries).to.have.length(0);
    expect(allergies?.diagnostics.dropped).to.deep.equal({
      'entered in error': 1,
      'another patient': 1,
    });
  });

  it('an empty list with emptyReason is not-recorded and carries the reason as a warning', () => {
    const emptyReason = {
      coding: [
        {
          system: 'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1',
          code: 'no-content-recorded',
        },
      ],
    };
    const { allergies } = read(bundleOf(list(ALLERGY_LIST, [], { emptyReason })));
    expect(allergies?.state).to.equal('not-recorded');
    expect(allergies?.warnings).to.deep.equal([
      {
        code: 'empty-reason',
        coding: { system: emptyReason.coding[0]!.system, code: 'no-content-recorded' },
      },
    ]);
  });

  it('leaves allergies out (unavailable) when the area was not returned or a listed allergy is missing', () => {
    expect(read(bundleOf())).not.to.have.property('allergies');
    expect(read(bundleOf(list(ALLERGY_LIST, ['AllergyIntolerance/missing'])))).not.to.have.property(
      'allergies',
    );
  });
});

describe('GP Connect STU3 normaliser: list warnings', () => {
  it('carries every GP Connect list warning code to the section', () => {
    const warningUrl =
      'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1';
    const extension = ['confidential-items', 'data-in-transit', 'data-awaiting-filing'].map(
      (valueCode) => ({
        url: warningUrl,
        valueCode,
      }),
    );
    const { medications, allergies } = read(
      bundleOf(
        list(MEDICATION_LIST, [], { extension }),
        list(ALLERGY_LIST, [], { extension: [extension[0]] }),
      ),
    );
    expect(medications?.warnings.map((w) => w.code)).to.deep.equal([
      'confidential-items',
      'data-in-transit',
      'data-awaiting-filing',
    ]);
    expect(medications?.warnings[0]?.coding).to.deep.equal({
      system: warningUrl,
      code: 'confidential-items',
    });
    expect(allergies?.warnings.map((w) => w.code)).to.deep.equal(['confidential-items']);
  });

  it('marks sections GP Connect cannot supply, and diagnoses, with a source-warning', () => {
    const result = read(bundleOf());
    for (const section of ['procedures', 'risksWarnings', 'diagnoses'] as const) {
      expect(result[section]?.entries).to.deep.equal([]);
      expect(result[section]?.warnings[0]?.code).to.equal('source-warning');
    }
  });
});

describe('GP Connect STU3 normaliser: medications', () => {
  const warfarinDmd = medicine('warf', DMD_SYSTEM, '42217911000001105', 'Warfarin 5mg tablets');
  const record = bundleOf(
    list(MEDICATION_LIST, ['MedicationStatement/st-1']),
    warfarinDmd,
    plan('plan-1', 'warf', 'repeat'),
    statement('st-1', 'plan-1', 'warf'),
    issue('iss-2', 'plan-1', '2026-11-01'),
    issue('iss-1', 'plan-1', '2026-10-01'),
  );

  it('groups issues under their plan, oldest first, and derives lastIssued', () => {
    const [med] = read(record).medications!.entries;
    expect(med?.id).to.equal('st-1');
    expect(med?.kind).to.equal('repeat');
    expect(med?.current).to.equal(true);
    expect(med?.issues.map((i) => i.id)).to.deep.equal(['iss-1', 'iss-2']);
    expect(med?.lastIssued).to.deep.equal({
      id: 'iss-2',
      date: '2026-11-01',
      quantity: { value: 56, unit: 'tablet' },
    });
    expect(med?.quantity).to.deep.equal({ value: 28, unit: 'tablet' });
  });

  it('carries only the structured dosage text, never notes or patient instructions', () => {
    const result = read(record);
    expect(result.medications!.entries[0]?.dosage).to.equal('One daily');
    expect(JSON.stringify(result)).not.to.match(/FREE TEXT/);
  });

  it('flags high-risk medicines by dm+d code under either system, and by name', () => {
    const bySnomed = medicine('warf', SNOMED, '42217911000001105', 'Warfarin 5mg tablets');
    const byName = medicine('warf', SNOMED, '999999999', 'Rivaroxaban 20mg tablets');
    for (const med of [warfarinDmd, bySnomed, byName]) {
      const [entry] = read(bundleOf(med, plan('plan-1', 'warf', 'repeat'))).medications!.entries;
      expect(entry?.highRisk, JSON.stringify(med)).to.equal(true);
      expect(entry?.highRiskClass).to.equal('anticoagulant');
    }
    const plain = medicine('m', SNOMED, '322236009', 'Paracetamol 500mg tablets');
    expect(
      read(bundleOf(plain, plan('p', 'm', 'acute'))).medications!.entries[0]?.highRisk,
    ).to.equal(false);
  });

  it('reads a stopped authorisation with its coded reason and date', () => {
    const stopped = plan('plan-1', 'warf', 'repeat', {
      status: 'stopped',
      extension: [
        {
          url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatusReason-1',
          extension: [
            { url: 'statusChangeDate', valueDateTime: '2026-06-01' },
            {
              url: 'statusReason',
              valueCodeableConcept: {
                coding: [
                  { system: SNOMED, code: '266721009', display: 'Absent response to treatment' },
                ],
                text: 'FREE TEXT',
              },
            },
          ],
        },
      ],
    });
    const [med] = read(bundleOf(warfarinDmd, stopped)).medications!.entries;
    expect(med?.status).to.equal('stopped');
    expect(med?.current).to.equal(false);
    expect(med?.stopped).to.equal('2026-06-01');
    expect(med?.stoppedReason?.map((c) => c.code)).to.deep.equal(['266721009']);
  });

  it('counts issues whose authorisation is missing, and drops entered-in-error', () => {
    const { medications } = read(
      bundleOf(
        warfarinDmd,
        plan('plan-1', 'warf', 'repeat', { status: 'entered-in-error' }),
        issue('iss', 'plan-1', '2026-01-01'),
      ),
    );
    expect(medications?.entries).to.have.length(0);
    expect(medications?.diagnostics.dropped).to.deep.equal({ 'entered in error': 1 });
    expect(medications?.diagnostics.unparseable).to.deep.equal({
      'issue without its authorisation': 1,
    });
  });
});

describe('GP Connect STU3 normaliser: other sections', () => {
  it('reads problems with significance, blood pressure pairs and investigation series', () => {
    const bp = (id: string, date: string, systolic: unknown, unit = 'mmHg') => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject,
      effectiveDateTime: date,
      code: {
        coding: [{ system: SNOMED, code: '163020007', display: 'O/E - blood pressure reading' }],
      },
      component: [
        {
          code: { coding: [{ system: SNOMED, code: '163030003' }] },
          valueQuantity: { value: systolic, unit },
        },
        {
          code: { coding: [{ system: SNOMED, code: '163031004' }] },
          valueQuantity: { value: 80, unit },
        },
      ],
    });
    const inr = (id: string, date: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject,
      effectiveDateTime: date,
      code: { coding: [{ system: SNOMED, code: '1033281000000104', display: 'INR' }] },
      valueQuantity: { value },
      referenceRange: [{ low: { value: 2 }, high: { value: 3 } }],
    });
    const result = read(
      bundleOf(
        {
          resourceType: 'Condition',
          id: 'c1',
          clinicalStatus: 'inactive',
          subject,
          code: {
            coding: [{ system: SNOMED, code: '22298006', display: 'Myocardial infarction' }],
            text: 'FREE TEXT',
          },
          extension: [
            {
              url: 'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1',
              valueCode: 'major',
            },
          ],
          onsetDateTime: '2010-01-01',
        },
        bp('bp1', '2026-01-01', 140),
        bp('bp2', '2026-02-01', '150'),
        bp('bp3', '2026-03-01', 20, 'kPa'),
        {
          resourceType: 'DiagnosticReport',
          id: 'r1',
          status: 'final',
          subject,
          issued: '2026-05-01',
          result: [{ reference: 'Observation/inr2' }, { reference: 'Observation/inr1' }],
        },
        inr('inr2', '2026-05-01', 4.1),
        inr('inr1', '2026-04-01', 2.5),
      ),
    );
    expect(result.problems?.entries[0]).to.include({
      id: 'c1',
      status: 'inactive',
      significance: 'major',
      display: 'Myocardial infarction',
    });
    expect(result.bloodPressure?.entries.map((r) => [r.systolic, r.diastolic])).to.deep.equal([
      [150, 80],
      [140, 80],
    ]);
    expect(result.bloodPressure?.diagnostics.unparseable).to.deep.equal({
      'blood pressure not in mmHg': 1,
    });
    expect(result.investigations?.entries.map((r) => [r.id, r.abnormal])).to.deep.equal([
      ['inr2', 'high'],
      ['inr1', undefined],
    ]);
    expect(result.investigations?.series[0]?.resultIds).to.deep.equal(['inr1', 'inr2']);
  });
});

describe('GP Connect STU3 normaliser: malformed input', () => {
  it('never throws on nulls, wrong types and huge strings', () => {
    const huge = 'x'.repeat(2_000_000);
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      'Bundle',
      [],
      {},
      { resourceType: 'Bundle', entry: null },
      {
        resourceType: 'Bundle',
        entry: [null, 1, 'x', { resource: null }, { resource: { resourceType: 7 } }],
      },
      bundleOf({
        resourceType: 'AllergyIntolerance',
        id: huge,
        code: { coding: [{ system: SNOMED, code: huge, display: huge }] },
        patient: huge,
      }),
      bundleOf({
        resourceType: 'MedicationRequest',
        intent: ['plan'],
        basedOn: 'x',
        dispenseRequest: 5,
        extension: {},
      }),
      bundleOf({
        resourceType: 'List',
        code: 'x',
        entry: [{ item: { reference: huge } }],
        extension: [{ url: null }],
      }),
      bundleOf({
        resourceType: 'Observation',
        id: 'o',
        component: [{ code: null }],
        related: [{ target: { reference: 'Observation/o' } }],
      }),
    ];
    for (const input of inputs) expect(() => read(input)).not.to.throw();
  });

  it('never throws on arbitrary JSON (property test)', () => {
    const resourceTypes = [
      'AllergyIntolerance',
      'MedicationStatement',
      'MedicationRequest',
      'Medication',
      'Condition',
      'Observation',
      'DiagnosticReport',
      'Encounter',
      'ReferralRequest',
      'List',
      'Patient',
      'OperationOutcome',
    ];
    const resource = fc
      .record({
        resourceType: fc.constantFrom(...resourceTypes),
        id: fc.oneof(fc.string(), fc.constant('x')),
      })
      .chain((base) =>
        fc
          .dictionary(
            fc.constantFrom(
              'code',
              'status',
              'intent',
              'basedOn',
              'subject',
              'patient',
              'entry',
              'component',
              'valueQuantity',
              'extension',
              'medicationReference',
              'result',
              'related',
              'clinicalStatus',
              'identifier',
            ),
            fc.jsonValue(),
          )
          .map((rest) => ({ ...rest, ...base })),
      );
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 8 }), (resources) => {
        read({ resourceType: 'Bundle', entry: resources.map((r) => ({ resource: r })) });
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
