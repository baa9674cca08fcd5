import { compareIsoDates } from './compare-dates.js';
import { RESOURCES_PER_CHECKPOINT, type Steps } from '../turns.js';
import type { Coding, Provenance } from '../../model/common.js';
import type {
  Medication,
  MedicationIssue,
  MedicationRepeat,
  Quantity,
} from '../../model/clinical.js';
import type { StaleRepeatRule } from '../options.js';
import { highRiskClassOf, type HighRiskClass } from './high-risk.js';
import { markTerm } from './terms.js';
import { isStaleRepeat, reconcileLastIssue } from './medication-dates.js';

/** A medication authorisation (FHIR MedicationRequest intent `plan`, or a MedicationStatement). */
/** A medication before its issues are grouped; term marks as shared/terms.ts sets them. */
export interface MedicationPlan extends Pick<Medication, 'degraded' | 'uncoded' | 'originalCode'> {
  id: string;
  codes: Coding[];
  name: string;
  dosage?: string;
  quantity?: Quantity;
  kind: 'acute' | 'repeat';
  status: Medication['status'];
  started?: string;
  stopped?: string;
  stoppedReason?: Coding[];
  provenance: Provenance;
  /** `meta.security` labels, for the access policy (private and sensitive entries). */
  security?: Coding[];
  repeat?: MedicationRepeat;
  /** The source's own last-issue date (MedicationStatement last-issue-date extension). */
  sourceLastIssued?: string;
}

/** An issue (FHIR MedicationRequest intent `order`) and the plan it was issued against. */
export interface PlanIssue extends MedicationIssue {
  planId: string;
}

export interface GroupingOptions {
  highRisk: readonly HighRiskClass[];
  /** Today, for deciding whether an acute medication is still current. */
  today: string;
  /** An acute issued within this many days is current (default 28). */
  acuteCurrentDays?: number;
  staleRepeat?: StaleRepeatRule;
}

/**
 * Gives each medication its issues (oldest first) and derives `lastIssued` (reconciled with the
 * source's own last-issue date), `current`, `notIssuedSince` and `highRisk`. Issues whose plan is
 * unknown are returned for the caller to count as unparseable; `notes` counts the caveats for
 * `diagnostics.notes`.
 */
export function* groupMedications(
  plans: readonly MedicationPlan[],
  issues: readonly PlanIssue[],
  options: GroupingOptions,
): Steps<{ medications: Medication[]; orphanIssues: PlanIssue[]; notes: Record<string, number> }> {
  const notes: Record<string, number> = {};
  const byPlan = new Map<string, MedicationIssue[]>();
  for (let i = 0; i < plans.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const plan = plans[i]!;
    byPlan.set(plan.id, []);
  }
  const orphanIssues: PlanIssue[] = [];
  for (let i = 0; i < issues.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const issue = issues[i]!;
    const list = byPlan.get(issue.planId);
    if (!list) orphanIssues.push(issue);
    else {
      const copy: MedicationIssue = { id: issue.id, date: issue.date };
      if (issue.quantity) copy.quantity = issue.quantity;
      list.push(copy);
    }
  }
  const acuteWindow = options.acuteCurrentDays ?? 28;
  const medications: Medication[] = [];
  for (let i = 0; i < plans.length; i++) {
    if (i % RESOURCES_PER_CHECKPOINT === 0) yield;
    const plan = plans[i]!;
    const planIssues = byPlan.get(plan.id) ?? [];
    if (planIssues.length > 1) planIssues.sort(oldestIssueFirst);
    const { lastIssued, note } = reconcileLastIssue(
      planIssues.at(-1),
      plan.sourceLastIssued,
      plan.id,
    );
    if (note) notes[note] = (notes[note] ?? 0) + 1;
    const highRiskClass = highRiskClassOf(plan.codes, plan.name, options.highRisk);
    const current =
      plan.status === 'active' &&
      (plan.kind === 'repeat' ||
        daysBetween(lastIssued?.date ?? plan.started, options.today) <= acuteWindow);
    const notIssuedSince =
      current &&
      plan.kind === 'repeat' &&
      lastIssued &&
      isStaleRepeat(lastIssued.date, plan.repeat, options.today, options.staleRepeat)
        ? lastIssued.date
        : undefined;
    // Optional fields are set one by one, in their usual order, rather than spread from an object
    // made for each: a record holds tens of thousands of medicines.
    const medication = {
      id: plan.id,
      codes: plan.codes,
      display: plan.name,
      name: plan.name,
    } as Medication;
    markTerm(medication, plan);
    medication.status = plan.status;
    medication.date = lastIssued?.date ?? plan.started;
    medication.provenance = plan.provenance;
    medication.kind = plan.kind;
    medication.current = current;
    medication.issues = planIssues;
    medication.highRisk = highRiskClass !== undefined;
    if (highRiskClass) medication.highRiskClass = highRiskClass;
    if (plan.dosage) medication.dosage = plan.dosage;
    if (plan.quantity) medication.quantity = plan.quantity;
    if (plan.started) medication.started = plan.started;
    if (plan.stopped) medication.stopped = plan.stopped;
    if (plan.stoppedReason) medication.stoppedReason = plan.stoppedReason;
    if (lastIssued) medication.lastIssued = lastIssued;
    if (plan.repeat) medication.repeat = plan.repeat;
    if (notIssuedSince) medication.notIssuedSince = notIssuedSince;
    if (plan.security) medication.security = plan.security;
    medications.push(medication);
  }
  return { medications, orphanIssues, notes };
}

const oldestIssueFirst = (a: MedicationIssue, b: MedicationIssue) =>
  compareIsoDates(a.date, b.date);

function daysBetween(fromIso: string | undefined, toIso: string): number {
  if (!fromIso) return Number.POSITIVE_INFINITY;
  const from = Date.parse(fromIso.slice(0, 10));
  const to = Date.parse(toIso.slice(0, 10));
  if (Number.isNaN(from) || Number.isNaN(to)) return Number.POSITIVE_INFINITY;
  return (to - from) / 86_400_000;
}
