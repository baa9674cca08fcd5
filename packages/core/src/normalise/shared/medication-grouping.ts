import { compareIsoDates } from './compare-dates.js';
import type { Coding, Provenance } from '../../model/common.js';
import type { Medication, MedicationIssue, Quantity } from '../../model/clinical.js';
import { highRiskClassOf, type HighRiskClass } from './high-risk.js';

/** A medication authorisation (FHIR MedicationRequest intent `plan`, or a MedicationStatement). */
export interface MedicationPlan {
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
}

/**
 * Gives each medication its issues (oldest first) and derives `lastIssued`, `current` and
 * `highRisk`. Issues whose plan is unknown are returned for the caller to count as unparseable.
 */
export function groupMedications(
  plans: readonly MedicationPlan[],
  issues: readonly PlanIssue[],
  options: GroupingOptions,
): { medications: Medication[]; orphanIssues: PlanIssue[] } {
  const byPlan = new Map<string, MedicationIssue[]>();
  for (const plan of plans) byPlan.set(plan.id, []);
  const orphanIssues: PlanIssue[] = [];
  for (const issue of issues) {
    const list = byPlan.get(issue.planId);
    if (!list) orphanIssues.push(issue);
    else
      list.push({
        id: issue.id,
        date: issue.date,
        ...(issue.quantity && { quantity: issue.quantity }),
      });
  }
  const acuteWindow = options.acuteCurrentDays ?? 28;
  const medications = plans.map((plan): Medication => {
    const planIssues = (byPlan.get(plan.id) ?? []).sort((a, b) => compareIsoDates(a.date, b.date));
    const lastIssued = planIssues.at(-1);
    const highRiskClass = highRiskClassOf(plan.codes, plan.name, options.highRisk);
    const current =
      plan.status === 'active' &&
      (plan.kind === 'repeat' ||
        daysBetween(lastIssued?.date ?? plan.started, options.today) <= acuteWindow);
    return {
      id: plan.id,
      codes: plan.codes,
      display: plan.name,
      name: plan.name,
      status: plan.status,
      date: lastIssued?.date ?? plan.started,
      provenance: plan.provenance,
      kind: plan.kind,
      current,
      issues: planIssues,
      highRisk: highRiskClass !== undefined,
      ...(highRiskClass && { highRiskClass }),
      ...(plan.dosage && { dosage: plan.dosage }),
      ...(plan.quantity && { quantity: plan.quantity }),
      ...(plan.started && { started: plan.started }),
      ...(plan.stopped && { stopped: plan.stopped }),
      ...(plan.stoppedReason && { stoppedReason: plan.stoppedReason }),
      ...(lastIssued && { lastIssued }),
      ...(plan.security && { security: plan.security }),
    };
  });
  return { medications, orphanIssues };
}

function daysBetween(fromIso: string | undefined, toIso: string): number {
  if (!fromIso) return Number.POSITIVE_INFINITY;
  const from = Date.parse(fromIso.slice(0, 10));
  const to = Date.parse(toIso.slice(0, 10));
  if (Number.isNaN(from) || Number.isNaN(to)) return Number.POSITIVE_INFINITY;
  return (to - from) / 86_400_000;
}
