import { countIn, emptyDiagnostics, type Coding } from '../../model/common.js';
import type { MedicationsSection } from '../../model/clinical.js';
import { markTerm } from '../shared/terms.js';
import {
  NOTE_ISSUE_DATED_BY_AUTHORED_ON,
  issueDateOf,
  lastIssueDateOf,
} from '../shared/medication-dates.js';
import {
  groupMedications,
  type MedicationPlan,
  type PlanIssue,
} from '../shared/medication-grouping.js';
import { provenanceOf, securityOf, type Stu3Context } from './context.js';
import {
  dosageText,
  kindOf,
  medicineTerm,
  quantityOf,
  repeatOf,
  startedOf,
  statusOf,
  stoppedOf,
} from './medication-parts.js';
import { array, codeValue, firstDate, text, type Json } from '../shared/read.js';
import { countMissingListEntries, readEach } from './section-tools.js';
import type { Steps } from '../turns.js';
import type { SectionWarnings } from './section-warnings.js';

/**
 * GP Connect medications → model. Each MedicationStatement (the summary line) is merged with the
 * MedicationRequest `plan` it is `basedOn` (the authorisation: type, quantity, repeat details);
 * a plan with no statement still becomes a medication. MedicationRequest `order`s are the issues,
 * each `basedOn` its plan. Grouping, last issue, "current" and high-risk come from the shared
 * rules so GP Connect and UK Core records behave alike.
 */
export function* medicationsFromStu3(
  ctx: Stu3Context,
  warnings: SectionWarnings,
): Steps<MedicationsSection> {
  const diagnostics: MedicationsSection['diagnostics'] = { ...emptyDiagnostics(), notes: {} };
  const notes = diagnostics.notes!;
  yield* countMissingListEntries(ctx, 'medications', diagnostics);
  const requests = ctx.index.ofType('MedicationRequest');
  const planRequests = requests.filter((r) => codeValue(r.resource.intent) === 'plan');
  const orderRequests = requests.filter((r) => codeValue(r.resource.intent) === 'order');
  const unknownIntent = requests.length - planRequests.length - orderRequests.length;
  for (let i = 0; i < unknownIntent; i++)
    countIn(diagnostics.unparseable, 'MedicationRequest with unknown intent');

  /** Plan MedicationRequest → the id of the medication it belongs to. */
  const medicationIdOfPlan = new Map<Json, string>();
  const plans: MedicationPlan[] = [];

  const fromStatements = yield* readEach(
    ctx,
    ctx.index.ofType('MedicationStatement'),
    diagnostics,
    (statement) => {
      const plan = array(statement.basedOn)
        .map((ref) => ctx.index.resolve(ref, 'MedicationRequest'))
        .find((r) => r !== undefined && codeValue(r.intent) === 'plan');
      const medication = medicationPlan(ctx, text(statement.id)!, statement, plan);
      if (!medication) {
        countIn(diagnostics.unparseable, 'MedicationStatement without a coded medicine');
        return undefined;
      }
      if (plan) medicationIdOfPlan.set(plan, medication.id);
      return medication;
    },
  );
  plans.push(...fromStatements);

  const planOnly = planRequests.filter((p) => !medicationIdOfPlan.has(p.resource));
  plans.push(
    ...(yield* readEach(ctx, planOnly, diagnostics, (plan) => {
      const medication = medicationPlan(ctx, text(plan.id)!, undefined, plan);
      if (!medication)
        countIn(diagnostics.unparseable, 'MedicationRequest without a coded medicine');
      else medicationIdOfPlan.set(plan, medication.id);
      return medication;
    })),
  );

  const issues = yield* readEach(
    ctx,
    orderRequests,
    diagnostics,
    (order): PlanIssue | undefined => {
      // The prescription date, never the authorisation's entry date (see medication-dates.ts).
      const { date, fromAuthoredOn } = issueDateOf(order);
      const plan = array(order.basedOn)
        .map((ref) => ctx.index.resolve(ref, 'MedicationRequest'))
        .find((r) => r !== undefined);
      const planId = plan ? medicationIdOfPlan.get(plan) : undefined;
      if (!date) {
        countIn(diagnostics.unparseable, 'issue without a date');
        return undefined;
      }
      if (!planId) {
        countIn(diagnostics.unparseable, 'issue without its authorisation');
        return undefined;
      }
      if (fromAuthoredOn) countIn(notes, NOTE_ISSUE_DATED_BY_AUTHORED_ON);
      const quantity = quantityOf(order);
      return { id: text(order.id)!, date, planId, ...(quantity && { quantity }) };
    },
  );

  const grouped = yield* groupMedications(plans, issues, {
    highRisk: ctx.options.highRisk,
    today: ctx.options.today,
    ...(ctx.options.staleRepeat && { staleRepeat: ctx.options.staleRepeat }),
  });
  const { medications, orphanIssues } = grouped;
  for (const [note, count] of Object.entries(grouped.notes))
    notes[note] = (notes[note] ?? 0) + count;
  for (let i = 0; i < orphanIssues.length; i++)
    countIn(diagnostics.unparseable, 'issue without its authorisation');
  const security = securityByMedication(ctx, medicationIdOfPlan);
  return {
    entries: medications.map((m) =>
      security.get(m.id) ? { ...m, security: security.get(m.id)! } : m,
    ),
    warnings: warnings.for('medications'),
    diagnostics,
  };
}

function medicationPlan(
  ctx: Stu3Context,
  id: string,
  statement: Json | undefined,
  plan: Json | undefined,
): MedicationPlan | undefined {
  const term = medicineTerm(ctx, statement) ?? medicineTerm(ctx, plan);
  if (!term) return undefined;
  const { codes, display: name } = term;
  const dosage = dosageText(statement, plan);
  const quantity = quantityOf(plan);
  const started = startedOf(statement, plan);
  const status = statusOf(statement, plan);
  const { stopped, stoppedReason } = status === 'stopped' ? stoppedOf(statement, plan) : {};
  const recorded = firstDate(statement?.dateAsserted, plan?.authoredOn);
  const kind = kindOf(plan, statement);
  const repeat = repeatOf(plan, kind);
  const sourceLastIssued = lastIssueDateOf(statement);
  // Built field by field, in the order the fields have always had (shared/terms.ts, markTerm).
  const medication = { id, codes, name } as MedicationPlan;
  markTerm(medication, term);
  medication.kind = kind;
  medication.status = status;
  medication.provenance = provenanceOf(
    ctx,
    [plan?.recorder, statement?.informationSource],
    recorded,
  );
  if (dosage) medication.dosage = dosage;
  if (quantity) medication.quantity = quantity;
  if (started) medication.started = started;
  if (stopped) medication.stopped = stopped;
  if (stoppedReason) medication.stoppedReason = stoppedReason;
  if (repeat) medication.repeat = repeat;
  if (sourceLastIssued) medication.sourceLastIssued = sourceLastIssued;
  return medication;
}

/** Security labels of each medication's statement or plan, for the access policy. */
function securityByMedication(
  ctx: Stu3Context,
  medicationIdOfPlan: Map<Json, string>,
): Map<string, Coding[]> {
  const result = new Map<string, Coding[]>();
  for (const { resource } of ctx.index.ofType('MedicationStatement')) {
    const labels = securityOf(resource);
    const id = text(resource.id);
    if (labels && id && !result.has(id)) result.set(id, labels);
  }
  for (const [plan, id] of medicationIdOfPlan) {
    const labels = securityOf(plan);
    if (labels) result.set(id, [...(result.get(id) ?? []), ...labels]);
  }
  return result;
}
