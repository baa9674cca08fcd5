// Risks and warnings derived from coded entries, through both source paths with real-shaped
// resources: GP Connect problem headers and uncategorised Observations (STU3), UK Core
// Conditions, Observations, Procedures and Flags (R4). Codes are from warning-codes.ts, each
// cited there with its published source.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { RiskWarning } from '../../model/clinical.js';
import { normaliseOptions } from '../options.js';
import { R4_NORMALISERS, type R4Context } from '../r4/index.js';
import { normaliseStructuredRecord } from '../stu3/structured-record.js';
import { NHS_NUMBER, SNOMED, bundleOf, list, subject } from '../stu3/synthetic-bundles.examples.js';

const options = normaliseOptions({ today: '2026-11-26' });
const PROBLEMS_LIST = '717711000000103';
const UNCATEGORISED_LIST = '826501000000100';
const READ_V2 = 'http://read.info/readv2';

type Resource = Record<string, unknown>;

/** A GP Connect problem header (CareConnect-GPC-ProblemHeader-Condition-1 shape). */
function problem(id: string, code: string, display: string, extra: Resource = {}): Resource {
  return {
    resourceType: 'Condition',
    id,
    meta: {
      profile: [
        'https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-ProblemHeader-Condition-1',
      ],
    },
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    category: [
      {
        coding: [
          {
            system: 'https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1',
            code: 'problem-list-item',
          },
        ],
      },
    ],
    code: { coding: [{ system: SNOMED, code, display }] },
    subject,
    onsetDateTime: '2025-03-14',
    ...extra,
  };
}

/** A GP Connect uncategorised Observation (CareConnect-GPC-Observation-1 shape, no value). */
function observation(
  id: string,
  code: string,
  display: string,
  date: string,
  extra: Resource = {},
) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: SNOMED, code, display }] },
    subject,
    effectiveDateTime: date,
    issued: `${date}T10:00:00+00:00`,
    ...extra,
  };
}

function gpConnect(...resources: Resource[]) {
  const problems = resources.filter((r) => r.resourceType === 'Condition');
  const observations = resources.filter((r) => r.resourceType === 'Observation');
  const section = normaliseStructuredRecord(
    bundleOf(
      list(
        PROBLEMS_LIST,
        problems.map((r) => `Condition/${String(r.id)}`),
      ),
      list(
        UNCATEGORISED_LIST,
        observations.map((r) => `Observation/${String(r.id)}`),
      ),
      ...resources,
    ),
    ['risksWarnings'],
    NHS_NUMBER,
    options,
  ).risksWarnings;
  expect(section, 'risksWarnings').to.exist;
  return section!;
}

const r4Context: R4Context = { patientId: 'pat', nhsNumber: NHS_NUMBER, options };
const r4 = (...resources: Resource[]) => R4_NORMALISERS.risksWarnings(resources, r4Context);
const summary = (w: RiskWarning) => [w.kind, w.display, w.status, w.origin];

