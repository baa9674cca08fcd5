// DiagnosticReport fragments: per-file expectations written from reading each file. Each single-
// resource file is one report (Diagnostic studies report, 721981007), status unknown, with no
// effective date, issued 2010-02-25T15:41:00+00:00 (2001-03-30T16:27:00+01:00 for one); its
// results and specimens, when it names any, are not in the file.
import { expect } from '@open-wc/testing';
import type { Expectations, KnownGap, Sections } from './types.js';

const report =
  (date = '2010-02-25T15:41:00+00:00') =>
  (s: Sections) => {
    const reports = (s.investigations?.entries ?? []).filter(
      (e) => e.display === 'Diagnostic studies report',
    );
    expect(reports).to.have.length(1);
    expect(reports[0]).to.include({ date });
    expect(reports[0]?.codes.map((c) => c.code)).to.include('721981007');
  };

const NOT_LOST =
  'A DiagnosticReport whose results are not in the bundle (or that names none, e.g. only a ' +
  'conclusion or coded diagnosis) vanishes: no entry and no count in diagnostics, so a ' +
  'clinician cannot know a report of that date exists ("nothing silently lost").';

/** The report is shown, or at the least counted where it is not. */
const shownOrCounted =
  (date?: string) =>
  (s: Sections): void => {
    const d = s.investigations?.diagnostics;
    const counted = Object.keys({ ...d?.dropped, ...d?.unparseable }).length > 0;
    if (!counted) report(date)(s);
  };
const silentlyLost = (s: Sections) => {
  expect(s.investigations?.entries).to.have.length(0);
  expect(s.investigations?.diagnostics).to.deep.include({ dropped: {}, unparseable: {} });
};

const oestradiolShown = (s: Sections) => {
  // The report (issued 2010-02-25) names three laboratory results, each linked by has-member
  // to its filing comment. Serum oestradiol level has a value: 8.8 mmol/L on 2010-02-23,
  // under its range of 10 to 90. It is a test result with its value, whatever its members.
  const oestradiol = (s.investigations?.entries ?? []).filter(
    (e) => e.id === '6E30A9E3-FF9A-4868-8FCD-7DAC26A16E78',
  );
  expect(oestradiol).to.have.length(1);
  expect(oestradiol[0]).to.deep.include({
    display: 'Serum oestradiol level',
    kind: 'test-result',
    date: '2010-02-23',
    value: 8.8,
    unit: 'mmol/L',
    referenceRange: { low: 10, high: 90, unit: 'mmol/L' },
    abnormal: 'low',
  });
};
const oestradiolLost = (s: Sections) => {
  const ids = (s.investigations?.entries ?? []).map((e) => e.id);
  expect(ids).not.to.include('6E30A9E3-FF9A-4868-8FCD-7DAC26A16E78');
  // Its filing comment (and the other two results' comments) counted instead.
  expect(s.investigations?.diagnostics.dropped).to.deep.equal({ 'result without a value': 3 });
};

export const bundleGap: KnownGap = {
  reason:
    "The report's Serum oestradiol level (8.8 mmol/L, under its range) links its filing " +
    'comment by has-member, so it is read as a test group: the value is never shown and only ' +
    'the comment is counted (as a result without a value).',
  expected: oestradiolShown,
  current: oestradiolLost,
};

/** Every single-report file: see known-gaps.ts. */
export const reportGaps: { [areaAndFile: string]: KnownGap } = Object.fromEntries(
  [
    ...[
      'blank-filing-comment',
      'coded-diagnosis',
      'conclusion',
      'effective-datetime-filing-comment',
      'effective-period-filing-comment',
      'empty-results',
      'empty-specimens',
      'extension-id',
      'multi-results',
      'multi-specimens-nopat',
      'multi-specimens-noscrub',
      'multi-specimens',
      'multiple-coded-diagnosis',
      'one-result',
      'one-specimen-and-one-unrelated-observation',
      'one-specimen-one-linked-observation-and-one-unlinked-observation',
      'one-specimen',
      'performer-no-actor',
      'performer',
      'required-data',
      'urn-oid-extension-id',
    ].map((n) => [`diagnostic-report-with-${n}.json`, undefined]),
    ['diagnostic-report-with-no-specimen.json', '2001-03-30T16:27:00+01:00'],
    ['diagnostic_report.json', undefined],
  ].map(([file, date]) => [
    `diagnosticreport/${file}`,
    { reason: NOT_LOST, expected: shownOrCounted(date), current: silentlyLost },
  ]),
);

export const diagnosticReportFiles: Expectations = {
  // fhir_bundle.json: see known-gaps.ts (a result with a value lost behind its filing comment).
  'fhir_bundle_with_filing_comments.json': (s) => {
    // Four filing comments (Comment note) outside any report: dated by their effective time,
    // else when issued; their comment text never shown (checked for every file).
    const shown = s.investigations?.entries ?? [];
    expect([...new Set(shown.map((e) => e.display))]).to.deep.equal(['Comment note']);
    expect(shown.map((e) => e.date).sort()).to.deep.equal([
      '2010-02-23',
      '2020-12-15T15:17:04.917+00:00',
      '2020-12-15T15:17:04.917+00:00',
      '2021-01-01T10:30:00+00:00',
    ]);
    // Each carries NOPAT (no disclosure to the patient without the provider): the label is
    // kept for the access policy, never lost.
    for (const e of shown) expect(e.security?.map((c) => c.code)).to.deep.equal(['NOPAT']);
  },
};
