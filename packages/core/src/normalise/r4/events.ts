import { compareNewestFirst } from '../shared/compare-dates.js';
import { ODS_ORGANISATION_SYSTEM, countIn, emptyDiagnostics } from '../../model/common.js';
import type { CareEvent, EventsSection } from '../../model/clinical.js';
import {
  ADMISSION_CLASSES,
  EMERGENCY_CLASSES,
  ENCOUNTER_STATUS,
  REFERRAL_CATEGORY,
} from '../shared/encounters.js';
import { codingsOf, codingsOfEach, hasSnomedCode } from '../shared/coding.js';
import { array, firstDate, record, text } from '../shared/read.js';
import { admit, entryBase, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, sortSteps, type Steps } from '../turns.js';
import { ownValue } from '../../own-value.js';
import { provenanceWith } from '../shared/provenance.js';

const REQUEST_STATUS: Record<string, CareEvent['status']> = {
  draft: 'planned',
  active: 'in-progress',
  'on-hold': 'in-progress',
  completed: 'finished',
  revoked: 'cancelled',
};

/**
 * UK Core Encounter (class IMP and other inpatient classes = admission, else encounter) and
 * ServiceRequest categorised as a patient referral → one list of events, newest first. Other
 * service requests (tests, imaging) are not events and are counted as dropped.
 */
export function* eventsSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<EventsSection> {
  const diagnostics = emptyDiagnostics();
  const entries: CareEvent[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const type = record(resource)?.resourceType;
    const isReferral = type === 'ServiceRequest';
    const r = admit(resource, isReferral ? 'ServiceRequest' : 'Encounter', context, diagnostics);
    if (!r) continue;
    if (isReferral) {
      if (!array(r.category).some((c) => hasSnomedCode(codingsOf(c), REFERRAL_CATEGORY))) {
        countIn(diagnostics.dropped, 'service request that is not a referral');
        continue;
      }
      const status = ownValue(REQUEST_STATUS, String(r.status)) ?? 'unknown';
      const start = firstDate(r.authoredOn, r.occurrenceDateTime);
      const codes = codingsOf(r.code);
      const base = entryBase(r, codes, status, start, context, diagnostics);
      if (!base) continue;
      // The base entry is this referral's own: completed in place, not copied.
      const referral = base as CareEvent;
      referral.kind = 'referral';
      referral.status = status;
      referral.type = codes;
      if (start) referral.start = start;
      addReferralDetails(referral, r);
      entries.push(referral);
      continue;
    }
    const status = ownValue(ENCOUNTER_STATUS, String(r.status)) ?? 'unknown';
    const start = firstDate(record(r.period)?.start);
    const end = firstDate(record(r.period)?.end);
    const typeCodes = codingsOfEach(r.type);
    const encounterClass = record(r.class);
    const classCode =
      typeof encounterClass?.system === 'string' && typeof encounterClass.code === 'string'
        ? encounterClass.code
        : undefined;
    // An Encounter with only its class (1..1 in R4; type is 0..*) is still an event, named by
    // the class's display, or its code when it has none (e.g. `AMB`).
    const classCoding =
      typeCodes.length > 0 || classCode === undefined
        ? undefined
        : codingsOf({ coding: [r.class] })[0];
    const codes = classCoding
      ? [{ ...classCoding, display: classCoding.display ?? classCoding.code }]
      : typeCodes;
    // The type's own term when it has no coding (e.g. "Telephone consultation"): see terms.ts.
    const base = entryBase(r, codes, status, start, context, diagnostics, array(r.type)[0]);
    if (!base) continue;
    // The encounter's serviceProvider is its recorder organisation (the private-entry rule).
    const provider = record(record(r.serviceProvider)?.identifier);
    const providerOds =
      provider?.system === ODS_ORGANISATION_SYSTEM ? text(provider.value) : undefined;
    const location = text(record(record(array(r.location)[0])?.location)?.display);
    const practitioner = text(record(record(array(r.participant)[0])?.individual)?.display);
    const organisation = text(record(r.serviceProvider)?.display);
    // The base entry is this encounter's own: completed in place, fields in the order they have
    // always had, rather than copied into one more object per encounter.
    const event = base as CareEvent;
    if (providerOds) {
      const { source, recorder, recorded } = base.provenance;
      event.provenance = provenanceWith(source, providerOds, providerOds, recorder, recorded);
    }
    event.kind = classCode && ADMISSION_CLASSES.has(classCode) ? 'admission' : 'encounter';
    event.status = status;
    event.type = typeCodes;
    if (classCode && EMERGENCY_CLASSES.has(classCode)) event.emergency = true;
    if (start) event.start = start;
    if (end) event.end = end;
    if (location) event.location = location;
    if (practitioner) event.practitioner = practitioner;
    if (organisation) event.organisation = organisation;
    entries.push(event);
  }
  yield* sortSteps(entries, (a, b) => compareNewestFirst(a.date, b.date));
  return { entries, warnings: [], diagnostics };
}

/** {@link eventsSteps} run at once. */
export function eventsFromR4(resources: readonly unknown[], context: R4Context): EventsSection {
  return runNow(eventsSteps(resources, context));
}

const PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;

/**
 * A referral's service (`performerType`: the kind of service or specialty asked to act; `code`,
 * the request itself, is already its `type`), priority and recipients (`performer`, by display).
 */
function addReferralDetails(referral: CareEvent, r: Record<string, unknown>): void {
  const service = codingsOfEach(r.performerType);
  const priority = PRIORITIES.find((p) => p === r.priority);
  const recipients = array(r.performer)
    .map((p) => text(record(p)?.display))
    .filter((n): n is string => n !== undefined);
  if (service.length > 0) referral.service = service;
  if (priority) referral.priority = priority;
  if (recipients.length > 0) referral.recipients = recipients;
}
