/**
 * Sessions in every state, against the sandbox mounted at /fhir/r4, for `*.examples.ts` (the
 * catalogue, the accessibility tests and the screenshots all read those). Not part of the build.
 */
import {
  createCareRecordSession,
  fhirR4Source,
  gpConnectSource,
  staticSource,
  type CareRecordSession,
  type ConsentDecision,
  type FetchLike,
  type SessionState,
} from '@dcr-elements/core';
import { SANDBOX_PATIENTS, type RosterPatient } from '../../../sandbox/src/synthetic/roster.js';

export type ExamplePatient = keyof typeof SANDBOX_PATIENTS;

/** Every session state but the ones a whole record reaches on its own (ready, partial). */
export type ExampleState = Exclude<SessionState, 'ready' | 'partial'>;

const VIEWER = {
  userId: 'demo-user',
  name: 'Dr Demo',
  roles: ['R8000'],
  organisation: 'RX1',
  setting: 'emergency',
};
const NEVER_ANSWERS: FetchLike = () => new Promise(() => undefined);
const OFFLINE: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * The sandbox's answer with every Patient sent twice under two ids, as a PDS-unmerged duplicate
 * registration would be: two records for one NHS number (the `ambiguous` state).
 */
export const DUPLICATE_PATIENTS: FetchLike = async (input, init) => {
  const response = await fetch(input, init);
  if (!input.includes('/Patient/_search') || !response.ok) return response;
  const bundle = (await response.json()) as { entry?: { resource: { id: string } }[] };
  const copies = (bundle.entry ?? []).map((e) => ({
    ...e,
    resource: { ...e.resource, id: `${e.resource.id}-duplicate` },
  }));
  bundle.entry = [...(bundle.entry ?? []), ...copies];
  return new Response(JSON.stringify(bundle), {
    status: 200,
    headers: { 'content-type': 'application/fhir+json' },
  });
};

/**
 * The sandbox's own refusal of a refused patient's clinical data (its rule and its 403 body, from
 * sandbox/src/sharing.ts), answered in the page: a browser logs every 4xx response as a console
 * error, and the catalogue's opted-out examples are expected refusals, not failures. Patient
 * lookups still go to the sandbox. The 403 over HTTP is tested in core's network tests.
 */
function refusedInPage(sharing: RosterPatient['sharing']): FetchLike {
  return async (input, init) => {
    const { isClinicalType, sharingRefusal } = await import('../../../sandbox/src/sharing.js');
    const resourceType = new URL(input, location.href).pathname
      .split('/fhir/r4/')[1]
      ?.split('/')[0];
    if (sharing === 'share' || !resourceType || !isClinicalType(resourceType))
      return fetch(input, init);
    return new Response(JSON.stringify(sharingRefusal(sharing)), {
      status: 403,
      headers: { 'Content-Type': 'application/fhir+json' },
    });
  };
}

/** An NHS number that is valid but belongs to no sandbox patient. */
const UNKNOWN_NHS_NUMBER = '9434765919';

export interface ExampleSessionOptions {
  patient?: ExamplePatient;
  /** Only fetches whose URL contains this fail (for partial states). */
  failPath?: string;
  /** Read the record through GP Connect (the sandbox's structured operation) instead of FHIR R4. */
  source?: 'gp-connect';
  /** Only fetches whose URL contains this never answer (one slow section among quick ones). */
  holdPath?: string;
  /** Entries per page of an R4 search (the source's default is 100). */
  pageSize?: number;
}

