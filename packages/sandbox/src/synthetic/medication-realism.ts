/**
 * Medicines for the typical patient shaped as real GP systems send them (GP Connect consumer
 * guidance; GP2GP adaptor fragments), so the catalogue and tests exercise the medication rules:
 *
 * - issues EMIS-style: every order carries its authorisation's `authoredOn`, and the real
 *   prescription date in `dispenseRequest.validityPeriod.start` (the date the model must show);
 * - brand-name high-risk medicines coded with practice-local codes (Lantus, Priadel), which only
 *   the name lexicon can recognise, and a combination opioid (co-codamol) by SNOMED CT code;
 * - a stale repeat: lithium still "active" at the practice, last issued 14-Jan-2010;
 * - a recent acute (co-codamol, three months ago) that is no longer current but must still be
 *   shown by default ("Recent Acute Medication" in the GP Connect HTML view);
 * - repeat information (UK Core repeat-information extension, issues allowed, expected supply).
 */
import {
  SANDBOX_LOCAL_DRUG_SYSTEM,
  UKCORE_REPEAT_INFORMATION_EXTENSION,
  codeineWithParacetamol,
  type Code,
} from '../codes.js';
import { medicationCourse, type MedicationCourse } from './builders.js';
import { daysBefore } from './dates.js';
import type { RosterPatient } from './roster.js';

const lantus: Code = {
  system: SANDBOX_LOCAL_DRUG_SYSTEM,
  code: 'LANTUS-SOLOSTAR-3ML',
  display: 'Lantus 100units/ml SoloStar 3ml pre-filled pen',
};
const priadel: Code = {
  system: SANDBOX_LOCAL_DRUG_SYSTEM,
  code: 'PRIADEL-400-MR',
  display: 'Priadel 400mg modified-release tablets',
};

interface RepeatTerms {
  supplyDays: number;
  repeatsAllowed: number;
  reviewDate: string;
}

/**
 * A course as an EMIS-shaped authorisation and issues: orders dated by their validity period,
 * each keeping the plan's authoredOn; the plan with its repeat terms.
 */
function emisCourse(
  patient: RosterPatient,
  course: MedicationCourse,
  terms?: RepeatTerms,
): fhir4.MedicationRequest[] {
  const [plan, ...orders] = medicationCourse(patient, course);
  const withTerms: fhir4.MedicationRequest = terms
    ? {
        ...plan!,
        extension: [
          {
            url: UKCORE_REPEAT_INFORMATION_EXTENSION,
            extension: [
              { url: 'numberOfPrescriptionsIssued', valueUnsignedInt: orders.length },
              { url: 'authorisationExpiryDate', valueDateTime: terms.reviewDate },
            ],
          },
        ],
        dispenseRequest: {
          ...plan!.dispenseRequest,
          numberOfRepeatsAllowed: terms.repeatsAllowed,
          expectedSupplyDuration: {
            value: terms.supplyDays,
            unit: 'day',
            system: 'http://unitsofmeasure.org',
            code: 'd',
          },
        },
      }
    : plan!;
  const issues = orders.map((order, index) => ({
    ...order,
    authoredOn: course.authorised,
    dispenseRequest: {
      ...order.dispenseRequest,
      validityPeriod: { start: course.issues[index]! },
    },
  }));
  return [withTerms, ...issues];
}

/** Issue dates every `interval` days, the newest `lastDaysAgo` before the synthetic today. */
function every(count: number, interval: number, lastDaysAgo: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    daysBefore(lastDaysAgo + (count - 1 - i) * interval),
  );
}

export function typicalMedicationRealism(patient: RosterPatient): fhir4.MedicationRequest[] {
  return [
    ...emisCourse(
      patient,
      {
        id: 'typical-lantus',
        medicine: lantus,
        dose: '18 units at night',
        quantity: { value: 5, unit: 'pre-filled disposable injection' },
        kind: 'repeat',
        authorised: '2024-03-05',
        issues: every(10, 28, 12),
      },
      { supplyDays: 28, repeatsAllowed: 12, reviewDate: '2027-03-05' },
    ),
    ...emisCourse(
      patient,
      {
        id: 'typical-priadel',
        medicine: priadel,
        dose: 'One tablet at night',
        quantity: { value: 28, unit: 'tablet' },
        kind: 'repeat',
        authorised: '2008-06-10',
        issues: ['2009-10-22', '2009-11-19', '2009-12-17', '2010-01-14'],
      },
      { supplyDays: 28, repeatsAllowed: 5, reviewDate: '2010-06-10' },
    ),
    ...emisCourse(patient, {
      id: 'typical-co-codamol',
      medicine: codeineWithParacetamol,
      dose: 'One or two tablets every four to six hours when required, up to eight a day',
      quantity: { value: 30, unit: 'tablet' },
      kind: 'acute',
      authorised: daysBefore(95),
      issues: [daysBefore(95)],
    }),
  ];
}
