/**
 * Patients whose warnings live in ordinary coded entries, as GP systems record them: GP Connect
 * has no warnings list, so the palliative care register and a DNACPR decision reach an A&E
 * clinician only if they are derived from the problems and uncategorised data (core's
 * derived-warnings.ts). The same records are served as UK Core R4 and, converted, as GP Connect.
 */
import * as code from '../codes.js';
import { PROFILE, type Code } from '../codes.js';
import { concept, condition, GP_ID, patientResource } from './builders.js';
import { riskFlag } from './builders-events.js';
import { daysBefore } from './dates.js';
import { SANDBOX_PATIENTS, type RosterPatient } from './roster.js';

/**
 * A coded finding with no value and no category: GP Connect sends it as uncategorised data
 * (the sandbox's Miscellaneous record list), R4 as a plain Observation.
 */
function finding(
  patient: RosterPatient,
  id: string,
  finding: Code,
  date: string,
): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    meta: { profile: [PROFILE.Observation] },
    status: 'final',
    code: concept(finding),
    subject: { reference: `Patient/${patient.id}` },
    effectiveDateTime: date,
    issued: `${date}T11:20:00Z`,
    performer: [{ reference: `Practitioner/${GP_ID}` }],
  };
}

export function palliativePatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.palliative;
  return [
    patientResource(p),
    condition(p, 'palliative-heart-failure', {
      code: code.heartFailure,
      onset: '2019-10-04',
      kind: 'problem',
      status: 'active',
    }),
    condition(p, 'palliative-af', {
      code: code.atrialFibrillation,
      onset: '2017-05-22',
      kind: 'problem',
      status: 'active',
    }),
    condition(p, 'palliative-register', {
      code: code.onPalliativeCareRegister,
      onset: daysBefore(124),
      kind: 'problem',
      status: 'active',
    }),
    finding(p, 'palliative-eol-plan', code.hasEndOfLifeCarePlan, daysBefore(118)),
    finding(p, 'palliative-dnacpr', code.notForCardiopulmonaryResuscitation, daysBefore(118)),
  ];
}

export function safeguardingPatient(): fhir4.Resource[] {
  const p: RosterPatient = SANDBOX_PATIENTS.safeguarding;
  return [
    patientResource(p),
    condition(p, 'safeguarding-asthma', {
      code: code.asthma,
      onset: '2020-11-09',
      kind: 'problem',
      status: 'active',
    }),
    condition(p, 'safeguarding-cp-plan', {
      code: code.subjectToChildProtectionPlan,
      onset: daysBefore(201),
      kind: 'problem',
      status: 'active',
    }),
    // R4 only: GP Connect has no Flag, so this one reaches GP Connect viewers not at all.
    riskFlag(p, 'safeguarding-flag', {
      code: code.childIsCauseForSafeguardingConcern,
      start: daysBefore(236),
    }),
  ];
}
