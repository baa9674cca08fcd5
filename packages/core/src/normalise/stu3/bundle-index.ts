import { NHS_NUMBER_SYSTEM } from '../../model/common.js';
import { array, record, text, type Json } from '../shared/read.js';
import { addFirst, type ByTypeAndId } from '../shared/references.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';

/** A resource found in the bundle, with the List or other resource that contains it, if any. */
export interface IndexedResource {
  type: string;
  id?: string;
  resource: Json;
  container?: Json;
}

/**
 * Every resource of a GP Connect bundle (top-level entries and resources `contained` in them,
 * as the resolved-allergies List does), with reference lookup that tolerates supplier slips:
 * absolute URLs, doubled types (`MedicationRequest/MedicationRequest/x`) and bare ids.
 */
export class BundleIndex {
  readonly resources: IndexedResource[] = [];
  /** Top-level resources. */
  private readonly byTypeAndId: ByTypeAndId = new Map();
  private readonly byContained = new Map<Json, Map<string, Json>>();
  private readonly byType = new Map<string, IndexedResource[]>();

  /** An index of `bundle`'s entries; without one, fill it with {@link BundleIndex.addEntries}. */
  constructor(bundle?: unknown) {
    if (bundle !== undefined) runNow(this.addEntries(bundle));
  }

  /** Indexes the entries of `bundle`, as steps (../turns.ts). */
  *addEntries(bundle: unknown): Steps<void> {
    const entries = array(record(bundle)?.entry);
    for (let i = 0; i < entries.length; i++) {
      if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
      const entry = entries[i];
      const resource = record(record(entry)?.resource);
      if (resource) this.add(resource);
    }
  }

  private add(resource: Json, container?: Json): void {
    const type = text(resource.resourceType);
    if (!type) return;
    const id = text(resource.id);
    const found: IndexedResource = { type, resource };
    if (id) found.id = id;
    if (container) found.container = container;
    this.resources.push(found);
    const ofType = this.byType.get(type);
    if (ofType) ofType.push(found);
    else this.byType.set(type, [found]);
    if (container) {
      if (id) {
        const local = this.byContained.get(container) ?? new Map<string, Json>();
        local.set(id, resource);
        this.byContained.set(container, local);
      }
    } else if (id) {
      // The first resource wins a duplicated id; later ones are reported by the section readers.
      addFirst(this.byTypeAndId, type, id, resource);
    }
    if (resource.contained === undefined) return;
    const children = array(resource.contained);
    for (let i = 0; i < children.length; i++) {
      const contained = record(children[i]);
      if (contained) this.add(contained, resource);
    }
  }

  /** Resources of one type, top-level and contained, in bundle order (one array per type: read only). */
  ofType(type: string): readonly IndexedResource[] {
    return this.byType.get(type) ?? [];
  }

  /**
   * The resource a Reference points to. `#id` looks inside `container`; `expectedType` lets a bare
   * id (`"plan-1"`) resolve, which some suppliers send in `basedOn`.
   */
  resolve(reference: unknown, expectedType?: string, container?: Json): Json | undefined {
    const value = text(record(reference)?.reference) ?? text(reference);
    if (!value) return undefined;
    if (value.startsWith('#'))
      return container ? this.byContained.get(container)?.get(value.slice(1)) : undefined;
    const [named, id] = lastTwoSegments(value);
    const type = named ?? expectedType;
    if (!id || !type) return undefined;
    if (expectedType && type !== expectedType) {
      // `MedicationRequest/MedicationRequest/x` ends with the right type already; anything else is
      // a reference to another kind of resource.
      return undefined;
    }
    return this.byTypeAndId.get(type)?.get(id);
  }

  /** The id and type a Reference names, without requiring the target to be in the bundle. */
  static target(reference: unknown): { type?: string; id?: string } {
    const value = text(record(reference)?.reference);
    if (!value) return {};
    const [type, id] = lastTwoSegments(value);
    return { type, id };
  }
}

/**
 * The last two non-empty `/`-separated segments of a reference (type, then id), as
 * `value.split('/').filter(Boolean).slice(-2)` reads them, without the arrays: every entry's
 * subject and recorder goes through here.
 */
function lastTwoSegments(value: string): [type: string | undefined, id: string | undefined] {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === SLASH) end--;
  if (end === 0) return [undefined, undefined];
  const idStart = value.lastIndexOf('/', end - 1) + 1;
  let typeEnd = idStart - 1;
  while (typeEnd > 0 && value.charCodeAt(typeEnd - 1) === SLASH) typeEnd--;
  const id = value.slice(idStart, end);
  if (typeEnd <= 0) return [undefined, id];
  return [value.slice(value.lastIndexOf('/', typeEnd - 1) + 1, typeEnd), id];
}
const SLASH = 47;

/** The NHS number a Patient resource carries (spaces removed), if any. */
export function nhsNumberOf(patient: Json | undefined): string | undefined {
  for (const item of array(patient?.identifier)) {
    const identifier = record(item);
    if (text(identifier?.system) !== NHS_NUMBER_SYSTEM) continue;
    const value = text(identifier?.value)?.replace(/\s+/g, '');
    if (value) return value;
  }
  return undefined;
}

/**
 * Decides whether an entry belongs to the requested patient. A GP Connect response is for one
 * patient, whose Patient resource carries the NHS number asked for. An entry whose `subject` /
 * `patient` names any other Patient (or another NHS number) is another patient's data and must
 * not be shown. An entry with no subject at all is kept: nothing ties it to someone else.
 */
export class PatientMatcher {
  private readonly patientIds: Set<string>;
  /** `Patient/<id>` for each of them: how nearly every entry names its subject. */
  private readonly patientReferences: Set<string>;

  constructor(
    index: BundleIndex,
    private readonly nhsNumber: string,
  ) {
    this.patientIds = new Set(
      index
        .ofType('Patient')
        .filter((p) => p.id && !p.container && nhsNumberOf(p.resource) === nhsNumber)
        .map((p) => p.id!),
    );
    // Only an id with no '/': `Patient/x/Patient/P2` names P2, whatever id the patient has.
    this.patientReferences = new Set(
      [...this.patientIds].filter((id) => !id.includes('/')).map((id) => `Patient/${id}`),
    );
  }

  /** The Patient resources in the bundle that are the requested patient. */
  get matchedIds(): ReadonlySet<string> {
    return this.patientIds;
  }

  isOtherPatient(resource: Json): boolean {
    const subject = record(resource.subject) ?? record(resource.patient);
    if (!subject) return false;
    const identifier = record(subject.identifier);
    if (identifier && text(identifier.system) === NHS_NUMBER_SYSTEM) {
      const value = text(identifier.value)?.replace(/\s+/g, '');
      if (value && value !== this.nhsNumber) return true;
    }
    // The usual reference, exactly as the patient's own: what the reading below would conclude.
    if (this.patientReferences.has(subject.reference as string)) return false;
    const { type, id } = BundleIndex.target(subject);
    if (!id) return false;
    if (type !== undefined && type !== 'Patient') return true;
    return !this.patientIds.has(id);
  }
}
