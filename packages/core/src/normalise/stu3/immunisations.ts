import { compareNewestFirst } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import type { ImmunisationsSection } from '../../model/clinical.js';
import { immunisationFields } from '../shared/immunisations.js';
import { extensionNamed, firstDate, record, text } from '../shared/read.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import { sortSteps, type Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';

/**
 * GP Connect immunisations (CareConnect-GPC-Immunization-1, the Immunisations List) → the
 * immunisations section, newest first. The fields are read in shared/immunisations.ts.
 */
export function* immunisationsFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<ImmunisationsSection> {
  const diagnostics = emptyDiagnostics();
  yield* countMissingListEntries(ctx, 'immunisations', diagnostics);
  const entries = yield* readEach(
    ctx,
    ctx.index.ofType('Immunization'),
    diagnostics,
    (resource) => {
      const fields = immunisationFields(resource);
      if (!fields) {
        countIn(diagnostics.unparseable, 'Immunization without a vaccine or vaccination');
        return undefined;
      }
      const recorded = firstDate(
        extensionNamed(resource, 'Extension-CareConnect-GPC-DateRecorded-1')?.valueDateTime,
        extensionNamed(resource, 'Extension-CareConnect-DateRecorded-1')?.valueDateTime,
      );
      const security = securityOf(resource);
      const who = [
        ...((Array.isArray(resource.practitioner) ? resource.practitioner : []) as unknown[]).map(
          (p) => record(p)?.actor,
        ),
        resource.location,
      ];
      return {
        id: text(resource.id)!,
        ...fields,
        provenance: provenanceOf(ctx, who, recorded),
        ...(security && { security }),
      };
    },
  );
  yield* sortSteps(entries, (a, b) => compareNewestFirst(a.date, b.date));
  return { entries, warnings: warnings.for('immunisations'), diagnostics };
}
