/**
 * Medicines R4 → GP Connect STU3: per authorisation (R4 MedicationRequest intent plan) a
 * MedicationStatement, the plan MedicationRequest and a Medication; issues (intent order) follow
 * when asked for. Every one keeps the R4 plan's id, so the two paths give the same model ids.
 */
import {
  GPC_LAST_ISSUE_DATE_EXTENSION,
  GPC_MEDICATION_STATUS_REASON_EXTENSION,
  GPC_PRESCRIPTION_TYPE_EXTENSION,
  GPC_PRESCRIPTION_TYPE_SYSTEM,
  GPC_REPEAT_INFORMATION_EXTENSION,
  UKCORE_REPEAT_INFORMATION_EXTENSION,
} from '../codes.js';
import { compact, gpcProfile, stu3Concept, type Stu3Resource } from './stu3.js';

export interface MedicationSelection {
  includeIssues: boolean;
  fromDate?: string;
}

const isRepeat = (plan: fhir4.MedicationRequest) =>
  plan.courseOfTherapyType?.coding?.some((c) => c.code === 'continuous') ?? false;

/** Active on or after `from`, per GP Connect's medicationSearchFromDate rules. */
function activeFrom(plan: fhir4.MedicationRequest, from: string | undefined): boolean {
  if (!from) return true;
  const end = plan.dispenseRequest?.validityPeriod?.end;
  if (end) return end >= from;
  return isRepeat(plan) || (plan.authoredOn ?? '') >= from;
}

export function medicationsToStu3(
  requests: readonly fhir4.MedicationRequest[],
  selection: MedicationSelection,
) {
  const plans = requests.filter((r) => r.intent === 'plan' && activeFrom(r, selection.fromDate));
  const planIds = new Set(plans.map((p) => p.id));
  const orders = requests.filter(
    (r) => r.intent === 'order' && planIds.has(r.basedOn?.[0]?.reference?.split('/')[1]),
  );
  const statements: Stu3Resource[] = [];
  const others: Stu3Resource[] = [];
  for (const plan of plans) {
    const planOrders = orders.filter(
      (o) => o.basedOn?.[0]?.reference === `MedicationRequest/${plan.id}`,
    );
    // An issue's date is its prescription date (validity period start), not authoredOn.
    const lastIssue = planOrders
      .map((o) => o.dispenseRequest?.validityPeriod?.start ?? o.authoredOn ?? '')
      .sort()
      .at(-1);
    const medicationRef = { reference: `Medication/${plan.id}` };
    const stopped = plan.status === 'stopped';
    statements.push(
      compact({
        resourceType: 'MedicationStatement',
        id: plan.id!,
        meta: compact({ ...gpcProfile('MedicationStatement'), security: plan.meta?.security }),
        extension: lastIssue
          ? [{ url: GPC_LAST_ISSUE_DATE_EXTENSION, valueDateTime: lastIssue }]
          : undefined,
        basedOn: [{ reference: `MedicationRequest/${plan.id}` }],
        status:
          plan.status === 'stopped'
            ? 'stopped'
            : plan.status === 'completed'
              ? 'completed'
              : 'active',
        medicationReference: medicationRef,
        effectivePeriod: compact({
          start: plan.authoredOn,
          end: plan.dispenseRequest?.validityPeriod?.end,
        }),
        dateAsserted: plan.authoredOn,
        subject: plan.subject,
        taken: 'unk',
        dosage: plan.dosageInstruction?.map((d) => ({ text: d.text })),
      }),
    );
    others.push({
      resourceType: 'Medication',
      id: plan.id!,
      meta: gpcProfile('Medication'),
      code: stu3Concept(plan.medicationCodeableConcept),
    });
    others.push(requestToStu3(plan, medicationRef, stopped));
    if (selection.includeIssues)
      for (const order of planOrders) others.push(requestToStu3(order, medicationRef, false));
  }
  return { statements, others };
}

function requestToStu3(
  r: fhir4.MedicationRequest,
  medicationRef: fhir4.Reference,
  stopped: boolean,
): Stu3Resource {
  const type = isRepeat(r) ? ['repeat', 'Repeat'] : ['acute', 'Acute'];
  const statusReason =
    stopped && r.statusReason
      ? [
          {
            url: GPC_MEDICATION_STATUS_REASON_EXTENSION,
            extension: [
              { url: 'statusReason', valueCodeableConcept: stu3Concept(r.statusReason) },
              ...(r.dispenseRequest?.validityPeriod?.end
                ? [{ url: 'statusChangeDate', valueDateTime: r.dispenseRequest.validityPeriod.end }]
                : []),
            ],
          },
        ]
      : [];
  return compact({
    resourceType: 'MedicationRequest',
    id: r.id!,
    meta: compact({ ...gpcProfile('MedicationRequest'), security: r.meta?.security }),
    extension: [
      {
        url: GPC_PRESCRIPTION_TYPE_EXTENSION,
        valueCodeableConcept: {
          coding: [{ system: GPC_PRESCRIPTION_TYPE_SYSTEM, code: type[0], display: type[1] }],
        },
      },
      ...statusReason,
      ...repeatInformation(r),
    ],
    basedOn: r.basedOn,
    status: r.status,
    intent: r.intent,
    medicationReference: medicationRef,
    subject: r.subject,
    authoredOn: r.authoredOn,
    recorder: r.requester,
    dosageInstruction: r.dosageInstruction?.map((d) => ({ text: d.text })),
    dispenseRequest: compact({
      quantity: r.dispenseRequest?.quantity,
      expectedSupplyDuration: r.dispenseRequest?.expectedSupplyDuration,
      validityPeriod:
        r.dispenseRequest?.validityPeriod ?? (r.authoredOn ? { start: r.authoredOn } : undefined),
    }),
  });
}

/**
 * UK Core repeat information → the GP Connect extension: R4 `numberOfRepeatsAllowed` counts
 * repeats after the first dispense, GP Connect's `numberOfRepeatPrescriptionsAllowed` every issue.
 */
function repeatInformation(r: fhir4.MedicationRequest): Record<string, unknown>[] {
  const ukCore = r.extension?.find((e) => e.url === UKCORE_REPEAT_INFORMATION_EXTENSION);
  const allowed = r.dispenseRequest?.numberOfRepeatsAllowed;
  if (!ukCore && allowed === undefined) return [];
  const part = (url: string) => ukCore?.extension?.find((e) => e.url === url);
  const issued = part('numberOfPrescriptionsIssued')?.valueUnsignedInt;
  const expiry = part('authorisationExpiryDate')?.valueDateTime;
  return [
    {
      url: GPC_REPEAT_INFORMATION_EXTENSION,
      extension: [
        ...(allowed !== undefined
          ? [{ url: 'numberOfRepeatPrescriptionsAllowed', valuePositiveInt: allowed + 1 }]
          : []),
        ...(issued !== undefined
          ? [{ url: 'numberOfRepeatPrescriptionsIssued', valueUnsignedInt: issued }]
          : []),
        ...(expiry ? [{ url: 'authorisationExpiryDate', valueDateTime: expiry }] : []),
      ],
    },
  ];
}
