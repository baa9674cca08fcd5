/**
 * What a section could not show, from its diagnostics, in words an element can put on screen
 * ("3 allergy entries could not be shown: 2 could not be matched to this patient, 1 could not be
 * read."). docs/architecture.md#rules "never silently lost": every entry sent but not shown is counted with a
 * reason. Entries the access policy withheld are counted apart, in the section's `withheld`.
 */
import {
  ANOTHER_OR_NO_PATIENT,
  type PatientCheckCounts,
  type SectionDiagnostics,
} from '../../model/common.js';

/** Why entries were not shown, in three kinds a reader can act on. */
export type NotShownReason = 'another-patient' | 'unreadable' | 'not-in-this-view';

export interface NotShownSummary {
  /** Entries sent but not shown (entered-in-error entries are the record's own withdrawal, not counted). */
  count: number;
  /** By kind, largest first, each with its plain-English phrase (e.g. "could not be read"). */
  reasons: { reason: NotShownReason; count: number; text: string }[];
  /** The right-patient check, where the source checks entry by entry (see `SectionDiagnostics`). */
  patientCheck?: PatientCheckCounts;
}

/** Dropped reasons that are the record's own decision, not a loss. */
const NOT_A_LOSS: ReadonlySet<string> = new Set(['entered in error']);
const ANOTHER_PATIENT: ReadonlySet<string> = new Set([ANOTHER_OR_NO_PATIENT, 'another patient']);

const REASON_TEXT: Record<NotShownReason, string> = {
  'another-patient': 'could not be matched to this patient',
  unreadable: 'could not be read',
  'not-in-this-view': 'are of a kind this view does not show',
};

/**
 * The summary of what `section` could not show, from its diagnostics; `only` keeps some kinds
 * (e.g. `['another-patient', 'unreadable']`, the losses, leaving out resources of a kind the
 * section does not show).
 */
export function notShownSummary(
  section: { diagnostics: SectionDiagnostics },
  only?: readonly NotShownReason[],
): NotShownSummary {
  const counts: Record<NotShownReason, number> = {
    'another-patient': 0,
    unreadable: 0,
    'not-in-this-view': 0,
  };
  const { dropped, unparseable, patientCheck } = section.diagnostics;
  for (const [reason, n] of Object.entries(dropped)) {
    if (NOT_A_LOSS.has(reason)) continue;
    counts[ANOTHER_PATIENT.has(reason) ? 'another-patient' : 'not-in-this-view'] += n;
  }
  for (const n of Object.values(unparseable)) counts.unreadable += n;
  const reasons = (Object.keys(counts) as NotShownReason[])
    .filter((reason) => counts[reason] > 0 && (!only || only.includes(reason)))
    .map((reason) => ({ reason, count: counts[reason], text: REASON_TEXT[reason] }))
    .sort((a, b) => b.count - a.count);
  return {
    count: reasons.reduce((sum, r) => sum + r.count, 0),
    reasons,
    ...(patientCheck && { patientCheck: { ...patientCheck } }),
  };
}

/**
 * The summary as one sentence, or `undefined` when nothing is missing. `noun` names one entry
 * and many (default `['entry', 'entries']`), e.g. `['allergy entry', 'allergy entries']`.
 */
export function notShownText(
  summary: NotShownSummary,
  noun: readonly [string, string] = ['entry', 'entries'],
): string | undefined {
  if (summary.count === 0) return undefined;
  const head = `${summary.count} ${summary.count === 1 ? noun[0] : noun[1]} could not be shown`;
  if (summary.reasons.length === 1) return `${head}: ${phrase(summary.reasons[0]!, true)}.`;
  return `${head}: ${summary.reasons.map((r) => phrase(r, false)).join(', ')}.`;
}

function phrase(r: NotShownSummary['reasons'][number], only: boolean): string {
  // "could not be read" reads for one or many; "are of a kind" needs its verb to agree.
  const text = r.count === 1 ? r.text.replace(/^are /, 'is ') : r.text;
  return only ? (r.count === 1 ? `it ${text}` : `they ${text}`) : `${r.count} ${text}`;
}
