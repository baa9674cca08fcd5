// Unit tests for the record-core rules of issue 9 (degraded and uncoded terms, result strings,
// blood pressure shapes, immunisations, lists, dates), through both normalisers. All data is
// synthetic, written for these tests.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SECTION_NAMES } from '../model/sections.js';
import { normaliseOptions } from './options.js';
import { R4_NORMALISERS, type R4Context } from './r4/index.js';
import { isPossibleDate } from './shared/dates.js';
import { valueFromString } from './shared/result-values.js';
import { termOf } from './shared/terms.js';
import { normaliseStructuredRecord } from './stu3/structured-record.js';
import { NHS_NUMBER, SNOMED, bundleOf, list, subject } from './stu3/synthetic-bundles.examples.js';

const options = normaliseOptions({ today: '2026-11-26' });
const read = (...resources: Record<string, unknown>[]) =>
  normaliseStructuredRecord(bundleOf(...resources), SECTION_NAMES, NHS_NUMBER, options);
const r4: R4Context = { patientId: 'pat', options };
const LOINC = 'http://loinc.org';
const DEGRADED_DRUG_ALLERGY = '196461000000101';

const allergyWith = (id: string, code: unknown, extra: Record<string, unknown> = {}) => ({
  resourceType: 'AllergyIntolerance',
  id,
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  patient: subject,
  code,
  ...extra,
});
const degradedCoding = {
  system: SNOMED,
  code: DEGRADED_DRUG_ALLERGY,
  display: 'Transfer-degraded drug allergy',
};

describe('degraded and uncoded entries', () => {
  it('a degraded allergy is shown by its original term, never the degrade display', () => {
    const { allergies } = read(
      list('886921000000105', ['AllergyIntolerance/a1']),
      allergyWith('a1', { coding: [degradedCoding], text: 'Co-amoxiclav' }),
    );
    expect(allergies?.state).to.equal('recorded');
    expect(allergies?.entries[0]).to.include({
      display: 'Co-amoxiclav',
      degraded: true,
      status: 'active',
    });
    expect(allergies?.entries[0]?.codes[0]?.code).to.equal(DEGRADED_DRUG_ALLERGY);
  });

  it('a resolved degraded allergy keeps its term and original code', () => {
    const { allergies } = read(
      list('886921000000105', ['AllergyIntolerance/a2']),
      allergyWith(
        'a2',
        { coding: [degradedCoding], text: "Resolved 'Penicillin allergy' original code 14L1.00" },
        { clinicalStatus: 'resolved' },
      ),
    );
    expect(allergies?.entries[0]).to.include({
      display: 'Penicillin allergy',
      originalCode: '14L1.00',
      degraded: true,
      status: 'resolved',
    });
  });

  it('a degraded concept without text takes the term of its other coding', () => {
    const term = termOf({
      coding: [
        degradedCoding,
        {
          system: 'http://read.info/readv2',
          code: 'TJ0..',
          display: 'Adverse reaction to penicillins',
        },
      ],
    });
    expect(term).to.include({ display: 'Adverse reaction to penicillins', originalCode: 'TJ0..' });
  });

  it('a code that names a property of every object (constructor, toString) is not a degrade code', () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const term = termOf({
        coding: [{ system: 'http://snomed.info/sct', code, display: 'Asthma' }],
      });
      expect(term, code).to.deep.equal({
        codes: [{ system: 'http://snomed.info/sct', code, display: 'Asthma' }],
        display: 'Asthma',
      });
    }
  });

  it('an allergy known only by its term is shown, marked uncoded, in STU3 and R4', () => {
    const { allergies } = read(
      list('886921000000105', ['AllergyIntolerance/a3']),
      allergyWith('a3', { text: 'Elastoplast' }),
    );
    expect(allergies?.entries[0]).to.include({ display: 'Elastoplast', uncoded: true });
    expect(allergies?.entries[0]?.codes).to.deep.equal([]);
    const r4Allergies = R4_NORMALISERS.allergies(
      [{ ...allergyWith('a3', { text: 'Elastoplast' }), clinicalStatus: undefined }],
      r4,
    );
    expect(r4Allergies.state).to.equal('recorded');
    expect(r4Allergies.entries[0]).to.include({ display: 'Elastoplast', uncoded: true });
  });

  it('an allergy with neither a coding nor a term is counted, and the section is not "none"', () => {
    const { allergies } = read(
      list('886921000000105', ['AllergyIntolerance/a4']),
      allergyWith('a4', {}),
    );
    // Unreadable and nothing readable: the section is unavailable, not "not recorded".
    expect(allergies).to.equal(undefined);
  });

  it('an encounter typed only by text shows that text, marked uncoded', () => {
    const { events } = read(
      {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        subject,
        type: [{ text: 'Telephone consultation' }],
        period: { start: '2026-01-05T09:00:00+00:00' },
        location: [{ location: { reference: 'Location/loc' } }],
        participant: [{ individual: { reference: 'Practitioner/doc' } }],
        serviceProvider: { reference: 'Organization/practice' },
      },
      { resourceType: 'Location', id: 'loc', name: 'Riverside Surgery' },
      {
        resourceType: 'Practitioner',
        id: 'doc',
        name: [{ family: 'Okafor', given: ['Ruth'], prefix: ['Dr'] }],
      },
    );
    expect(events?.entries[0]).to.include({
      display: 'Telephone consultation',
      uncoded: true,
      location: 'Riverside Surgery',
      practitioner: 'OKAFOR, Ruth (Dr)',
    });
  });
});

