// R4 risks and warnings normalises only the entries that can make or end a warning (and what
// their entries depend on): the section must be exactly the one derived from every Condition,
// Observation and Procedure normalised in full. Seeded synthetic records, with warnings, endings,
// related-problem links, repeated ids, another patient's entries and blood pressure look-alikes.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { emptyDiagnostics } from '../../model/common.js';
import { normaliseOptions } from '../options.js';
import { runNow } from '../turns.js';
import { risksWarningsSectionSteps } from '../shared/derived-warnings.js';
import { referenceIndex } from '../shared/references.js';
import { mayBeWarning } from '../shared/warning-codes.js';
import { conditionsFromR4 } from './conditions.js';
import type { R4Context } from './context.js';
import { R4_NORMALISERS } from './index.js';
import { observationsFromR4 } from './observations.js';
import { proceduresFromR4 } from './procedures.js';

const SCT = 'http://snomed.info/sct';
const RELATED = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RelatedProblemHeader';
// Not for CPR, for CPR, child protection plan and its removal, falls, a Read v2 safeguarding code.
const WARNING = ['450476008', '450475007', '342191000000101', '342891000000105', '129839007'];
const OTHER = ['49436004', '38341003', '73211009'];
const BLOOD_PRESSURE = ['75367002', '271649006', '271650006'];

function record(seed: number, size: number): unknown[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const day = () =>
    `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
  const resources: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const id = next() < 0.05 ? `same${Math.floor(next() * 4)}` : `r${i}`;
    const subject = { reference: next() < 0.05 ? 'Patient/other' : 'Patient/pat' };
    const code = {
      coding: [
        next() < 0.1
          ? { system: 'http://read.info/readv2', code: '13WX.', display: 'Safeguarding' }
          : { system: SCT, code: next() < 0.3 ? pick(WARNING) : pick(OTHER), display: 'Term' },
      ],
    };
    const kind = next();
    if (kind < 0.4) {
      resources.push({
        resourceType: 'Condition',
        id,
        subject,
        code,
        ...(next() < 0.6 && {
          category: [
            { coding: [{ code: next() < 0.8 ? 'problem-list-item' : 'encounter-diagnosis' }] },
          ],
        }),
        clinicalStatus: { coding: [{ code: pick(['active', 'resolved', 'inactive']) }] },
        ...(next() < 0.3 && {
          extension: [
            {
              url: RELATED,
              extension: [
                { url: 'type', valueCode: 'child' },
                {
                  url: 'target',
                  valueReference: { reference: `Condition/r${Math.floor(next() * size)}` },
                },
              ],
            },
          ],
        }),
        ...(next() < 0.9 && { onsetDateTime: day() }),
      });
    } else if (kind < 0.75) {
      const bloodPressureLike = next() < 0.1;
      resources.push({
        resourceType: 'Observation',
        id,
        subject,
        status: pick(['final', 'cancelled', 'amended']),
        code: bloodPressureLike
          ? { coding: [...code.coding, { system: SCT, code: pick(BLOOD_PRESSURE) }] }
          : code,
        ...(next() < 0.5 && { valueQuantity: { value: Math.round(next() * 150), unit: 'mmHg' } }),
        effectiveDateTime: day(),
      });
    } else {
      resources.push({
        resourceType: 'Procedure',
        id,
        subject,
        code,
        status: pick(['completed', 'not-done']),
        performedDateTime: day(),
      });
    }
  }
  return resources;
}

/** The section as it was derived before: every entry of the three sections normalised in full. */
function fromEveryEntry(resources: readonly unknown[], context: R4Context) {
  const ofType = (type: string) =>
    resources.filter((r) => (r as { resourceType: string }).resourceType === type);
  const conditions = conditionsFromR4(ofType('Condition'), context);
  const observations = observationsFromR4(ofType('Observation'), context);
  const procedures = proceduresFromR4(ofType('Procedure'), context);
  return runNow(
    risksWarningsSectionSteps(
      [
        { section: 'problems', ...conditions.problems },
        { section: 'diagnoses', ...conditions.diagnoses },
        { section: 'investigations', ...observations.investigations },
        { section: 'procedures', ...procedures },
      ],
      { entries: [], diagnostics: emptyDiagnostics() },
    ),
  );
}

describe('R4 risks and warnings from the entries that can make or end one', () => {
  const options = normaliseOptions({ today: '2026-11-26' });
  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`is the section derived from every entry (seed ${seed})`, () => {
      const resources = record(seed, 600);
      for (const context of [
        { patientId: 'pat', options },
        {
          patientId: 'pat',
          options,
          references: referenceIndex(resources.map((resource) => ({ resource }))),
        },
      ] as R4Context[]) {
        const expected = fromEveryEntry(resources, context);
        const section = R4_NORMALISERS.risksWarnings(resources, context);
        expect(section.entries.length, `seed ${seed}`).to.be.greaterThan(10);
        expect(section, `seed ${seed}`).to.deep.equal(expected);
      }
    });
  }

  it('keeps a derived warning’s links to problems that are no warnings', () => {
    const condition = (id: string, code: string, target?: string) => ({
      resourceType: 'Condition',
      id,
      subject: { reference: 'Patient/pat' },
      code: { coding: [{ system: SCT, code, display: 'Term' }] },
      onsetDateTime: '2024-01-01',
      ...(target && {
        extension: [
          {
            url: RELATED,
            extension: [{ url: 'target', valueReference: { reference: `Condition/${target}` } }],
          },
        ],
      }),
    });
    const resources = [
      condition('warning', '450476008'),
      condition('linking', '49436004', 'warning'),
      condition('linked', '38341003'),
      condition('warning-2', '129839007', 'linked'),
    ];
    const section = R4_NORMALISERS.risksWarnings(resources, { patientId: 'pat', options });
    const links = Object.fromEntries(
      section.entries.map((w) => [w.id, (w as { linkedProblems?: string[] }).linkedProblems]),
    );
    expect(links).to.deep.equal({
      'problems/warning': ['linking'],
      'problems/warning-2': ['linked'],
    });
  });

  it('reads a blood pressure look-alike as investigations does, among every Observation', () => {
    // A repeated id: only the first Observation of an id can be a blood pressure part, so the
    // second, coded both as a warning and as a systolic pressure, is a result, and a warning.
    const observation = (codes: string[]) => ({
      resourceType: 'Observation',
      id: 'same',
      subject: { reference: 'Patient/pat' },
      status: 'final',
      code: { coding: codes.map((code) => ({ system: SCT, code, display: 'Term' })) },
      valueQuantity: { value: 120, unit: 'mmHg' },
      effectiveDateTime: '2024-01-01',
    });
    const resources = [observation(['38341003']), observation(['129839007', '271649006'])];
    const context: R4Context = { patientId: 'pat', options };
    expect(R4_NORMALISERS.risksWarnings(resources, context)).to.deep.equal(
      fromEveryEntry(resources, context),
    );
    expect(R4_NORMALISERS.risksWarnings(resources, context).entries).to.have.length(1);
  });

  it('names as candidates every code of the sets and of their endings, in any system', () => {
    for (const code of [...WARNING, '13WX.'])
      expect(mayBeWarning({ coding: [{ system: 'any', code }] }), code).to.equal(true);
    expect(mayBeWarning({ coding: [{ system: SCT, code: '49436004' }] })).to.equal(false);
    expect(mayBeWarning({ text: 'Not for resuscitation' })).to.equal(false);
  });
});
