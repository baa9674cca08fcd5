/**
 * The "find a patient" form: the NHS number (ten digits, modulus-11 check digit), and what the
 * patient or their notes say beside it (family name, date of birth), so the core can check the GP
 * record is theirs before any of it is shown. Nothing is fetched here: the record is read only
 * after consent, through `<dcr-record>`. Typed values live in the form and in memory, never in the
 * URL or storage (autocomplete off).
 */
import { html, nothing } from 'lit';
import { isValidNhsNumber, type HostPatient } from '@dcr-elements/core';
import { formatNhsNumber, parseDateInput } from '../../packages/elements/src/shared/format.js';
import { SANDBOX_PATIENTS } from '../../packages/sandbox/src/synthetic/roster.js';

export type PatientField = 'nhs-number' | 'family' | 'birth-date';
export type PatientErrors = Partial<Record<PatientField, string>>;

export type PatientReading =
  { ok: true; patient: HostPatient } | { ok: false; errors: PatientErrors };

/** Why an NHS number was not accepted, in words that never repeat it; `undefined` when it is valid. */
export function nhsNumberProblem(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  if (digits === '') return 'Enter the patient’s NHS number';
  if (!/^\d+$/.test(digits)) return 'An NHS number has digits only';
  if (digits.length !== 10) return 'An NHS number is 10 digits';
  if (!isValidNhsNumber(digits))
    return 'This is not a valid NHS number: check each digit (the last one is a check digit)';
  return undefined;
}

/** Reads the form: a patient for the session, or a message per field that needs changing. */
export function readPatientForm(form: {
  nhsNumber: string;
  family: string;
  birthDate: string;
}): PatientReading {
  const errors: PatientErrors = {};
  const nhsProblem = nhsNumberProblem(form.nhsNumber);
  if (nhsProblem) errors['nhs-number'] = nhsProblem;
  const family = form.family.trim();
  if (family.length > 100) errors.family = 'Enter a family name of 100 characters or fewer';
  const birthDate = parseDateInput(form.birthDate);
  if (birthDate === undefined)
    errors['birth-date'] = 'Enter the date of birth as a real date, for example 14-Jul-1945';
  else if (birthDate > new Date().toISOString().slice(0, 10))
    errors['birth-date'] = 'The date of birth must be in the past';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patient: {
      nhsNumber: form.nhsNumber.replace(/[\s-]/g, ''),
      ...(family && { name: { family } }),
      ...(birthDate && { birthDate }),
    },
  };
}

const FIELD_ORDER: PatientField[] = ['nhs-number', 'family', 'birth-date'];

/** The first field with an error, for the focus after a failed submit. */
export const firstInvalidField = (errors: PatientErrors) => FIELD_ORDER.find((f) => errors[f]);

const errorText = (id: PatientField, errors: PatientErrors) =>
  errors[id]
    ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error:</span> ${errors[id]}</p>`
    : nothing;

const describedBy = (id: PatientField, errors: PatientErrors) =>
  [`${id}-hint`, errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ');

export function renderFindPatient(errors: PatientErrors, submit: (event: SubmitEvent) => void) {
  const field = (
    id: PatientField,
    label: string,
    hint: string,
    attrs: { size: number; inputmode?: string },
  ) =>
    html`<div class="field ${errors[id] ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${errorText(id, errors)}
      <input id=${id} name=${id} type="text" autocomplete="off" spellcheck="false"
        size=${attrs.size} inputmode=${attrs.inputmode ?? 'text'}
        aria-invalid=${errors[id] ? 'true' : 'false'} aria-describedby=${describedBy(id, errors)} />
    </div>`;
  return html`<h1 tabindex="-1">Find a patient</h1>
    <p class="lede">
      Nothing from the GP record is read until you have recorded the patient’s consent, or a
      duty-of-care override, on the next screen.
    </p>
    <form class="card" novalidate @submit=${submit}>
      ${field('nhs-number', 'NHS number', '10 digits, for example 999 234 5675', { size: 14, inputmode: 'numeric' })}
      <fieldset>
        <legend>To check the record is this patient’s (recommended)</legend>
        ${field('family', 'Family name (optional)', 'As the patient or their notes give it', { size: 24 })}
        ${field('birth-date', 'Date of birth (optional)', 'For example 14-Jul-1945', { size: 14 })}
      </fieldset>
      <button type="submit" class="button">Find patient</button>
    </form>
    ${renderSandboxPatients()}`;
}

/** The synthetic patients to try (the sandbox's roster): no real patient data anywhere here. */
function renderSandboxPatients() {
  return html`<details class="sandbox-patients">
    <summary>Synthetic patients in the sandbox</summary>
    <ul>
      ${Object.values(SANDBOX_PATIENTS).map(
        (p) => html`<li>
          <span class="nhs-number">${formatNhsNumber(p.nhsNumber)}</span>
          ${p.family.toUpperCase()}, ${p.given}: ${p.purpose}
        </li>`,
      )}
    </ul>
  </details>`;
}