describe('results', () => {
  it('reads numbers out of result strings, with comparator and unit', () => {
    expect(valueFromString('Ap 2.400')).to.deep.equal({ value: 2.4, textValue: 'Ap 2.400' });
    expect(valueFromString('<5')).to.deep.equal({ value: 5, comparator: '<' });
    expect(valueFromString('>90')).to.deep.equal({ value: 90, comparator: '>' });
    expect(valueFromString('2.4 mmol/L')).to.deep.equal({ value: 2.4, unit: 'mmol/L' });
    expect(valueFromString('Not detected')).to.deep.equal({ textValue: 'Not detected' });
    expect(valueFromString('x'.repeat(101))).to.equal(undefined);
  });

  it('a valueString result and an uncategorised observation reach investigations (STU3)', () => {
    const { investigations } = read(
      {
        resourceType: 'DiagnosticReport',
        id: 'rep',
        status: 'final',
        subject,
        effectiveDateTime: '2026-03-01',
        result: [{ reference: 'Observation/inr' }],
      },
      {
        resourceType: 'Observation',
        id: 'inr',
        status: 'final',
        subject,
        code: { coding: [{ system: SNOMED, code: '440685005', display: 'INR' }] },
        valueString: 'Ap 2.400',
      },
      {
        resourceType: 'Observation',
        id: 'weight',
        status: 'final',
        subject,
        code: { coding: [{ system: SNOMED, code: '27113001', display: 'Body weight' }] },
        effectiveDateTime: '2026-02-01',
        valueQuantity: { value: 71.5, unit: 'kg' },
      },
    );
    expect(investigations?.entries.map((e) => [e.id, e.kind, e.value])).to.deep.equal([
      ['inr', 'test-result', 2.4],
      ['weight', 'observation', 71.5],
    ]);
  });

  it('R4 keeps vital signs and social history as observations, not dropped', () => {
    const { entries, diagnostics } = R4_NORMALISERS.investigations(
      [
        {
          resourceType: 'Observation',
          id: 'smoke',
          status: 'final',
          subject: { reference: 'Patient/pat' },
          category: [{ coding: [{ code: 'social-history' }] }],
          code: { coding: [{ system: SNOMED, code: '77176002', display: 'Smoker' }] },
          effectiveDateTime: '2020-06',
        },
        {
          resourceType: 'Observation',
          id: 'egfr',
          status: 'final',
          subject: { reference: 'Patient/pat' },
          category: [{ coding: [{ code: 'laboratory' }] }],
          code: { coding: [{ system: LOINC, code: '33914-3', display: 'eGFR' }] },
          valueString: '>90',
        },
      ],
      r4,
    );
    expect(entries.map((e) => [e.id, e.kind, e.date, e.value, e.comparator])).to.deep.equal([
      ['smoke', 'observation', '2020-06', undefined, undefined],
      ['egfr', 'test-result', undefined, 90, '>'],
    ]);
    expect(diagnostics.dropped).to.deep.equal({});
  });
});

const half = (id: string, code: string, value: number, time: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject,
  code: { coding: [{ system: SNOMED, code }] },
  effectiveDateTime: time,
  valueQuantity: { value, unit: 'mm[Hg]' },
});

