import { emptyDiagnostics } from '../../model/common.js';
import type { Procedure, ProceduresSection } from '../../model/clinical.js';
import { firstDate, record } from '../shared/read.js';
import { admit, entryBase, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';

const STATUSES = ['completed', 'in-progress', 'not-done'] as const;

/** UK Core Procedure → procedures. */
export function* proceduresSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<ProceduresSection> {
  const diagnostics = emptyDiagnostics();
  const entries: Procedure[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const r = admit(resource, 'Procedure', context, diagnostics);
    if (!r) continue;
    const status = STATUSES.find((s) => s === r.status) ?? 'unknown';
    const performed = firstDate(r.performedDateTime, record(r.performedPeriod)?.start);
    const base = entryBase(r, undefined, status, performed, context, diagnostics);
    if (!base) continue;
    // The base entry is this procedure's own: completed in place, not copied.
    const procedure = base as Procedure;
    procedure.status = status;
    if (performed) procedure.performed = performed;
    entries.push(procedure);
  }
  return { entries, warnings: [], diagnostics };
}

/** {@link proceduresSteps} run at once. */
export function proceduresFromR4(
  resources: readonly unknown[],
  context: R4Context,
): ProceduresSection {
  return runNow(proceduresSteps(resources, context));
}
