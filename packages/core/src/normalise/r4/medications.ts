import { countIn, emptyDiagnostics } from '../../model/common.js';
import type {
  Medication,
  MedicationRepeat,
  MedicationsSection,
  Quantity,
} from '../../model/clinical.js';
import { codingsOfEach, firstCodeOf } from '../shared/coding.js';
import {
  NOTE_ISSUE_DATED_BY_AUTHORED_ON,
  expectedSupplyDaysOf,
  issueDateOf,
  lastIssueDateOf,
  repeatOrNothing,
} from '../shared/medication-dates.js';
import {
  groupMedications,
  type MedicationPlan,
  type PlanIssue,
} from '../shared/medication-grouping.js';
import {
  array,
  firstConceptCode,
  extensionNamed,
  finiteNumber,
  firstDate,
  record,
  text,
} from '../shared/read.js';
import { referenceIndexSteps, type ReferenceIndex } from '../shared/references.js';
import { markTerm } from '../shared/terms.js';
import { admit, entryBase, type R4Context } from './context.js';
import { RESOURCES_PER_CHECKPOINT, runNow, type Steps } from '../turns.js';

const ISSUE_INTENTS = new Set([
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
]);
const REPEAT_INFORMATION = /MedicationRepeatInformation/i;

/**
 * UK Core MedicationRequest (intent `plan` = the authorisation, intent `order` = each issue,
 * `basedOn` the plan), MedicationStatement and Medication → medications with their issues.
 *
 * Dosage: only `dosageInstruction[].text`, the dose instruction the prescriber authorised (what
 * is printed on the label); `note`, `patientInstruction` and `additionalInstruction` free text
 * never reach the model.
 */