describe('Risks and warnings derived from coded entries', () => {
  it('GP Connect: the palliative care register and a DNACPR decision, in that order, each naming its entry', () => {
    const section = gpConnect(
      observation('obs-dnacpr', '450476008', 'Not for cardiopulmonary resuscitation', '2025-06-02'),
      problem('cond-pal', '1403151000000103', 'On palliative care register'),
      problem('cond-asthma', '195967001', 'Asthma'),
    );
    expect(section.basis).to.equal('coded-entries');
    expect(section.warnings[0]?.coding?.code).to.equal('derived-from-coded-entries');
    expect(section.entries.map(summary)).to.deep.equal([
      ['end-of-life', 'On palliative care register', 'active', 'derived'],
      ['resuscitation', 'Not for cardiopulmonary resuscitation', 'active', 'derived'],
    ]);
    const [palliative, dnacpr] = section.entries;
    expect(palliative).to.include({ id: 'problems/cond-pal', date: '2025-03-14' });
    expect(palliative?.derivedFrom).to.deep.equal({ section: 'problems', id: 'cond-pal' });
    expect(dnacpr).to.include({ date: '2025-06-02' });
    expect(dnacpr?.derivedFrom).to.deep.equal({ section: 'investigations', id: 'obs-dnacpr' });
    expect(dnacpr?.provenance.source).to.equal('gp-connect');
  });

  const CATEGORIES: [RiskWarning['kind'], string, string][] = [
    ['end-of-life', '414937009', 'On gold standards palliative care framework'],
    ['resuscitation', '304253006', 'Not for resuscitation'],
    ['safeguarding', '342191000000101', 'Subject to child protection plan'],
    ['safeguarding', '417430008', 'Vulnerable adult'],
    ['violence', '129707006', 'At risk for other-directed violence'],
    ['falls', '129839007', 'At risk for falls'],
    ['learning-disability', '416075005', 'On learning disability register'],
    ['dementia', '52448006', 'Dementia'],
    ['carer', '407542009', 'Informal caregiver'],
  ];
  for (const [kind, code, display] of CATEGORIES) {
    it(`${kind}: "${display}" as a GP Connect problem and as an R4 Condition`, () => {
      const stu3 = gpConnect(problem('c1', code, display));
      expect(stu3.entries.map(summary)).to.deep.equal([[kind, display, 'active', 'derived']]);
      const fromR4 = r4({ ...problem('c1', code, display), clinicalStatus: undefined });
      expect(fromR4.entries.map(summary)).to.deep.equal([[kind, display, 'active', 'derived']]);
    });
  }

  it('matches a Read v2 code the RCGP table gives, when the entry carries it alone', () => {
    const section = gpConnect({
      ...problem('c1', '', ''),
      code: {
        coding: [{ system: READ_V2, code: '13Iv.', display: 'Subject to child protection plan' }],
      },
    });
    expect(section.entries.map(summary)).to.deep.equal([
      ['safeguarding', 'Subject to child protection plan', 'active', 'derived'],
    ]);
  });

  it('a code outside the sets is not derived (the hazard the element states)', () => {
    const section = gpConnect(problem('c1', '195967001', 'Asthma'));
    expect(section.entries).to.deep.equal([]);
    expect(section.warnings.map((w) => w.coding?.code)).to.deep.equal([
      'derived-from-coded-entries',
    ]);
  });

  it('a resolved problem gives an ended warning, after the active ones of its kind', () => {
    const section = gpConnect(
      problem('old', '342191000000101', 'Subject to child protection plan', {
        clinicalStatus: 'resolved',
        onsetDateTime: '2019-01-10',
        abatementDateTime: '2021-02-01',
      }),
      problem('new', '836881000000105', 'Child is cause for safeguarding concern', {
        onsetDateTime: '2024-05-01',
      }),
    );
    expect(section.entries.map((w) => [w.id, w.status, w.end])).to.deep.equal([
      ['problems/new', 'active', undefined],
      ['problems/old', 'inactive', '2021-02-01'],
    ]);
  });

  it('a later removal code ends a child protection plan', () => {
    const section = gpConnect(
      observation('plan', '342191000000101', 'Subject to child protection plan', '2022-01-05'),
      observation(
        'ended',
        '342891000000105',
        'No longer subject to child protection plan',
        '2024-03-01',
      ),
    );
    expect(section.entries.map((w) => [w.display, w.status, w.end])).to.deep.equal([
      ['Subject to child protection plan', 'inactive', '2024-03-01'],
    ]);
  });

  it('the newest resuscitation decision is the one in force', () => {
    const section = gpConnect(
      observation('dnacpr', '450476008', 'Not for cardiopulmonary resuscitation', '2021-04-01'),
      observation('cpr', '450475007', 'For cardiopulmonary resuscitation', '2024-09-12'),
    );
    expect(section.entries.map((w) => [w.display, w.status, w.end])).to.deep.equal([
      ['For cardiopulmonary resuscitation', 'active', undefined],
      ['Not for cardiopulmonary resuscitation', 'inactive', '2024-09-12'],
    ]);
  });

  it('R4: Flags and derived warnings in one list; a procedure not done is no warning', () => {
    const section = r4(
      {
        resourceType: 'Flag',
        id: 'f1',
        status: 'active',
        code: { coding: [{ system: SNOMED, code: '129839007', display: 'At risk for falls' }] },
        subject,
        period: { start: '2024-02-02' },
      },
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: {
          coding: [
            { system: SNOMED, code: '450476008', display: 'Not for cardiopulmonary resuscitation' },
          ],
        },
        subject,
        effectiveDateTime: '2025-01-20',
      },
      {
        resourceType: 'Procedure',
        id: 'p1',
        status: 'not-done',
        code: { coding: [{ system: SNOMED, code: '182964004', display: 'Terminal care' }] },
        subject,
      },
    );
    expect(section.basis).to.equal('flags-and-coded-entries');
    expect(section.entries.map(summary)).to.deep.equal([
      ['resuscitation', 'Not for cardiopulmonary resuscitation', 'active', 'derived'],
      ['falls', 'At risk for falls', 'active', 'flag'],
    ]);
  });

  it("keeps the source entry's security labels, so the access policy withholds a private one", () => {
    const security = [{ system: 'http://hl7.org/fhir/v3/Confidentiality', code: 'R' }];
    const section = gpConnect(
      problem('c1', '1403151000000103', 'On palliative care register', { meta: { security } }),
    );
    expect(section.entries[0]?.security).to.deep.equal(security);
  });
});
