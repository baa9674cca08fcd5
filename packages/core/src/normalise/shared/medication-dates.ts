import type { MedicationIssue, MedicationRepeat } from '../../model/clinical.js';
import { DEFAULT_STALE_REPEAT, type StaleRepeatRule } from '../options.js';
import { compareIsoDates } from './compare-dates.js';
import { extensionNamed, finiteNumber, firstDate, record, text, type Json } from './read.js';
import { ownValue } from '../../own-value.js';

/**
 * The date rules of medication issues, shared by the GP Connect (STU3) and UK Core (R4) readers.
 * Sources: GP Connect Access Record Structured, MedicationRequest page
 * (`dispenseRequest.validityPeriod`: "Prescription start and end dates"; `authoredOn`:
 * "Authorisation date ... the audit trail dateTime for when the authorisation was entered") and
 * Medication resource relationships page (every `order` SHOULD carry its plan's `authoredOn`, so
 * `authoredOn` cannot date an issue).
 */

export const NOTE_ISSUE_DATED_BY_AUTHORED_ON =
  'issue dated by authoredOn (no dispenseRequest.validityPeriod.start)';
export const NOTE_LAST_ISSUE_FROM_SOURCE =
  "last issue date taken from the source's last-issue-date extension (issue not in the record)";
export const NOTE_LAST_ISSUE_EARLIER_IN_SOURCE =
  "source's last-issue-date extension is earlier than an issue in the record (record kept)";

/**
 * An issue's date: the order's `dispenseRequest.validityPeriod.start` (the prescription date).
 * Only where that is absent, `authoredOn`, reported so the caller can note the fallback.
 */
export function issueDateOf(order: Json): { date?: string; fromAuthoredOn?: true } {
  const prescribed = firstDate(record(record(order.dispenseRequest)?.validityPeriod)?.start);
  if (prescribed) return { date: prescribed };
  const authored = firstDate(order.authoredOn);
  return authored ? { date: authored, fromAuthoredOn: true } : {};
}

const DAYS_PER_UNIT: Record<string, number> = {
  d: 1,
  day: 1,
  days: 1,
  wk: 7,
  week: 7,
  weeks: 7,
  mo: 30,
  month: 30,
  months: 30,
};

/** `dispenseRequest.expectedSupplyDuration` in days (GP Connect sends the value as a string). */
export function expectedSupplyDaysOf(request: Json | undefined): number | undefined {
  const duration = record(record(request?.dispenseRequest)?.expectedSupplyDuration);
  const value = finiteNumber(duration?.value);
  if (value === undefined || value <= 0) return undefined;
  // `code` is sometimes an array in supplier data (e.g. `["d"]`): read its first string.
  const code = text(Array.isArray(duration?.code) ? duration.code[0] : duration?.code);
  const unit = (code ?? text(duration?.unit) ?? 'd').toLowerCase();
  const perUnit = ownValue(DAYS_PER_UNIT, unit);
  return perUnit === undefined ? undefined : Math.round(value * perUnit);
}

/** The repeat information, or undefined when none of it is known. */
export function repeatOrNothing(repeat: MedicationRepeat): MedicationRepeat | undefined {
  const entries = Object.entries(repeat).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as MedicationRepeat) : undefined;
}

/**
 * The last issue the model shows, reconciled with the source's own last-issue date (GP Connect
 * MedicationStatement `Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1`, UK Core
 * `Extension-UKCore-MedicationStatementLastIssueDate`). Dates are compared by day. The newest issue
 * held wins unless the source names a later day (the record lacks that issue: the source's date is
 * shown so "last issued" never contradicts the GP system); every disagreement is noted.
 */
export function reconcileLastIssue(
  newestHeld: MedicationIssue | undefined,
  sourceDate: string | undefined,
  medicationId: string,
): { lastIssued?: MedicationIssue; note?: string } {
  if (!sourceDate) return newestHeld ? { lastIssued: newestHeld } : {};
  const order = newestHeld
    ? compareIsoDates(sourceDate.slice(0, 10), newestHeld.date.slice(0, 10))
    : 1;
  if (order === 0) return { lastIssued: newestHeld! };
  if (order > 0)
    return {
      lastIssued: { id: `${medicationId}#last-issue-date`, date: sourceDate },
      note: NOTE_LAST_ISSUE_FROM_SOURCE,
    };
  return { lastIssued: newestHeld!, note: NOTE_LAST_ISSUE_EARLIER_IN_SOURCE };
}

/**
 * The day after which a repeat last issued on `lastIssued` counts as not issued since: more than
 * `supplyMultiple` × the supply one issue covers (for repeat dispensing, one issue is the whole
 * batch of `issuesAllowed` dispenses), else more than `monthsWithoutSupply` months.
 */
export function isStaleRepeat(
  lastIssued: string,
  repeat: MedicationRepeat | undefined,
  today: string,
  rule: StaleRepeatRule = DEFAULT_STALE_REPEAT,
): boolean {
  const last = dayNumber(lastIssued);
  const now = dayNumber(today);
  if (last === undefined || now === undefined) return false;
  const supply = repeat?.expectedSupplyDays;
  if (supply !== undefined) {
    const perIssue = repeat?.dispensing ? supply * Math.max(1, repeat.issuesAllowed ?? 1) : supply;
    return now - last > rule.supplyMultiple * perIssue;
  }
  const limit = dayNumber(addMonths(lastIssued.slice(0, 10), rule.monthsWithoutSupply));
  return limit !== undefined && now > limit;
}

function dayNumber(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** `2010-01-31` + 1 month = `2010-02-28`: calendar months, clamped to the month's last day. */
function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The statement's own last-issue date, in each form suppliers send it: GP Connect's
 * `Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1` (MedicationStatement page,
 * `extension[lastIssueDate]`), the Care Connect `Extension-CareConnect-MedicationStatementLastIssueDate-1`
 * and UK Core's `Extension-UKCore-MedicationStatementLastIssueDate`.
 */
export function lastIssueDateOf(statement: Json | undefined): string | undefined {
  for (const name of [
    'Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1',
    'Extension-CareConnect-MedicationStatementLastIssueDate-1',
    'Extension-UKCore-MedicationStatementLastIssueDate',
  ]) {
    const extension = extensionNamed(statement, name);
    const date = firstDate(extension?.valueDateTime, extension?.valueDate);
    if (date) return date;
  }
  return undefined;
}
