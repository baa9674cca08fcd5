import { countIn, type SectionDiagnostics } from '../../model/common.js';
import type { Stu3Context } from './context.js';
import type { SectionName } from '../../model/sections.js';
import { array, codeValue, record, text, type Json } from '../shared/read.js';
import { sectionsOfList } from './section-warnings.js';
import { countImpossibleDates } from '../shared/dates.js';
import type { IndexedResource } from './bundle-index.js';
import { RESOURCES_PER_CHECKPOINT, type Steps } from '../turns.js';

/**
 * Walks the resources of one type for a section, applying the rules every section shares
 * (another patient's entries dropped, entered-in-error dropped, duplicated ids reported, a throw
 * while reading one entry counted instead of losing the section) and counting each outcome.
 */
export function* readEach<T>(
  ctx: Stu3Context,
  resources: readonly IndexedResource[],
  diagnostics: SectionDiagnostics,
  read: (resource: Json, found: IndexedResource) => T | undefined,
): Steps<T[]> {
  const result: T[] = [];
  const seenIds = new Set<string>();
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const found = resources[i]!;
    const { resource, type } = found;
    try {
      if (ctx.patient.isOtherPatient(resource)) {
        countIn(diagnostics.dropped, 'another patient');
        continue;
      }
      if (isEnteredInError(resource)) {
        countIn(diagnostics.dropped, 'entered in error');
        continue;
      }
      const id = text(resource.id);
      if (!id) {
        countIn(diagnostics.unparseable, `${type} without id`);
        continue;
      }
      const key = found.container ? `#${id}` : id;
      if (seenIds.has(key)) {
        // Two resources with one id cannot both be shown safely: which one is the record?
        countIn(diagnostics.unparseable, `${type} with duplicated id`);
        continue;
      }
      seenIds.add(key);
      countImpossibleDates(resource, diagnostics);
      const value = read(resource, found);
      if (value !== undefined) result.push(value);
    } catch {
      countIn(diagnostics.unparseable, `unreadable ${type}`);
    }
  }
  return result;
}

function isEnteredInError(resource: Json): boolean {
  return (
    codeValue(resource.status) === 'entered-in-error' ||
    codeValue(resource.verificationStatus) === 'entered-in-error' ||
    codeValue(resource.clinicalStatus) === 'entered-in-error'
  );
}

/**
 * Counts the entries of a section's primary Lists that point at nothing in the bundle: the source
 * said an item exists but did not send it, which must not pass for an empty section.
 */
export function* countMissingListEntries(
  ctx: Stu3Context,
  section: SectionName,
  diagnostics: SectionDiagnostics,
): Steps<void> {
  for (const { resource: list } of ctx.index.ofType('List')) {
    if (sectionsOfList(list)[0] !== section) continue;
    const items = array(list.entry);
    for (let i = 0; i < items.length; i++) {
      if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
      const item = items[i];
      if (!ctx.index.resolve(record(item)?.item, undefined, list))
        countIn(diagnostics.unparseable, 'List entry missing from the bundle');
    }
  }
}
