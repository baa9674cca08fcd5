import { compareNewestFirst } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import type { Immunisation, ImmunisationsSection } from '../../model/clinical.js';
import { immunisationFields } from '../shared/immunisations.js';
import { admit, entryBase, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, sortSteps, type Steps } from '../turns.js';

/** UK Core Immunization → the immunisations section, newest first (fields: shared/immunisations.ts). */
export function* immunisationsSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<ImmunisationsSection> {
  const diagnostics = emptyDiagnostics();
  const entries: Immunisation[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const r = admit(resource, 'Immunization', context, diagnostics, 'patient');
    if (!r) continue;
    const fields = immunisationFields(r);
    if (!fields) {
      countIn(diagnostics.unparseable, 'Immunization without a vaccine or vaccination');
      continue;
    }
    const base = entryBase(r, fields.codes, fields.status, fields.date, context, diagnostics, {
      coding: fields.codes,
      text: fields.display,
    });
    if (!base) continue;
    entries.push({ ...base, ...fields });
  }
  yield* sortSteps(entries, (a, b) => compareNewestFirst(a.date, b.date));
  return { entries, warnings: [], diagnostics };
}

/** {@link immunisationsSteps} run at once. */
export function immunisationsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): ImmunisationsSection {
  return runNow(immunisationsSteps(resources, context));
}
