// DiagnosticReport fragments: per-file expectations written from reading each file. Each single-
// resource file is one report (Diagnostic studies report, 721981007), status unknown, with no
// effective date, issued 2010-02-25T15:41:00+00:00 (2001-03-30T16:27:00+01:00 for one); its
// results and specimens, when it names any, are not in the file.
import { expect } from '@open-wc/testing';
import type { Expectations, Sections } from './types.js';

/**
 * A report none of whose results the file holds (or that names none: only a conclusion or a coded
 * diagnosis) is not silently lost: it is counted, so the section says it could not show it.
 */
const countedReport = (s: Sections): void => {
  expect(s.investigations?.entries).to.have.length(0);
  expect(s.investigations?.diagnostics.dropped).to.deep.equal({ 'report without its results': 1 });
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
/** Every single-report file: one report whose results are not in the file, counted. */
const singleReports: Expectations = Object.fromEntries(
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
      'no-specimen',
    ].map((n) => `diagnostic-report-with-${n}.json`),
    'diagnostic_report.json',
  ].map((file) => [file, countedReport]),
);

export const diagnosticReportFiles: Expectations = {
  ...singleReports,
  // The report names three results, each linking its filing comment by has-member: a result
  // with a value is a result whatever its members (the comments, without a value, are counted).
  'fhir_bundle.json': oestradiolShown,
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
