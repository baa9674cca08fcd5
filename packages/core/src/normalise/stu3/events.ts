import { compareIsoDates } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import type { CareEvent, EventsSection } from '../../model/clinical.js';
import { ADMISSION_CLASSES, ENCOUNTER_STATUS } from '../shared/encounters.js';
import { codingsOf, displayOf } from '../shared/coding.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { array, codeValue, firstDate, record, text, type Json } from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import type { SectionWarnings } from './section-warnings.js';

const REFERRAL_STATUSES: Record<string, CareEvent['status']> = {
  draft: 'planned',
  active: 'in-progress',
  suspended: 'in-progress',
  completed: 'finished',
  cancelled: 'cancelled',
};

/**
 * Events: GP Connect consultations (Encounter) as `encounter`, or `admission` when the class says
 * inpatient; ReferralRequests as `referral`. Encounter `type` is often only text ("Surgery
 * Consultation"), which is not carried: such events show a fixed label instead.
 */
export function eventsFromStu3(ctx: Stu3Context, warnings: SectionWarnings): EventsSection {
  const diagnostics = emptyDiagnostics();
  countMissingListEntries(ctx, 'events', diagnostics);
  const encounters = readEach(ctx, ctx.index.ofType('Encounter'), diagnostics, (e) => {
    const event = encounterEvent(ctx, e);
    if (!event) countIn(diagnostics.unparseable, 'Encounter without a date');
    return event;
  });
  const referrals = readEach(ctx, ctx.index.ofType('ReferralRequest'), diagnostics, (r) => {
    const event = referralEvent(ctx, r);
    if (!event) countIn(diagnostics.unparseable, 'ReferralRequest without a date');
    return event;
  });
  const entries = [...encounters, ...referrals].sort((a, b) => compareIsoDates(b.date, a.date));
  return { entries, warnings: warnings.for('events'), diagnostics };
}

function encounterEvent(ctx: Stu3Context, encounter: Json): CareEvent | undefined {
  const type = array(encounter.type).flatMap((t) => codingsOf(t));
  const admission = ADMISSION_CLASSES.has(codeValue(record(encounter.class)?.code) ?? '');
  const start = firstDate(record(encounter.period)?.start);
  const end = firstDate(record(encounter.period)?.end);
  if (!start) return undefined;
  const security = securityOf(encounter);
  const participants = array(encounter.participant).map((p) => record(p)?.individual);
  return {
    id: text(encounter.id)!,
    kind: admission ? 'admission' : 'encounter',
    codes: type,
    type,
    display: displayOf(type) ?? (admission ? 'Admission' : 'Consultation'),
    status: ENCOUNTER_STATUS[codeValue(encounter.status) ?? ''] ?? 'unknown',
    date: start,
    start,
    ...(end && { end }),
    // An encounter carries no recording date: its start is when it happened, not when it was written.
    // Its serviceProvider is its recorder organisation, so it is read first.
    provenance: provenanceOf(ctx, [encounter.serviceProvider, ...participants], undefined),
    ...(security && { security }),
  };
}

function referralEvent(ctx: Stu3Context, referral: Json): CareEvent | undefined {
  // The referral's coded purpose: service or specialty when given, else the coded reason
  // (GP Connect suppliers code "Referral to physiotherapist" there). `type` is only the kind of
  // request (e.g. Patient referral), the same for every referral; `description` is free text.
  const type = [
    ...array(referral.serviceRequested).flatMap((s) => codingsOf(s)),
    ...codingsOf(referral.specialty),
    ...array(referral.reasonCode).flatMap((r) => codingsOf(r)),
  ];
  const start = firstDate(
    referral.authoredOn,
    referral.occurrenceDateTime,
    record(referral.occurrencePeriod)?.start,
  );
  if (!start) return undefined;
  const security = securityOf(referral);
  return {
    id: text(referral.id)!,
    kind: 'referral',
    codes: type,
    type,
    display: displayOf(type) ?? 'Referral',
    status: REFERRAL_STATUSES[codeValue(referral.status) ?? ''] ?? 'unknown',
    date: start,
    start,
    provenance: provenanceOf(ctx, [record(referral.requester)?.agent], start),
    ...(security && { security }),
  };
}