describe('blood pressure', () => {
  it('pairs separate systolic and diastolic observations taken together; a lone half is unpaired', () => {
    const { bloodPressure, investigations } = read(
      half('s1', '72313002', 150, '2026-04-01T10:00:00+01:00'),
      half('d1', '1091811000000102', 95, '2026-04-01T10:00:00+01:00'),
      half('s2', '407554009', 162, '2026-05-01T10:00:00+01:00'),
    );
    expect(
      bloodPressure?.entries.map((e) => [e.systolic, e.diastolic, e.unpaired, e.method]),
    ).to.deep.equal([
      [162, undefined, true, 'sitting'],
      [150, 95, undefined, undefined],
    ]);
    // The halves are not shown again as results.
    expect(investigations?.entries).to.have.length(0);
  });

  it('a GP Connect triple with one value absent is an unpaired reading', () => {
    const { bloodPressure } = read({
      resourceType: 'Observation',
      id: 'bp',
      status: 'final',
      subject,
      code: { coding: [{ system: SNOMED, code: '163020007' }] },
      effectiveDateTime: '2026-04-02',
      component: [
        {
          code: { coding: [{ system: SNOMED, code: '72313002' }] },
          valueQuantity: { value: 128, unit: 'mm[Hg]' },
        },
        {
          code: { coding: [{ system: SNOMED, code: '1091811000000102' }] },
          dataAbsentReason: { text: 'not recorded' },
        },
      ],
    });
    expect(bloodPressure?.entries[0]).to.include({ systolic: 128, unpaired: true });
    expect(bloodPressure?.entries[0]).not.to.have.property('diastolic');
  });

  it('pairs the LOINC 55284-4 panel (R4), and a standing reading says so', () => {
    const panel = (id: string, code: string, sys: string, dia: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: 'Patient/pat' },
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: code.includes('-') ? LOINC : SNOMED, code }] },
      effectiveDateTime: '2026-04-03',
      component: [
        {
          code: { coding: [{ system: sys.includes('-') ? LOINC : SNOMED, code: sys }] },
          valueQuantity: { value: 131, code: 'mm[Hg]' },
        },
        {
          code: { coding: [{ system: dia.includes('-') ? LOINC : SNOMED, code: dia }] },
          valueQuantity: { value: 82, code: 'mm[Hg]' },
        },
      ],
    });
    const { entries } = R4_NORMALISERS.bloodPressure(
      [
        panel('loinc', '55284-4', '8480-6', '8462-4'),
        panel('standing', '163034007', '400974009', '400975005'),
      ],
      r4,
    );
    expect(entries.map((e) => [e.id, e.systolic, e.diastolic, e.method])).to.deep.equal([
      ['loinc', 131, 82, undefined],
      ['standing', 131, 82, 'standing'],
    ]);
  });
});

describe('immunisations', () => {
  it('R4 Immunization: vaccine, date, status, dose number', () => {
    const { entries } = R4_NORMALISERS.immunisations(
      [
        {
          resourceType: 'Immunization',
          id: 'mmr',
          status: 'completed',
          patient: { reference: 'Patient/pat' },
          vaccineCode: {
            coding: [
              { system: SNOMED, code: '38598009', display: 'Measles-mumps-rubella vaccination' },
            ],
          },
          occurrenceDateTime: '2019-05',
          protocolApplied: [{ doseNumberPositiveInt: 5 }],
        },
      ],
      r4,
    );
    expect(entries[0]).to.include({
      display: 'Measles-mumps-rubella vaccination',
      status: 'completed',
      date: '2019-05',
      doseSequence: 5,
    });
  });
});

describe('lists', () => {
  it('an unknown List is counted and disclosed in every section; a referral List warning reaches events', () => {
    const record = read(
      list('123451000000100', ['DocumentReference/doc1']),
      list('792931000000107', [], {
        extension: [
          {
            url: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1',
            valueCode: 'confidential-items',
          },
        ],
      }),
    );
    const unknown = record.allergies === undefined ? record.medications : record.allergies;
    expect(unknown?.warnings.map((w) => w.coding?.code)).to.include('unknown-list');
    expect(record.events?.warnings.map((w) => w.code)).to.include('confidential-items');
    expect(record.medications?.warnings.map((w) => w.code)).not.to.include('confidential-items');
  });
});

describe('dates', () => {
  it('keeps partial dates and rejects impossible ones, counting them', () => {
    expect(isPossibleDate('2020')).to.equal(true);
    expect(isPossibleDate('2020-06')).to.equal(true);
    expect(isPossibleDate('2024-02-29')).to.equal(true);
    expect(isPossibleDate('2023-02-29')).to.equal(false);
    expect(isPossibleDate('2023-02-31')).to.equal(false);
    expect(isPossibleDate('2023-13-01')).to.equal(false);
    expect(isPossibleDate('2023-01-01T25:00:00Z')).to.equal(false);
    const { problems } = read(
      {
        resourceType: 'Condition',
        id: 'c1',
        subject,
        clinicalStatus: 'active',
        code: { coding: [{ system: SNOMED, code: '38341003', display: 'Hypertension' }] },
        onsetDateTime: '2020',
      },
      {
        resourceType: 'Condition',
        id: 'c2',
        subject,
        clinicalStatus: 'active',
        code: { coding: [{ system: SNOMED, code: '73211009', display: 'Diabetes mellitus' }] },
        onsetDateTime: '2021-02-31',
        abatementDateTime: '2021-13-01',
      },
    );
    const [c1, c2] = ['c1', 'c2'].map((id) => problems?.entries.find((e) => e.id === id));
    expect(c1).to.include({ date: '2020', onset: '2020' });
    expect(c2).not.to.have.property('date');
    expect(c2).not.to.have.property('onset');
    expect(c2).not.to.have.property('abated');
    expect(problems?.diagnostics.impossibleDates).to.equal(2);
  });
});
