import { emptyDiagnostics } from '../../model/common.js';
import type { Allergy, AllergiesSection, NoKnownAllergyStatement } from '../../model/clinical.js';
import { allergiesState, noKnownAllergyScope } from '../shared/allergy-statements.js';
import { codingsOf, codingsOfEach } from '../shared/coding.js';
import { array, firstDate, record } from '../shared/read.js';
import { admit, entryBase, statusCode, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';

const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
const CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
const CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);

/** UK Core AllergyIntolerance → allergies, with no-known-allergy statements kept apart. */
export function* allergiesSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<AllergiesSection> {
  const diagnostics = emptyDiagnostics();
  const entries: Allergy[] = [];
  const statements: NoKnownAllergyStatement[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const r = admit(resource, 'AllergyIntolerance', context, diagnostics, 'patient');
    if (!r) continue;
    const codes = codingsOf(r.code);
    const clinical = statusCode(r.clinicalStatus);
    const status =
      clinical === 'resolved' ? 'resolved' : clinical === 'inactive' ? 'inactive' : 'active';
    const date = firstDate(r.onsetDateTime, r.recordedDate);
    const base = entryBase(r, codes, status, date, context, diagnostics);
    if (!base) continue;
    const scope = noKnownAllergyScope(codes);
    if (scope) {
      statements.push({ id: base.id, scope, codes, display: base.display, ...(date && { date }) });
      continue;
    }
    const category = oneOf(CATEGORIES, array(r.category)[0]);
    const criticality = oneOf(CRITICALITIES, r.criticality);
    const onset = firstDate(r.onsetDateTime);
    entries.push({
      ...base,
      status,
      reactions: array(r.reaction).map((reaction) => {
        const severity = oneOf(SEVERITIES, record(reaction)?.severity);
        return {
          manifestations: codingsOfEach(record(reaction)?.manifestation),
          ...(severity && { severity }),
        };
      }),
      ...(category && { category }),
      ...(criticality && { criticality }),
      ...(onset && { onset }),
    });
  }
  return {
    state: allergiesState(entries, statements, diagnostics),
    entries,
    statements,
    warnings: [],
    diagnostics,
  };
}

/** {@link allergiesSteps} run at once. */
export function allergiesFromR4(
  resources: readonly unknown[],
  context: R4Context,
): AllergiesSection {
  return runNow(allergiesSteps(resources, context));
}
