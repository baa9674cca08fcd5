import { LOINC, SNOMED_CT } from '../../model/common.js';
import type { BloodPressureReading } from '../../model/clinical.js';
import { array, codeValue, record, text, type Json } from './read.js';
import { RESOURCES_PER_CHECKPOINT, type Steps } from '../turns.js';

type Method = BloodPressureReading['method'];

/**
 * Blood pressure codes, by part and by how the reading was taken. Sources (see
 * docs/record-model.md): GP Connect uncategorised data guidance (nhsconnect/gpconnect,
 * pages/accessrecord_structured/accessrecord_structured_development_uncategorisedData_guidance.md:
 * the standard, standing, sitting and lying triples); UK Core vital-signs example (75367002,
 * 85354-9, 8480-6, 8462-4); NHS England ABPM guidance (24-hour triple 314463006 / 314449000 /
 * 314462001); OpenSAFELY home blood pressure codelists (413606001, 413605002); NHS SNOMED CT
 * usage data (163030003, 163031004); LOINC 55284-4 "Blood pressure systolic and diastolic".
 */
const SYSTOLIC: ReadonlyMap<string, Method | null> = new Map<string, Method | null>([
  ['72313002', null], // Systolic arterial pressure
  ['271649006', null], // Systolic blood pressure
  ['163030003', null], // O/E - Systolic BP reading
  ['400974009', 'standing'],
  ['407554009', 'sitting'],
  ['407556006', 'lying'],
  ['314449000', '24-hour'], // Average 24 hour systolic blood pressure
  ['413606001', 'home'], // Average home systolic blood pressure
  ['8480-6', null], // LOINC Systolic blood pressure
]);
const DIASTOLIC: ReadonlyMap<string, Method | null> = new Map<string, Method | null>([
  ['1091811000000102', null], // Diastolic arterial pressure
  ['271650006', null], // Diastolic blood pressure
  ['163031004', null], // O/E - Diastolic BP reading
  ['400975005', 'standing'],
  ['407555005', 'sitting'],
  ['407557002', 'lying'],
  ['314462001', '24-hour'], // Average 24 hour diastolic blood pressure
  ['413605002', 'home'], // Average home diastolic blood pressure
  ['8462-4', null], // LOINC Diastolic blood pressure
]);
const PANELS: ReadonlyMap<string, Method | null> = new Map<string, Method | null>([
  ['75367002', null], // Blood pressure
  ['163020007', null], // O/E - blood pressure reading
  ['386534000', null], // Arterial blood pressure
  ['163034007', 'standing'],
  ['163035008', 'sitting'],
  ['163033001', 'lying'],
  ['314463006', '24-hour'], // 24 hour blood pressure
  ['85354-9', null], // LOINC Blood pressure panel with all children optional
  ['55284-4', null], // LOINC Blood pressure systolic and diastolic
]);

const BP_SYSTEMS = new Set([SNOMED_CT, LOINC, 'https://dmd.nhs.uk']);

/**
 * The first of a concept's codings (those `codingsOf` keeps: a string system and code) found in
 * `table`. Read from the codings as sent, without building them: every Observation of a record
 * is asked this several times, and almost none is a blood pressure.
 */
function lookup(concept: unknown, table: ReadonlyMap<string, Method | null>) {
  const codings = (concept as { coding?: unknown } | undefined)?.coding;
  if (!Array.isArray(codings)) return undefined;
  for (const c of codings as { system?: unknown; code?: unknown }[]) {
    if (typeof c?.system !== 'string' || typeof c.code !== 'string') continue;
    if (!BP_SYSTEMS.has(c.system)) continue;
    const method = table.get(c.code.trim());
    if (method !== undefined) return { method: method ?? undefined };
  }
  return undefined;
}

export type BloodPressurePart = 'systolic' | 'diastolic';

/** Whether a code names the systolic or diastolic half (and how it was taken). */
export function partOf(concept: unknown): { part: BloodPressurePart; method?: Method } | undefined {
  const systolic = lookup(concept, SYSTOLIC);
  if (systolic) return { part: 'systolic', ...systolic };
  const diastolic = lookup(concept, DIASTOLIC);
  return diastolic ? { part: 'diastolic', ...diastolic } : undefined;
}

/** Whether a code names a blood pressure panel (header), and how it was taken. */
export function panelOf(concept: unknown): { method?: Method } | undefined {
  return lookup(concept, PANELS);
}

/** No components: one shared empty list for the Observations (nearly all) that have none. */
const NO_PARTS: readonly Json[] = Object.freeze([]);

/** One reading to build: the resource that carries it and where each half's value sits. */
export interface BloodPressureUnit {
  /** The resource the entry is named after (the panel, or the systolic half when there is none). */
  header: Json;
  systolic?: Json;
  diastolic?: Json;
  method?: Method;
}

