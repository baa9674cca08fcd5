// Problems linked to problems (GP Connect and UK Core related-problem extensions), through both
// normalisers and the access policy, and the HTML view's groups. All data is synthetic.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import type { Problem, ProblemsSection } from '../model/clinical.js';
import { SECTION_NAMES } from '../model/sections.js';
import { resolvePolicy } from '../policy/policy.js';
import type { ViewerContext } from '../policy/viewer.js';
import { applyEntryPolicy } from '../policy/withhold.js';
import { normaliseOptions } from './options.js';
import { R4_NORMALISERS, type R4Context } from './r4/index.js';
import { problemViews } from './shared/problem-views.js';
import { normaliseStructuredRecord } from './stu3/structured-record.js';
import { NHS_NUMBER, SNOMED, bundleOf, list, subject } from './stu3/synthetic-bundles.examples.js';

const options = normaliseOptions({ today: '2026-11-26' });
const r4: R4Context = { patientId: 'pat', options };
const GPC_RELATED =
  'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1';
const UKCORE_RELATED =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RelatedProblemHeader';

const related = (url: string, type: string, reference: string) => ({
  url,
  extension: [
    { url: 'type', valueCode: type },
    { url: 'target', valueReference: { reference } },
  ],
});

function condition(id: string, display: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: 'active',
    category: 'problem-list-item',
    code: { coding: [{ system: SNOMED, code: '54150009', display }] },
    subject,
    onsetDateTime: '2019-03-01',
    ...extra,
  };
}

const linksOf = (section: ProblemsSection | undefined) =>
  Object.fromEntries((section?.entries ?? []).map((p) => [p.id, p.linkedProblems]));

describe('problems linked to problems', () => {
  it('GP Connect: links in either direction, capitalised types, a target not returned left out', () => {
    const { problems } = normaliseStructuredRecord(
      bundleOf(
        list('717711000000103', ['Condition/urti', 'Condition/cough', 'Condition/asthma']),
        // As the published consultations example writes it: "Parent" / "Child", on both sides.
        condition('urti', 'Upper respiratory infection', {
          extension: [
            related(GPC_RELATED, 'Parent', 'Condition/cough'),
            // The same example also puts a significance code under this URL: no target, ignored.
            { url: GPC_RELATED, valueCode: [{ code: 'major', display: 'Major' }] },
          ],
        }),
        condition('cough', 'Postviral cough', {
          extension: [
            related(GPC_RELATED, 'Child', 'Condition/urti'),
            related(GPC_RELATED, 'sibling', 'Condition/not-returned'),
          ],
        }),
        // Linked from nowhere, linking only to itself: no links.
        condition('asthma', 'Asthma', {
          extension: [related(GPC_RELATED, 'sibling', 'Condition/asthma')],
        }),
      ),
      SECTION_NAMES,
      NHS_NUMBER,
      options,
    );
    expect(linksOf(problems)).to.deep.equal({
      urti: ['cough'],
      cough: ['urti'],
      asthma: undefined,
    });
    expect(problems?.entries.find((p) => p.id === 'asthma')).not.to.have.property('linkedProblems');
  });

  it('UK Core: a link written on one side reaches both; a Condition without a category is a problem', () => {
    const { entries } = R4_NORMALISERS.problems(
      [
        {
          ...condition('ckd', 'Chronic kidney disease stage 3', {
            extension: [related(UKCORE_RELATED, 'sibling', 'Condition/diabetes')],
          }),
          subject: { reference: 'Patient/pat' },
          clinicalStatus: { coding: [{ code: 'active' }] },
          category: [{ coding: [{ code: 'problem-list-item' }] }],
        },
        {
          ...condition('diabetes', 'Type 2 diabetes mellitus'),
          subject: { reference: 'Patient/pat' },
          clinicalStatus: { coding: [{ code: 'active' }] },
          category: undefined,
        },
      ],
      r4,
    );
    expect(entries.map((p) => [p.id, p.linkedProblems])).to.deep.equal([
      ['ckd', ['diabetes']],
      ['diabetes', ['ckd']],
    ]);
  });

  it('the access policy removes a link to a withheld problem', async () => {
    const problem = (id: string, code: string, linkedProblems?: string[]): Problem => ({
      id,
      codes: [{ system: SNOMED, code, display: id }],
      display: id,
      status: 'active',
      provenance: { source: 'fhir-r4', organisation: 'Y12345' },
      ...(linkedProblems && { linkedProblems }),
    });
    const section: ProblemsSection = {
      // 105629000 Chlamydial infection is in the shipped sensitive set.
      entries: [
        problem('asthma', '195967001', ['chlamydia', 'eczema']),
        problem('chlamydia', '105629000', ['asthma']),
        problem('eczema', '43116000', ['asthma']),
      ],
      warnings: [],
      diagnostics: { dropped: {}, unparseable: {} },
    };
    const viewer: ViewerContext = {
      userId: 'u',
      name: 'Dr U',
      roles: ['R8000'],
      organisation: 'RX1',
      setting: 'emergency',
    };
    const shown = await applyEntryPolicy('problems', section, viewer, resolvePolicy());
    expect(shown.entries.map((p) => [p.id, p.linkedProblems])).to.deep.equal([
      ['asthma', ['eczema']],
      ['eczema', ['asthma']],
    ]);
    expect(shown.withheld?.sensitive).to.equal(1);
  });
});

describe('problemViews: the HTML view groups', () => {
  const problem = (
    id: string,
    status: Problem['status'],
    onset?: string,
    significance?: Problem['significance'],
  ): Problem => ({
    id,
    codes: [],
    display: id,
    status,
    provenance: { source: 'fhir-r4' },
    ...(onset && { onset }),
    ...(significance && { significance }),
  });

  it('active first; past split into significant (and not stated) and minor; newest onset first, undated last', () => {
    const views = problemViews({
      entries: [
        problem('old-active', 'active', '2009-10-12', 'major'),
        problem('minor-past', 'resolved', '2019-03', 'minor'),
        problem('undated-active', 'active'),
        problem('new-active', 'active', '2021-09-01', 'minor'),
        problem('major-past', 'inactive', '2016-03-14', 'major'),
        problem('unstated-past', 'resolved', '2018'),
        problem('old-minor-past', 'inactive', '2001-01-05', 'minor'),
      ],
      warnings: [],
      diagnostics: { dropped: {}, unparseable: {} },
    });
    const ids = (list: Problem[]) => list.map((p) => p.id);
    expect(ids(views.active)).to.deep.equal(['new-active', 'old-active', 'undated-active']);
    expect(ids(views.significantPast)).to.deep.equal(['unstated-past', 'major-past']);
    expect(ids(views.minorPast)).to.deep.equal(['minor-past', 'old-minor-past']);
  });
});
