import { emptyDiagnostics, type SectionDiagnostics } from '../../model/common.js';
import type { RiskWarning, RisksWarningsSection } from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import { risksWarningsSection } from '../shared/derived-warnings.js';
import { array, firstDate, record } from '../shared/read.js';
import { warningKindOf } from '../shared/warning-codes.js';
import { conditionsFromR4 } from './conditions.js';
import { admit, entryBase, type R4Context } from './context.js';
import { observationsFromR4 } from './observations.js';
import { proceduresFromR4 } from './procedures.js';

/**
 * Risks and warnings from FHIR R4: the source's Flags, and warnings derived by code from its
 * Conditions, Observations and Procedures (shared/derived-warnings.ts), in one ordered list.
 */
export function risksWarningsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): RisksWarningsSection {
  const ofType = (type: string) => resources.filter((r) => record(r)?.resourceType === type);
  const conditions = conditionsFromR4(ofType('Condition'), context);
  const observations = observationsFromR4(ofType('Observation'), context);
  const procedures = proceduresFromR4(ofType('Procedure'), context);
  return risksWarningsSection(
    [
      { section: 'problems', ...conditions.problems },
      { section: 'diagnoses', ...conditions.diagnoses },
      { section: 'investigations', ...observations.investigations },
      { section: 'procedures', ...procedures },
    ],
    flagsFromR4(ofType('Flag'), context),
  );
}

/** UK Core Flag → warnings recorded by the source, classified by the same code sets. */
function flagsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): { entries: RiskWarning[]; diagnostics: SectionDiagnostics } {
  const diagnostics = emptyDiagnostics();
  const entries: RiskWarning[] = [];
  for (const resource of resources) {
    const r = admit(resource, 'Flag', context, diagnostics);
    if (!r) continue;
    const status = r.status === 'active' ? 'active' : 'inactive';
    const start = firstDate(record(r.period)?.start);
    const end = firstDate(record(r.period)?.end);
    const base = entryBase(r, codingsOf(r.code), status, start, context, diagnostics);
    if (!base) continue;
    entries.push({
      ...base,
      status,
      category: array(r.category).flatMap((c) => codingsOf(c)),
      kind: warningKindOf(base.codes) ?? 'other',
      origin: 'flag',
      ...(start && { start }),
      ...(end && { end }),
    });
  }
  return { entries, diagnostics };
}