/**
 * Finds every blood pressure in a set of Observations, whatever shape the source used:
 *
 * 1. a panel with systolic/diastolic `component`s (GP Connect's triple, UK Core vital signs);
 * 2. an Observation whose members (`related` has-member in STU3, `hasMember` in R4) are the
 *    halves, with or without a panel code (GP Connect: a pair recorded without a panel);
 * 3. separate systolic and diastolic Observations with nothing linking them: paired when they
 *    have the same effective time and method, one systolic with one diastolic.
 *
 * A half that finds no partner is its own unit (shown unpaired). `consumed` holds every resource
 * used, so the results section does not show the halves again.
 */
export function* groupBloodPressures(
  observations: readonly Json[],
  members: (observation: Json) => Json[],
): Steps<{ units: BloodPressureUnit[]; consumed: Set<Json> }> {
  const units: BloodPressureUnit[] = [];
  const consumed = new Set<Json>();
  const add = (header: Json, parts: readonly Json[], panel: Method, used: Json[]) => {
    const systolic = parts.find((p) => partOf(p.code)?.part === 'systolic');
    const diastolic = parts.find((p) => partOf(p.code)?.part === 'diastolic');
    for (const u of used) consumed.add(u);
    units.push(unitOf(header, systolic, diastolic, panel));
  };
  for (let i = 0; i < observations.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const observation = observations[i]!;
    if (consumed.has(observation)) continue;
    const components =
      observation.component === undefined
        ? NO_PARTS
        : array(observation.component)
            .map(record)
            .filter((c): c is Json => c !== undefined && partOf(c.code) !== undefined);
    const panel = panelOf(observation.code);
    if (components.length > 0) {
      add(observation, components, panel?.method, [observation]);
      continue;
    }
    const own = partOf(observation.code);
    if (!panel && !own) continue;
    const memberHalves = members(observation).filter((m) => !consumed.has(m) && partOf(m.code));
    if (panel) {
      // A panel with no halves at all is still a blood pressure: counted, not a result.
      add(observation, memberHalves, panel.method, [observation, ...memberHalves]);
    } else if (memberHalves.length > 0) {
      add(observation, [observation, ...memberHalves], undefined, [observation, ...memberHalves]);
    }
  }
  const halves: Json[] = [];
  for (let i = 0; i < observations.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const observation = observations[i]!;
    if (!consumed.has(observation) && partOf(observation.code)) halves.push(observation);
  }
  yield* pairLoneHalves(halves, units, consumed);
  return { units, consumed };
}

/** A unit of its header and halves, taken by the panel's method, else either half's. */
function unitOf(
  header: Json,
  systolic: Json | undefined,
  diastolic: Json | undefined,
  panel: Method,
): BloodPressureUnit {
  const unit: BloodPressureUnit = { header };
  if (systolic) unit.systolic = systolic;
  if (diastolic) unit.diastolic = diastolic;
  const method = panel ?? partOf(systolic?.code)?.method ?? partOf(diastolic?.code)?.method;
  if (method) unit.method = method;
  return unit;
}

/** Separate halves with the same effective time and method make one reading; the rest stand alone. */
function* pairLoneHalves(
  halves: Json[],
  units: BloodPressureUnit[],
  consumed: Set<Json>,
): Steps<void> {
  const waiting = new Map<string, Json[]>();
  const keyOf = (o: Json) =>
    `${text(o.effectiveDateTime) ?? text(record(o.effectivePeriod)?.start) ?? ''}|${partOf(o.code)?.method ?? ''}`;
  for (let i = 0; i < halves.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const half = halves[i]!;
    const part = partOf(half.code)!.part;
    const key = keyOf(half);
    const queue = waiting.get(key) ?? [];
    // A timed queue only ever holds halves of one part (one of the other would have paired), so
    // its first half is the partner or none is: no scan of the queue per half.
    const paired =
      !key.startsWith('|') && queue.length > 0 && partOf(queue[0]!.code)!.part !== part;
    if (paired) {
      const partner = queue.shift();
      const systolic = part === 'systolic' ? half : partner!;
      const diastolic = part === 'systolic' ? partner! : half;
      units.push(unitOf(systolic, systolic, diastolic, undefined));
      consumed.add(half).add(partner!);
    } else {
      queue.push(half);
      waiting.set(key, queue);
    }
  }
  for (const queue of waiting.values()) {
    for (let i = 0; i < queue.length; i++) {
      if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
      const half = queue[i]!;
      const part = partOf(half.code)!.part;
      units.push(
        part === 'systolic'
          ? unitOf(half, half, undefined, undefined)
          : unitOf(half, undefined, half, undefined),
      );
      consumed.add(half);
    }
  }
}

/** Members of an Observation: STU3 `related` (has-member or untyped) and R4 `hasMember`. */
export function memberReferences(observation: Json): unknown[] {
  return [
    ...array(observation.related)
      .map(record)
      .filter((r) => r && (r.type === undefined || codeValue(r.type) === 'has-member'))
      .map((r) => r?.target),
    ...array(observation.hasMember),
  ];
}
