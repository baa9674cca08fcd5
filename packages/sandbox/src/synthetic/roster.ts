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
  consentNotSet: {
    id: 'patient-consent-not-set',
    nhsNumber: '9996789012',
    family: 'Achterberg',
    given: 'Tomas',
    title: 'Mr',
    birthDate: '1959-04-08',
    gender: 'male',
    sharing: 'not-set',
    purpose:
      'GP-side sharing status never set at the practice: treated like dissent, nothing may be shown',
  },
  nothingRecorded: {
    id: 'patient-nothing-recorded',
    nhsNumber: '9997890124',
    family: 'Pemberton',
    given: 'Lily',
    title: 'Miss',
    birthDate: '2003-09-17',
    gender: 'female',
    sharing: 'share',
    purpose:
      'Demographics only: no allergy entries and no statement (allergies not recorded), no medicines',
  },
  largeRecord: {
    id: 'patient-large-record',
    nhsNumber: '9998901235',
    family: 'Nakamura',
    given: 'Kenji',
    title: 'Mr',
    birthDate: '1950-01-23',
    gender: 'male',
    sharing: 'share',
    purpose: '2,500 laboratory results, so paging through Bundle.link next is exercised',
  },
  hugeTimeline: {
    id: 'patient-huge-timeline',
    nhsNumber: '9999012345',
    family: 'Fairweather',
    given: 'Edith',
    title: 'Mrs',
    birthDate: '1938-12-02',
    gender: 'female',
    sharing: 'share',
    purpose: '10,000 events (encounters and referrals) for a virtualised timeline',
  },
  privateAndSensitive: {
    id: 'patient-private-sensitive',
    nhsNumber: '9990123454',
    family: 'Osei',
    given: 'Abena',
    title: 'Ms',
    birthDate: '1991-06-29',
    gender: 'female',
    sharing: 'share',
    purpose:
      'Confidential entries recorded by another organisation, and sensitive entries (STI, termination, IVF), which the access policy must withhold',
  },
  transferred: {
    id: 'patient-transferred',
    nhsNumber: '9995432102',
    family: 'Brennan',
    given: 'Rosa',
    title: 'Mrs',
    birthDate: '1967-02-11',
    gender: 'female',
    sharing: 'share',
    purpose:
      'A record moved between practices by GP2GP: degraded and uncoded allergies, results sent as text, separate blood pressure halves, uncategorised observations, immunisations, a confidential referral',
  },
  palliative: {
    id: 'patient-palliative',
    nhsNumber: '9991133550',
    family: 'Whitfield',
    given: 'Harold',
    title: 'Mr',
    birthDate: '1938-02-21',
    gender: 'male',
    sharing: 'share',
    purpose:
      'On the palliative care register with a DNACPR decision, recorded as coded entries (no Flag)',
  },
  safeguarding: {
    id: 'patient-safeguarding',
    nhsNumber: '9992244666',
    family: 'Ashdown',
    given: 'Poppy',
    title: 'Miss',
    birthDate: '2016-08-03',
    gender: 'female',
    sharing: 'share',
    purpose:
      'A child subject to a child protection plan; the R4 record also holds a safeguarding Flag',
  },
  lithium: {
    id: 'patient-lithium',
    nhsNumber: '9995678136',
    family: 'Pryce',
    given: 'Gareth',
    title: 'Mr',
    birthDate: '1968-08-19',
    gender: 'male',
    sharing: 'share',
    purpose:
      'On lithium: serum lithium series with a toxic-range level, kidney and thyroid results, abnormal results with no unit, blood pressure taken sitting, standing and at home, and unpaired halves',
  },
} as const satisfies Record<string, RosterPatient>;

/** The GP practice every synthetic patient is registered with. */
export const SANDBOX_PRACTICE = { ods: 'Y12345', name: 'Riverside Medical Practice' } as const;

/**
 * Other organisations that record entries, by ODS code (synthetic codes). `viewingTrust` is the
 * organisation the tests and catalogue view as (the example viewer of docs/architecture.md#public-api): a confidential entry it
 * recorded itself may be shown to it; one recorded by the practice may not.
 */
export const SANDBOX_ORGANISATIONS = {
  viewingTrust: { ods: 'RX1', name: 'Riverside University Hospitals (A&E)' },
  sexualHealthService: { ods: 'Y23456', name: 'Riverside Sexual Health Service' },
} as const;

/**
 * Organisations (ODS codes) in the sandbox practice's information sharing agreement: RX1, the
 * viewing trust of the tests and the catalogue. GP Connect calls from any other are refused.
 */
export const SANDBOX_SHARING_AGREEMENT: readonly string[] = ['RX1'];
