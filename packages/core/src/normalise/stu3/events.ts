import { compareNewestFirst } from '../shared/compare-dates.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import type { CareEvent, EventsSection } from '../../model/clinical.js';
import { ADMISSION_CLASSES, EMERGENCY_CLASSES, ENCOUNTER_STATUS } from '../shared/encounters.js';
import { codingsOf, codingsOfEach, displayOf } from '../shared/coding.js';
import { nameOf } from '../shared/names.js';
import { markTerm, termOf } from '../shared/terms.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import { array, codeValue, firstDate, record, text, type Json } from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import { sortSteps, type Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';
import { ownValue } from '../../own-value.js';

const REFERRAL_STATUSES: Record<string, CareEvent['status']> = {
  draft: 'planned',
  active: 'in-progress',
  suspended: 'in-progress',
  completed: 'finished',
  cancelled: 'cancelled',
};

const PRIORITIES = new Set<CareEvent['priority']>(['routine', 'urgent', 'asap', 'stat']);

/** HL7 NullFlavor codings ("UNK unknown") say nothing about the service: they are left out. */
const NULL_FLAVOR = /NullFlavor/i;

/**
 * Events: GP Connect consultations (Encounter) as `encounter`, or `admission` when the class says
 * inpatient; ReferralRequests as `referral`. An Encounter `type` sent only as text ("Telephone
 * consultation") is the consultation's own term: shown, marked uncoded (shared/terms.ts). Names of
 * the location, clinician and organisation come from the resources the references resolve to.
 */
export function* eventsFromStu3(ctx: Stu3Context, warnings: SectionWarnings): Steps<EventsSection> {
  const diagnostics = emptyDiagnostics();
  yield* countMissingListEntries(ctx, 'events', diagnostics);
  const encounters = yield* readEach(ctx, ctx.index.ofType('Encounter'), diagnostics, (e) => {
    const event = encounterEvent(ctx, e);
    if (!event) countIn(diagnostics.unparseable, 'Encounter without a date');
    return event;
  });
  // A referral with no date is still a referral the clinician should see: shown undated.
  const referrals = yield* readEach(ctx, ctx.index.ofType('ReferralRequest'), diagnostics, (r) =>
    referralEvent(ctx, r),
  );
  const entries = yield* sortSteps([...encounters, ...referrals], (a, b) =>
    compareNewestFirst(a.date, b.date),
  );
  return { entries, warnings: warnings.for('events'), diagnostics };
}

function encounterEvent(ctx: Stu3Context, encounter: Json): CareEvent | undefined {
  const start = firstDate(record(encounter.period)?.start);
  if (!start) return undefined;
  const end = firstDate(record(encounter.period)?.end);
  const types = array(encounter.type);
  // One type, as nearly every consultation has: its term's codings are the event's, not a copy.
  const terms = types.length === 1 ? undefined : types.map(termOf).filter((t) => t !== undefined);
  const term = terms ? terms[0] : termOf(types[0]);
  const type = terms ? terms.flatMap((t) => t.codes) : (term?.codes ?? []);
  const classCode = codeValue(record(encounter.class)?.code) ?? '';
  const admission = ADMISSION_CLASSES.has(classCode);
  const security = securityOf(encounter);
  const participants = array(encounter.participant).map((p) => record(p)?.individual);
  let location: string | undefined;
  for (const item of array(encounter.location)) {
    const ref = record(item)?.location;
    location = nameOf(ctx.index.resolve(ref, 'Location'), ref);
    if (location) break;
  }
  let practitioner: string | undefined;
  for (const ref of participants) {
    practitioner = nameOf(ctx.index.resolve(ref, 'Practitioner'), undefined);
    if (practitioner) break;
  }
  const organisation = nameOf(
    ctx.index.resolve(encounter.serviceProvider, 'Organization'),
    encounter.serviceProvider,
  );
  // Built field by field, in the order the fields have always had: one object per event, not one
  // more per optional field.
  const event = {
    id: text(encounter.id)!,
    kind: admission ? 'admission' : 'encounter',
    codes: type,
    type,
  } as CareEvent;
  if (EMERGENCY_CLASSES.has(classCode)) event.emergency = true;
  event.display = displayOf(type) ?? term?.display ?? (admission ? 'Admission' : 'Consultation');
  markTerm(event, term);
  if (location) event.location = location;
  if (practitioner) event.practitioner = practitioner;
  if (organisation) event.organisation = organisation;
  event.status = ownValue(ENCOUNTER_STATUS, codeValue(encounter.status)) ?? 'unknown';
  event.date = start;
  event.start = start;
  if (end) event.end = end;
  // An encounter carries no recording date: its start is when it happened, not when it was written.
  // Its serviceProvider is its recorder organisation, so it is read first.
  event.provenance = provenanceOf(ctx, [encounter.serviceProvider, ...participants], undefined);
  if (security) event.security = security;
  return event;
}

function referralEvent(ctx: Stu3Context, referral: Json): CareEvent {
  // The referral's coded purpose: service or specialty when given, else the coded reason
  // (GP Connect suppliers code "Referral to physiotherapist" there). `type` is only the kind of
  // request (e.g. Patient referral), the same for every referral; `description` is free text.
  const service = [
    ...codingsOfEach(referral.serviceRequested),
    ...codingsOf(referral.specialty),
  ].filter((c) => !NULL_FLAVOR.test(c.system));
  const type = [...service, ...codingsOfEach(referral.reasonCode)];
  const priority = codeValue(referral.priority) as CareEvent['priority'];
  const recipients = array(referral.recipient)
    .map((ref) =>
      nameOf(
        ctx.index.resolve(ref, 'Organization') ??
          ctx.index.resolve(ref, 'Practitioner') ??
          ctx.index.resolve(ref, 'HealthcareService'),
        ref,
      ),
    )
    .filter((n): n is string => n !== undefined);
  const start = firstDate(
    referral.authoredOn,
    referral.occurrenceDateTime,
    record(referral.occurrencePeriod)?.start,
  );
  const security = securityOf(referral);
  return {
    id: text(referral.id)!,
    kind: 'referral',
    codes: type,
    type,
    display: displayOf(type) ?? 'Referral',
    ...(service.length > 0 && { service }),
    ...(PRIORITIES.has(priority) && { priority }),
    ...(recipients.length > 0 && { recipients }),
    status: ownValue(REFERRAL_STATUSES, codeValue(referral.status)) ?? 'unknown',
    ...(start && { date: start, start }),
    provenance: provenanceOf(ctx, [record(referral.requester)?.agent], start),
    ...(security && { security }),
  };
}
