import { countIn, emptyDiagnostics } from '../../model/common.js';
import type { Medication, MedicationsSection, Quantity } from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import {
  groupMedications,
  type MedicationPlan,
  type PlanIssue,
} from '../shared/medication-grouping.js';
import { array, conceptCodes, finiteNumber, firstDate, record, text } from '../shared/read.js';
import { referenceIndex, type ReferenceIndex } from '../shared/references.js';
import { admit, entryBase, type R4Context } from './context.js';

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
export function medicationsFromR4(
  resources: readonly unknown[],
  context: R4Context,
): MedicationsSection {
  const diagnostics = emptyDiagnostics();
  // The medicine: contained (`#id`), `_include`d, or a bundle entry (`urn:uuid:`), one resolver.
  const medicines =
    context.references ?? referenceIndex(resources.map((resource) => ({ resource })));
  const plans: MedicationPlan[] = [];
  const currentAsSent = new Set<string>();
  const issues: PlanIssue[] = [];
  const statements: Record<string, unknown>[] = [];
  for (const resource of resources) {
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
    const issueDate = firstDate(r.authoredOn);
    if (ISSUE_INTENTS.has(String(r.intent)) && basedOn && issueDate) {
      issues.push({
        id: plan.id,
        planId: basedOn.replace(/^.*MedicationRequest\//, ''),
        date: issueDate,
        ...(plan.quantity && { quantity: plan.quantity }),
      });
    } else if (r.intent === 'plan') {
      plans.push(plan);
    } else if (ISSUE_INTENTS.has(String(r.intent)) && issueDate) {
      // An order with no authorisation behind it: an acute prescription, issued once.
      plans.push({ ...plan, kind: 'acute' });
      issues.push({
        id: `${plan.id}-issue`,
        planId: plan.id,
        date: issueDate,
        ...(plan.quantity && { quantity: plan.quantity }),
      });
    } else {
      countIn(diagnostics.unparseable, 'MedicationRequest intent not a plan or order');
    }
  }
  const planIds = new Set(plans.map((p) => p.id));
  for (const r of statements) {
    // A statement summarising an authorisation we already hold adds nothing.
    const basedOn = text(record(array(r.basedOn)[0])?.reference)?.replace(
      /^.*MedicationRequest\//,
      '',
    );
    if (basedOn && planIds.has(basedOn)) continue;
    const plan = planOf(r, medicines, context, diagnostics);
    if (plan && !courseOf(r)) currentAsSent.add(plan.id);
    if (plan) plans.push(plan);
  }
  const { medications, orphanIssues } = groupMedications(plans, issues, context.options);
  // Active with no course of therapy: current as the source says (the acute window is for
  // GP-style acute issues, whose course the source states).
  for (const m of medications)
    if (m.status === 'active' && currentAsSent.has(m.id)) m.current = true;
  for (let i = 0; i < orphanIssues.length; i++)
    countIn(diagnostics.unparseable, 'issue without its authorisation');
  return { entries: medications, warnings: [], diagnostics };
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
  const codes = record(r.medicationReference)
    ? codingsOf(medication?.resourceType === 'Medication' ? medication.code : undefined)
    : codingsOf(r.medicationCodeableConcept);
  const status = statusOf(r.status);
  const started = firstDate(
    r.authoredOn,
    record(r.effectivePeriod)?.start,
    r.effectiveDateTime,
    r.dateAsserted,
  );
  const base = entryBase(r, codes, status, started, context, diagnostics);
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
  const stoppedReason =
    status === 'stopped' ? array(r.statusReason ?? r.reasonCode).flatMap((c) => codingsOf(c)) : [];
  return {
    id: base.id,
    codes,
    name: base.display,
    kind: isRepeat(r) ? 'repeat' : 'acute',
    status,
    provenance: base.provenance,
    ...(base.security && { security: base.security }),
    ...(dosage && { dosage }),
    ...(quantity && { quantity }),
    ...(started && { started }),
    ...(stopped && { stopped }),
    ...(stoppedReason.length > 0 && { stoppedReason }),
  };
}

const courseOf = (r: Record<string, unknown>) => conceptCodes(r.courseOfTherapyType)[0];
const basedOnPlan = (r: Record<string, unknown>) => array(r.basedOn).length > 0;

function isRepeat(r: Record<string, unknown>): boolean {
  const course = courseOf(r);
  if (course === 'continuous') return true;
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
  return { ...(amount !== undefined && { value: amount }), ...(unit && { unit }) };
}