export function* medicationsSteps(
  resources: readonly unknown[],
  context: R4Context,
): Steps<MedicationsSection> {
  const diagnostics: MedicationsSection['diagnostics'] = { ...emptyDiagnostics(), notes: {} };
  const notes = diagnostics.notes!;
  // The medicine: contained (`#id`), `_include`d, or a bundle entry (`urn:uuid:`), one resolver.
  const medicines =
    context.references ?? (yield* referenceIndexSteps(resources.map((resource) => ({ resource }))));
  const plans: MedicationPlan[] = [];
  const currentAsSent = new Set<string>();
  const issues: PlanIssue[] = [];
  const statements: Record<string, unknown>[] = [];
  for (let i = 0; i < resources.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const resource = resources[i]!;
    const type = record(resource)?.resourceType;
    if (type === 'Medication') continue;
    if (type === 'MedicationStatement') {
      const r = admit(resource, 'MedicationStatement', context, diagnostics);
      if (r) statements.push(r);
      continue;
    }
    const r = admit(resource, 'MedicationRequest', context, diagnostics);
    if (!r) continue;
    const plan = planOf(r, medicines, context, diagnostics);
    if (!plan) continue;
    if (!courseOf(r) && !basedOnPlan(r)) currentAsSent.add(plan.id);
    const basedOn = text(record(array(r.basedOn)[0])?.reference);
    // An issue is dated by its prescription (validity period) start; authoredOn only as a noted
    // fallback (see shared/medication-dates.ts).
    const { date: issueDate, fromAuthoredOn } = issueDateOf(r);
    if (ISSUE_INTENTS.has(String(r.intent)) && issueDate && fromAuthoredOn)
      countIn(notes, NOTE_ISSUE_DATED_BY_AUTHORED_ON);
    if (ISSUE_INTENTS.has(String(r.intent)) && basedOn && issueDate) {
      issues.push(
        issueOf(plan.id, basedOn.replace(/^.*MedicationRequest\//, ''), issueDate, plan.quantity),
      );
    } else if (r.intent === 'plan') {
      plans.push(plan);
    } else if (ISSUE_INTENTS.has(String(r.intent)) && issueDate) {
      // An order with no authorisation behind it: an acute prescription, issued once. The plan
      // is this order's own (planOf made it), so it is marked in place.
      plan.kind = 'acute';
      plans.push(plan);
      issues.push(issueOf(`${plan.id}-issue`, plan.id, issueDate, plan.quantity));
    } else {
      countIn(diagnostics.unparseable, 'MedicationRequest intent not a plan or order');
    }
  }
  const planById = new Map<string, MedicationPlan>();
  for (let i = 0; i < plans.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const plan = plans[i]!;
    planById.set(plan.id, plan);
  }
  for (let i = 0; i < statements.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const r = statements[i]!;
    // A statement summarising an authorisation we already hold adds only its last-issue date.
    const basedOn = text(record(array(r.basedOn)[0])?.reference)?.replace(
      /^.*MedicationRequest\//,
      '',
    );
    const held = basedOn ? planById.get(basedOn) : undefined;
    const sourceLastIssued = lastIssueDateOf(r);
    if (held) {
      if (sourceLastIssued) held.sourceLastIssued = sourceLastIssued;
      continue;
    }
    const plan = planOf(r, medicines, context, diagnostics);
    if (plan && !courseOf(r)) currentAsSent.add(plan.id);
    if (plan) plans.push(sourceLastIssued ? { ...plan, sourceLastIssued } : plan);
  }
  const grouped = yield* groupMedications(plans, issues, context.options);
  const { medications, orphanIssues } = grouped;
  for (const [note, count] of Object.entries(grouped.notes))
    notes[note] = (notes[note] ?? 0) + count;
  // Active with no course of therapy: current as the source says (the acute window is for
  // GP-style acute issues, whose course the source states).
  for (const m of medications)
    if (m.status === 'active' && currentAsSent.has(m.id)) m.current = true;
  for (let i = 0; i < orphanIssues.length; i++)
    countIn(diagnostics.unparseable, 'issue without its authorisation');
  return { entries: medications, warnings: [], diagnostics };
}

/** {@link medicationsSteps} run at once. */
export function medicationsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): MedicationsSection {
  return runNow(medicationsSteps(resources, context));
}

function issueOf(id: string, planId: string, date: string, quantity?: Quantity): PlanIssue {
  const issue: PlanIssue = { id, planId, date };
  if (quantity) issue.quantity = quantity;
  return issue;
}

function planOf(
  r: Record<string, unknown>,
  medicines: ReferenceIndex,
  context: R4Context,
  diagnostics: MedicationsSection['diagnostics'],
): MedicationPlan | undefined {
  const medication = record(r.medicationReference)
    ? medicines.resolve(r.medicationReference, r)
    : undefined;
  // The medicine as a concept: a known-only-by-name or transfer-degraded medicine is shown by its
  // term and marked (shared/terms.ts), never dropped.
  const concept = record(r.medicationReference)
    ? medication?.resourceType === 'Medication'
      ? medication.code
      : undefined
    : r.medicationCodeableConcept;
  const status = statusOf(r.status);
  const started = firstDate(
    r.authoredOn,
    record(r.effectivePeriod)?.start,
    r.effectiveDateTime,
    r.dateAsserted,
  );
  // The concept's codings are read once, by the term rule, and come back as `base.codes`.
  const base = entryBase(r, undefined, status, started, context, diagnostics, concept);
  if (!base) return undefined;
  const dosage = array(r.dosageInstruction ?? r.dosage)
    .map((d) => text(record(d)?.text))
    .filter((t): t is string => t !== undefined)
    .join('; ');
  const quantity = quantityOf(record(r.dispenseRequest)?.quantity);
  const stopped =
    status === 'stopped'
      ? firstDate(
          record(record(r.dispenseRequest)?.validityPeriod)?.end,
          record(r.effectivePeriod)?.end,
        )
      : undefined;
  const stoppedReason = status === 'stopped' ? codingsOfEach(r.statusReason ?? r.reasonCode) : [];
  const kind = isRepeat(r) ? 'repeat' : 'acute';
  const repeat = kind === 'repeat' ? repeatOf(r) : undefined;
  // Built field by field, in the order the fields have always had: one object per plan, not one
  // more per optional field (records of 100,000 entries).
  const plan: MedicationPlan = {
    id: base.id,
    // No medicine concept (a reference that resolves to no Medication): no codes, as before,
    // although entryBase names the entry from the resource's own code.
    codes: concept === undefined ? [] : base.codes,
    name: base.display,
    kind,
    status,
    provenance: base.provenance,
  };
  if (base.security) plan.security = base.security;
  if (dosage) plan.dosage = dosage;
  if (quantity) plan.quantity = quantity;
  if (started) plan.started = started;
  if (stopped) plan.stopped = stopped;
  if (stoppedReason.length > 0) plan.stoppedReason = stoppedReason;
  if (repeat) plan.repeat = repeat;
  markTerm(plan, base);
  return plan;
}

/**
 * UK Core repeat information: `Extension-UKCore-MedicationRepeatInformation`
 * (`numberOfPrescriptionsIssued`, `authorisationExpiryDate`; the older `numberOfRepeatPrescriptions*`
 * names too), `dispenseRequest.numberOfRepeatsAllowed` (FHIR R4: repeats "in addition to the
 * original dispense", so issues allowed = value + 1) and `expectedSupplyDuration`.
 */
function repeatOf(r: Record<string, unknown>): MedicationRepeat | undefined {
  const parts = array(
    extensionNamed(r, 'Extension-UKCore-MedicationRepeatInformation')?.extension,
  ).map(record);
  const count = (...urls: string[]) => {
    const part = parts.find((p) => urls.includes(text(p?.url) ?? ''));
    const value = finiteNumber(
      part?.valueUnsignedInt ?? part?.valuePositiveInt ?? part?.valueInteger,
    );
    return value !== undefined && value >= 0 ? Math.floor(value) : undefined;
  };
  const repeatsAllowed = finiteNumber(record(r.dispenseRequest)?.numberOfRepeatsAllowed);
  const course = firstCodeOf(r.courseOfTherapyType);
  return repeatOrNothing({
    issuesAllowed:
      count('numberOfRepeatPrescriptionsAllowed') ??
      (repeatsAllowed !== undefined && repeatsAllowed >= 0 ? repeatsAllowed + 1 : undefined),
    issuesUsed: count('numberOfPrescriptionsIssued', 'numberOfRepeatPrescriptionsIssued'),
    reviewDate: firstDate(
      parts.find((p) => text(p?.url) === 'authorisationExpiryDate')?.valueDateTime,
    ),
    expectedSupplyDays: expectedSupplyDaysOf(r),
    dispensing: course === 'continuous-repeat-dispensing' ? true : undefined,
  });
}

const courseOf = (r: Record<string, unknown>) =>
  r.courseOfTherapyType === undefined ? undefined : firstConceptCode(r.courseOfTherapyType);
const basedOnPlan = (r: Record<string, unknown>) => array(r.basedOn).length > 0;

function isRepeat(r: Record<string, unknown>): boolean {
  const course = courseOf(r);
  if (course === 'continuous' || course === 'continuous-repeat-dispensing') return true;
  if (course === 'acute') return false;
  return array(r.extension).some((e) => REPEAT_INFORMATION.test(text(record(e)?.url) ?? ''));
}

function statusOf(status: unknown): Medication['status'] {
  switch (status) {
    case 'active':
    case 'intended':
      return 'active';
    case 'completed':
      return 'completed';
    case 'stopped':
    case 'cancelled':
      return 'stopped';
    default:
      return 'unknown';
  }
}

function quantityOf(value: unknown): Quantity | undefined {
  const q = record(value);
  const amount = finiteNumber(q?.value);
  const unit = text(q?.unit) ?? text(q?.code);
  if (amount === undefined && !unit) return undefined;
  const quantity: Quantity = {};
  if (amount !== undefined) quantity.value = amount;
  if (unit) quantity.unit = unit;
  return quantity;
}
