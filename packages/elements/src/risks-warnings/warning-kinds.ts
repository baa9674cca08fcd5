import type { RiskWarningKind } from '@dcr-elements/core';

/** What each kind of warning is called on screen (risks and warnings, summary). */
export const KIND_LABELS: Record<RiskWarningKind, string> = {
  'end-of-life': 'Palliative care / end of life',
  resuscitation: 'Resuscitation decision',
  safeguarding: 'Safeguarding',
  violence: 'Risk of violence',
  falls: 'Falls',
  'learning-disability': 'Learning disability',
  dementia: 'Dementia',
  carer: 'Carer',
  other: 'Warning',
};

/** Kinds that change what happens in the next minutes: shown first and marked prominently. */
export const PRIORITY: ReadonlySet<RiskWarningKind> = new Set(['end-of-life', 'resuscitation']);
