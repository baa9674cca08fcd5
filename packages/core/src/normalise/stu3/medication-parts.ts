import type { Coding } from '../../model/common.js';
import type { Medication, MedicationRepeat, Quantity } from '../../model/clinical.js';
import { codingsOf } from '../shared/coding.js';
import { termOf, type Term } from '../shared/terms.js';
import { expectedSupplyDaysOf, repeatOrNothing } from '../shared/medication-dates.js';
import type { Stu3Context } from './context.js';
import {
  array,
  codeValue,
  extensionNamed,
  firstDate,
  finiteNumber,
  record,
  text,
  type Json,
} from '../shared/read.js';
import { ownValue } from '../../own-value.js';

/**
 * The medicine: from the referenced Medication resource (GP Connect's way), else an inline
 * `medicationCodeableConcept`, as a term (shared/terms.ts): coded as sent, or a transfer-degraded
 * or known-only-by-name medicine shown by its own term and marked, never dropped. dm+d concepts
 * arrive under `http://snomed.info/sct` from GP Connect and under `https://dmd.nhs.uk` from UK
 * Core: both are kept as sent, and the high-risk check matches a code whatever its system. A
 * coding with neither a display nor a text names nothing a clinician can read: `undefined`.
 */
export function medicineTerm(ctx: Stu3Context, resource: Json | undefined): Term | undefined {
  if (!resource) return undefined;
  const medication = ctx.index.resolve(resource.medicationReference, 'Medication');
  const term = termOf(medication?.code) ?? termOf(resource.medicationCodeableConcept);
  const bareCode = term && !term.degraded && term.display === term.codes[0]?.code;
  return bareCode ? undefined : term;
}

/**
 * The dosage instruction: only the structured `text` of `dosage` (MedicationStatement) or
 * `dosageInstruction` (MedicationRequest), which GP Connect defines as the dose directions.
 * `patientInstruction`, `note` and the quantity text extension are free text and never read.
 */
export function dosageText(
  statement: Json | undefined,
  plan: Json | undefined,
): string | undefined {
  for (const list of [statement?.dosage, plan?.dosageInstruction]) {
    const texts = array(list)
      .map((d) => text(record(d)?.text))
      .filter((t): t is string => t !== undefined)
      .map((t) => t.slice(0, 500));
    if (texts.length > 0) return texts.join('; ');
  }
  return undefined;
}

/** `dispenseRequest.quantity` as a number and unit (GP Connect examples send the value as a string). */
export function quantityOf(request: Json | undefined): Quantity | undefined {
  const quantity = record(record(request?.dispenseRequest)?.quantity);
  const value = finiteNumber(quantity?.value);
  const unit = text(quantity?.unit) ?? text(quantity?.code);
  if (value === undefined && !unit) return undefined;
  const result: Quantity = {};
  if (value !== undefined) result.value = value;
  if (unit) result.unit = unit.slice(0, 100);
  return result;
}

/**
 * Acute or repeat, from the PrescriptionType extension (`acute`, `repeat`, `repeat-dispensing`,
 * `delayed-prescribing`, ...). GP Connect says a medication not defined as acute or repeat must be
 * treated as repeat, which also errs towards showing a medicine as current.
 */
export function kindOf(...resources: (Json | undefined)[]): Medication['kind'] {
  for (const resource of resources) {
    const type = codingsOf(
      extensionNamed(resource, 'Extension-CareConnect-GPC-PrescriptionType-1')
        ?.valueCodeableConcept,
    )[0];
    if (!type) continue;
    return type.code.startsWith('acute') || type.code === 'delayed-prescribing'
      ? 'acute'
      : 'repeat';
  }
  return 'repeat';
}

const STATEMENT_STATUSES: Record<string, Medication['status']> = {
  active: 'active',
  completed: 'completed',
  stopped: 'stopped',
};
const PLAN_STATUSES: Record<string, Medication['status']> = {
  active: 'active',
  completed: 'completed',
  stopped: 'stopped',
  cancelled: 'stopped',
};

export function statusOf(
  statement: Json | undefined,
  plan: Json | undefined,
): Medication['status'] {
  const fromStatement = ownValue(STATEMENT_STATUSES, codeValue(statement?.status));
  if (fromStatement) return fromStatement;
  return ownValue(PLAN_STATUSES, codeValue(plan?.status)) ?? 'unknown';
}

/** When and why a medication was stopped, from the plan's MedicationStatusReason extension (coded reason only). */
export function stoppedOf(
  statement: Json | undefined,
  plan: Json | undefined,
): { stopped?: string; stoppedReason?: Coding[] } {
  const reason = extensionNamed(plan, 'Extension-CareConnect-GPC-MedicationStatusReason-1');
  const parts = array(reason?.extension).map(record);
  const changeDate = parts.find((p) => text(p?.url) === 'statusChangeDate')?.valueDateTime;
  const reasonCodes = codingsOf(
    parts.find((p) => text(p?.url) === 'statusReason')?.valueCodeableConcept,
  );
  const stopped = firstDate(
    changeDate,
    record(statement?.effectivePeriod)?.end,
    record(record(plan?.dispenseRequest)?.validityPeriod)?.end,
  );
  return {
    ...(stopped && { stopped }),
    ...(reasonCodes.length > 0 && { stoppedReason: reasonCodes }),
  };
}

export function startedOf(statement: Json | undefined, plan: Json | undefined): string | undefined {
  return firstDate(
    record(statement?.effectivePeriod)?.start,
    statement?.effectiveDateTime,
    record(record(plan?.dispenseRequest)?.validityPeriod)?.start,
    plan?.authoredOn,
  );
}

/** A sub-extension's number (`valuePositiveInt`, `valueUnsignedInt` or `valueInteger`). */
function countPart(parts: (Json | undefined)[], url: string): number | undefined {
  const part = parts.find((p) => text(p?.url) === url);
  const value = finiteNumber(
    part?.valuePositiveInt ?? part?.valueUnsignedInt ?? part?.valueInteger,
  );
  return value !== undefined && value >= 0 ? Math.floor(value) : undefined;
}

/**
 * Repeat information of a repeat authorisation (MedicationRequest page:
 * `extension[repeatInformation]` with `numberOfRepeatPrescriptionsAllowed` (the total number of
 * issues allowed: "there is no concept of an initial dispense"), `numberOfRepeatPrescriptionsIssued`
 * and `authorisationExpiryDate`; `dispenseRequest.expectedSupplyDuration`). Undefined for acutes.
 */
export function repeatOf(
  plan: Json | undefined,
  kind: Medication['kind'],
): MedicationRepeat | undefined {
  if (kind !== 'repeat' || !plan) return undefined;
  const info = extensionNamed(plan, 'Extension-CareConnect-GPC-MedicationRepeatInformation-1');
  const parts = array(info?.extension).map(record);
  const reviewDate = firstDate(
    parts.find((p) => text(p?.url) === 'authorisationExpiryDate')?.valueDateTime,
  );
  const type = codingsOf(
    extensionNamed(plan, 'Extension-CareConnect-GPC-PrescriptionType-1')?.valueCodeableConcept,
  )[0]?.code;
  return repeatOrNothing({
    issuesAllowed: countPart(parts, 'numberOfRepeatPrescriptionsAllowed'),
    issuesUsed: countPart(parts, 'numberOfRepeatPrescriptionsIssued'),
    reviewDate,
    expectedSupplyDays: expectedSupplyDaysOf(plan),
    dispensing: type === 'repeat-dispensing' ? true : undefined,
  });
}
