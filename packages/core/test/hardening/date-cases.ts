/**
 * Dates shaped like FHIR dates that name no real day, and real ones beside them (leap years,
 * partial dates), shared by the core and the element tests of impossible dates.
 */
export const IMPOSSIBLE_DATES: readonly string[] = [
  '2023-02-31',
  '2023-02-30',
  '2023-02-29', // 2023 is a common year
  '1900-02-29', // divisible by 100, not by 400
  '2023-04-31',
  '2023-06-31',
  '2023-09-31',
  '2023-11-31',
  '2023-13-01',
  '2023-00-10',
  '2023-01-00',
  '2023-01-32',
  '2023-13',
  '2023-00',
  '0000-01-01',
  '2023-02-31T10:00:00Z',
  '2023-01-01T24:00:00Z',
  '2023-01-01T10:60:00Z',
  '2023-01-01T10:00:60Z',
  '2023-01-01T10:00:00+15:00',
];

export const POSSIBLE_DATES: readonly string[] = [
  '2024-02-29',
  '2000-02-29',
  '1945-07-14',
  '2023-04-30',
  '2023-12-31',
  '2023-06',
  '2023',
  '2023-01-01T23:59:59Z',
];
