import { compareIsoDates } from '@dcr-elements/core';
import type { CareEvent } from '@dcr-elements/core';

/**
 * The timeline's rows: events newest first, filtered by kind and date range, with a date header
 * row before each day's events. Presentation only; what each event is comes from the core.
 */

export const EVENT_KINDS = ['encounter', 'admission', 'referral'] as const;
export type EventKind = CareEvent['kind'];

export interface TimelineFilter {
  kinds: readonly EventKind[];
  /** Inclusive ISO dates (`2024-03-12`); empty for no bound. */
  from: string;
  to: string;
}

export type TimelineRow =
  | { type: 'date'; key: string; day: string | undefined; count: number }
  | { type: 'event'; key: string; day: string | undefined; event: CareEvent };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2024-03-12`, or an empty string for anything that is not an ISO date. */
export function isoDay(value: unknown): string {
  return typeof value === 'string' && ISO_DAY.test(value) ? value : '';
}

/** The calendar day an event happened on, as the source wrote it (no time-zone shift). */
export function eventDay(event: CareEvent): string | undefined {
  const day = (event.start ?? event.date)?.slice(0, 10);
  return day && ISO_DAY.test(day) ? day : undefined;
}

/** Newest first; undated events last. Stable, so the source's order breaks ties. */
export function newestFirst(events: readonly CareEvent[]): CareEvent[] {
  return [...events].sort((a, b) => compareIsoDates(b.start ?? b.date, a.start ?? a.date));
}

/** Parses the `kinds` attribute: space- or comma-separated kinds; unknown words are ignored. */
export function parseKinds(value: string | null): EventKind[] {
  const words = (value ?? '').split(/[\s,]+/);
  return EVENT_KINDS.filter((kind) => words.includes(kind));
}

/** The rows for `sorted` events (already newest first) under `filter`. */
export function timelineRows(
  sorted: readonly CareEvent[],
  filter: TimelineFilter,
): { rows: TimelineRow[]; events: number } {
  const kinds = new Set(filter.kinds);
  const ranged = filter.from !== '' || filter.to !== '';
  const rows: TimelineRow[] = [];
  let header: Extract<TimelineRow, { type: 'date' }> | undefined;
  let events = 0;
  for (const event of sorted) {
    if (!kinds.has(event.kind)) continue;
    const day = eventDay(event);
    // An undated event cannot be placed in a range: it is shown only when no range is set.
    if (ranged && (!day || (filter.from && day < filter.from) || (filter.to && day > filter.to)))
      continue;
    if (!header || header.day !== day) {
      header = { type: 'date', key: `date:${day ?? 'unknown'}`, day, count: 0 };
      rows.push(header);
    }
    header.count++;
    events++;
    rows.push({ type: 'event', key: `event:${event.kind}:${event.id}`, day, event });
  }
  return { rows, events };
}
