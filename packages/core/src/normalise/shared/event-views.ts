import type { CareEvent } from '../../model/clinical.js';
import { compareNewestFirst } from './compare-dates.js';

/**
 * What an urgent-care clinician asks of the events first: when was this patient last admitted,
 * and last seen in A&E. Read from the model (`kind` admission; `emergency`, the encounter class
 * `EMER`), so every element answers it the same way.
 */
export interface LatestEvents {
  /** The admission that started last. */
  admission?: CareEvent;
  /** The emergency (A&E) attendance that started last. */
  emergency?: CareEvent;
}

const startOf = (event: CareEvent) => event.start ?? event.date;

/** The latest admission and A&E attendance of an events section; undated events never count. */
export function latestEvents(section: { entries: readonly CareEvent[] }): LatestEvents {
  let admission: CareEvent | undefined;
  let emergency: CareEvent | undefined;
  const later = (a: CareEvent, b: CareEvent | undefined) =>
    startOf(a) !== undefined && (!b || compareNewestFirst(startOf(a), startOf(b)) < 0);
  for (const event of section.entries) {
    // Only what happened: a cancelled or a planned (booked) admission is not the last one.
    if (event.status === 'cancelled' || event.status === 'planned') continue;
    if (event.kind === 'admission' && later(event, admission)) admission = event;
    if (event.emergency && later(event, emergency)) emergency = event;
  }
  return { ...(admission && { admission }), ...(emergency && { emergency }) };
}