/** A session that reaches `state` on its own, for the given sandbox patient (default: typical). */
export function exampleSession(
  state: ExampleState,
  options: ExampleSessionOptions = {},
): CareRecordSession {
  const patient: RosterPatient =
    SANDBOX_PATIENTS[options.patient ?? (state === 'source-dissent' ? 'optedOut' : 'typical')];
  const fetchFn: FetchLike | undefined =
    state === 'loading'
      ? NEVER_ANSWERS
      : state === 'unavailable'
        ? OFFLINE
        : state === 'ambiguous'
          ? DUPLICATE_PATIENTS
          : options.failPath || options.holdPath
            ? (input, init) =>
                options.failPath && input.includes(options.failPath)
                  ? OFFLINE(input, init)
                  : options.holdPath && input.includes(options.holdPath)
                    ? NEVER_ANSWERS(input, init)
                    : fetch(input, init)
            : state === 'source-dissent' && options.source !== 'gp-connect'
              ? refusedInPage(patient.sharing)
              : undefined;
  const session = createCareRecordSession({
    source:
      options.source === 'gp-connect'
        ? gpConnectSource({
            baseUrl: '/fhir/gpconnect',
            viewer: VIEWER,
            ...(fetchFn && { fetch: fetchFn }),
          })
        : fhirR4Source({
            baseUrl: '/fhir/r4',
            ...(fetchFn && { fetch: fetchFn }),
            retry: { retries: 0 },
            pageSize: options.pageSize,
          }),
    viewer: state === 'not-permitted' ? { ...VIEWER, roles: ['R8008'] } : VIEWER,
    audit: { record: () => undefined },
    policy: { agreement: state === 'no-agreement' ? [] : ['RX1'] },
  });
  if (state === 'no-context') return session;
  const host = {
    nhsNumber: state === 'not-found' ? UNKNOWN_NHS_NUMBER : patient.nhsNumber,
    name: { family: patient.family, given: [patient.given] },
    birthDate: state === 'identity-mismatch' ? '1900-01-01' : patient.birthDate,
  };
  session.setPatient(host);
  const answer: ConsentDecision | undefined =
    state === 'consent-declined'
      ? { decision: 'declined' }
      : state === 'override'
        ? { decision: 'override', reason: 'emergency', note: 'Unconscious on arrival' }
        : ['not-permitted', 'no-agreement', 'awaiting-consent'].includes(state)
          ? undefined
          : { decision: 'granted' };
  if (answer) {
    const record = () => {
      if (session.state !== 'awaiting-consent') return;
      session.removeEventListener('statechange', record);
      void session.recordConsent(answer).then(() => {
        if (state === 'ended') session.end();
      });
    };
    session.addEventListener('statechange', record);
  }
  return session;
}

const SCT = 'http://snomed.info/sct';
const HOSTILE_PATIENT = SANDBOX_PATIENTS.typical;

/** An allergy for {@link hostileTextSession}: coded, active, with one reaction. */
function allergy(id: string, display: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: { reference: `Patient/${HOSTILE_PATIENT.id}` },
    clinicalStatus: { coding: [{ code: 'active' }] },
    category: ['medication'],
    criticality: 'high',
    // SNOMED CT 91936005 |Allergy to penicillin| (the sandbox's own code, packages/sandbox/src/codes.ts).
    code: { coding: [{ system: SCT, code: '91936005', display }] },
    recordedDate: '2019-03-01',
    ...extra,
  };
}

/**
 * Hostile text (docs/security.md): an allergy whose name ends in an unterminated right-to-left
 * override, one spelt with Cyrillic look-alike letters, one whose name is one 100,000-character
 * token, and one in Arabic script, for the patient the sandbox calls typical. Read through
 * `staticSource`, so the record is exactly this.
 */
export function hostileTextSession(): CareRecordSession {
  const p = HOSTILE_PATIENT;
  const resources = [
    {
      resourceType: 'Patient',
      id: p.id,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber }],
      name: [{ use: 'official', family: p.family, given: [p.given], prefix: [p.title] }],
      birthDate: p.birthDate,
      gender: p.gender,
    },
    allergy('rlo', 'Penicillin \u202Eallergy'),
    allergy('lookalike', '\u0420\u0435nicillin allergy'),
    allergy('long', `Co-amoxiclav${'A'.repeat(99_988)}`, { criticality: 'low' }),
    allergy('arabic', 'حساسية البنسلين 250', { criticality: 'low' }),
  ];
  const session = createCareRecordSession({
    source: staticSource(resources),
    viewer: VIEWER,
    audit: { record: () => undefined },
    policy: { agreement: ['RX1'] },
  });
  session.setPatient({
    nhsNumber: p.nhsNumber,
    name: { family: p.family, given: [p.given] },
    birthDate: p.birthDate,
  });
  const grant = () => {
    if (session.state !== 'awaiting-consent') return;
    session.removeEventListener('statechange', grant);
    void session.recordConsent({ decision: 'granted' });
  };
  session.addEventListener('statechange', grant);
  return session;
}
