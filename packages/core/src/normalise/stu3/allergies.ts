import { countIn, emptyDiagnostics } from '../../model/common.js';
import type {
  Allergy,
  AllergiesSection,
  AllergyReaction,
  NoKnownAllergyStatement,
} from '../../model/clinical.js';
import { allergiesState, noKnownAllergyScope } from '../shared/allergy-statements.js';
import { codingsOf, codingsOfEach, displayOf } from '../shared/coding.js';
import { markTerm, termOf, type Term } from '../shared/terms.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import {
  array,
  codeValue,
  extensionNamed,
  extensionsNamed,
  firstDate,
  record,
  text,
  type Json,
} from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import type { Steps } from '../turns.js';
import { sectionsOfList, type SectionWarnings } from './section-warnings.js';

/** SNOMED CT code of the GP Connect "Ended allergies" List. */
const ENDED_ALLERGIES_LIST = '1103671000000101';

const CATEGORIES = new Set<Allergy['category']>(['food', 'medication', 'environment', 'biologic']);
const CRITICALITIES = new Set<Allergy['criticality']>(['low', 'high', 'unable-to-assess']);
const SEVERITIES = new Set<AllergyReaction['severity']>(['mild', 'moderate', 'severe']);

/**
 * CareConnect-GPC AllergyIntolerance → allergies. Active allergies come from the allergies List,
 * ended ones from the "Ended allergies" List (often as resources contained in it); an allergy
 * is `resolved` when its clinicalStatus says so, when it carries the AllergyIntoleranceEnd
 * extension, or when an ended-allergies List holds it. Negated statements (no known allergy,
 * no known drug allergy) become `statements`, never entries. Free text (`note`, the end
 * reason) is not read; `code.text` is read only as the term of a degraded or uncoded allergy
 * (see shared/terms.ts). Returns `undefined` (section unavailable) when the bundle does not
 * say either way, see below.
 */
export function* allergiesFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<AllergiesSection | undefined> {
  const diagnostics = emptyDiagnostics();
  const allergyResources = ctx.index.ofType('AllergyIntolerance');
  const hasAllergyList = ctx.index
    .ofType('List')
    .some(({ resource }) => sectionsOfList(resource).includes('allergies'));
  // "Allergies not recorded" must be the source's own statement (an empty allergies List), never
  // an inference from missing data: without the List or any allergy, the area was not returned.
  if (!hasAllergyList && allergyResources.length === 0) return undefined;
  const ended = endedAllergies(ctx);
  yield* countMissingListEntries(ctx, 'allergies', diagnostics);
  const entries: Allergy[] = [];
  const statements: NoKnownAllergyStatement[] = [];
  yield* readEach(ctx, allergyResources, diagnostics, (resource) => {
    // Degraded and uncoded allergies are shown by their term (see terms.ts): hiding an allergy is
    // the greater hazard. Only one with neither a coding nor a term cannot be shown.
    const term = termOf(resource.code);
    if (!term) {
      countIn(diagnostics.unparseable, 'AllergyIntolerance without a coded substance or term');
      return;
    }
    const codes = term.codes;
    const status = allergyStatus(resource, ended.has(resource));
    const scope = noKnownAllergyScope(codes);
    const date = firstDate(
      resource.onsetDateTime,
      record(resource.onsetPeriod)?.start,
      resource.assertedDate,
    );
    if (scope) {
      // A no-known-allergy statement that is no longer active says nothing about today.
      if (status !== 'active')
        countIn(diagnostics.dropped, 'no-known-allergy statement not active');
      else
        statements.push({
          id: text(resource.id)!,
          scope,
          codes,
          display: displayOf(codes) ?? 'No known allergy',
          ...(date && { date }),
        });
      return;
    }
    entries.push(allergyEntry(ctx, resource, term, status, date));
  });
  const unreadable = Object.values(diagnostics.unparseable).reduce((a, b) => a + b, 0);
  // With an allergy that could not be read and none that could, neither "no known allergies" nor
  // "not recorded" is true: leave the section out so it shows as unavailable.
  if (entries.length === 0 && unreadable > 0) return undefined;
  return {
    state: allergiesState(entries, statements),
    entries,
    statements,
    warnings: warnings.for('allergies'),
    diagnostics,
  };
}

function allergyEntry(
  ctx: Stu3Context,
  resource: Json,
  term: Term,
  status: Allergy['status'],
  date: string | undefined,
): Allergy {
  const category = array(resource.category)
    .map(codeValue)
    .find((c) => CATEGORIES.has(c as Allergy['category']));
  const criticality = codeValue(resource.criticality);
  const onset = firstDate(resource.onsetDateTime, record(resource.onsetPeriod)?.start);
  const recorded = firstDate(
    extensionNamed(resource, 'Extension-CareConnect-GPC-DateRecorded-1')?.valueDateTime,
    resource.assertedDate,
  );
  const security = securityOf(resource);
  const allergy = { id: text(resource.id)!, codes: term.codes, display: term.display } as Allergy;
  markTerm(allergy, term);
  return {
    ...allergy,
    status,
    ...(date && { date }),
    provenance: provenanceOf(ctx, [resource.recorder, resource.asserter], recorded),
    ...(security && { security }),
    ...(category && { category: category as Allergy['category'] }),
    ...(CRITICALITIES.has(criticality as Allergy['criticality']) && {
      criticality: criticality as Allergy['criticality'],
    }),
    reactions: array(resource.reaction)
      .map(reactionOf)
      .filter((r): r is AllergyReaction => r !== undefined),
    ...(onset && { onset }),
  };
}

function reactionOf(value: unknown): AllergyReaction | undefined {
  const reaction = record(value);
  if (!reaction) return undefined;
  const manifestations = codingsOfEach(reaction.manifestation);
  const severity = codeValue(reaction.severity);
  if (manifestations.length === 0 && !severity) return undefined;
  return {
    manifestations,
    ...(SEVERITIES.has(severity as AllergyReaction['severity']) && {
      severity: severity as AllergyReaction['severity'],
    }),
  };
}

function allergyStatus(resource: Json, inEndedList: boolean): Allergy['status'] {
  const clinical = codeValue(resource.clinicalStatus);
  if (clinical === 'resolved' || inEndedList) return 'resolved';
  if (extensionsNamed(resource, 'Extension-CareConnect-GPC-AllergyIntoleranceEnd-1').length > 0)
    return 'resolved';
  return clinical === 'inactive' ? 'inactive' : 'active';
}

/** Allergies held by an "Ended allergies" List, as references or as contained resources. */
function endedAllergies(ctx: Stu3Context): Set<Json> {
  const ended = new Set<Json>();
  for (const { resource: list } of ctx.index.ofType('List')) {
    if (!codingsOf(list.code).some((c) => c.code === ENDED_ALLERGIES_LIST)) continue;
    for (const item of array(list.entry)) {
      const target = ctx.index.resolve(record(item)?.item, 'AllergyIntolerance', list);
      if (target) ended.add(target);
    }
  }
  return ended;
}
