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

export const diagnosticReportFiles: Expectations = {};
