import { emptyDiagnostics } from '../../model/common.js';
import type { RiskWarning, RisksWarningsSection } from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import { array, firstDate, record } from '../shared/read.js';
import { admit, entryBase, type R4Context } from './context.js';

/** UK Core Flag → risks and warnings. */
export function flagsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): RisksWarningsSection {
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
      ...(start && { start }),
      ...(end && { end }),
    });
  }
  return { entries, warnings: [], diagnostics };
}
