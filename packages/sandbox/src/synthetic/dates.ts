/** "Today" for the synthetic records: every date is counted back from here. */
export const SYNTHETIC_TODAY = '2026-11-20';

export function daysBefore(days: number, from = SYNTHETIC_TODAY): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
