/**
 * The synthetic patients the sandbox serves, by what each one is for. Identities only, no clinical
 * content: tests, examples and the catalogue import this small module to know whom to ask for.
 * NHS numbers are in the 999 test range and carry valid modulus-11 check digits.
 */
export interface RosterPatient {
  /** Logical id of the Patient resource in the sandbox. */
  id: string;
  nhsNumber: string;
  family: string;
  given: string;
  title: string;
  birthDate: string;
  gender: 'male' | 'female';
  /** GP-side sharing status held at the practice. */
  sharing: 'share' | 'dissent' | 'not-set';
  /** What this patient exists to show. */
  purpose: string;
}

export const SANDBOX_PATIENTS = {
  typical: {
    id: 'patient-typical',
    nhsNumber: '9992345675',
    family: 'Hargreaves',
    given: 'Ada',
    title: 'Mrs',
    birthDate: '1945-07-14',
    gender: 'female',
    sharing: 'share',
    purpose: 'Multimorbid older patient on warfarin, with INR and blood pressure series',
  },
  noKnownAllergies: {
    id: 'patient-nka',
    nhsNumber: '9993456780',
    family: 'Okafor',
    given: 'Daniel',
    title: 'Mr',
    birthDate: '1988-03-02',
    gender: 'male',
    sharing: 'share',
    purpose: 'A coded "no known allergies" statement and little else',
  },
  optedOut: {
    id: 'patient-opted-out',
    nhsNumber: '9994567896',
    family: 'Lindqvist',
    given: 'Maria',
    title: 'Ms',
    birthDate: '1972-11-30',
    gender: 'female',
    sharing: 'dissent',
    purpose: 'Dissented from sharing at the GP practice: nothing may be shown',
  },
} as const satisfies Record<string, RosterPatient>;

/** The GP practice every synthetic patient is registered with. */
export const SANDBOX_PRACTICE = { ods: 'Y12345', name: 'Riverside Medical Practice' } as const;
