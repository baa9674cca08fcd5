// The GP Connect source against the sandbox's structured-record operation over HTTP.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { RecordError } from '../../src/http/errors.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';

const viewer = (organisation: string) => ({
  userId: 'u1',
  name: 'Dr Test',
  roles: ['R8000'],
  organisation,
  setting: 'emergency' as const,
});

async function refusal(promise: Promise<unknown>): Promise<RecordError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(RecordError);
  return error as RecordError;
}

describe('GP Connect source over HTTP', () => {
  it('reads the record for an organisation in the practice’s sharing agreement', async () => {
    const source = gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: viewer('RX1') });
    const { allergies } = source.fetchSections(['allergies'], {
      nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber,
    });
    expect((await allergies).state).to.equal('recorded');
  });

  it('maps the practice’s refusals to the session states', async () => {
    const outsider = gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: viewer('RXX') });
    const noAgreement = await refusal(
      outsider.fetchSections(['allergies'], { nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber })
        .allergies,
    );
    expect(noAgreement).to.include({
      kind: 'forbidden',
      refusal: 'no-agreement',
      issueCode: 'NO_ORGANISATION_CONSENT',
    });

    const member = gpConnectSource({ baseUrl: '/fhir/gpconnect', viewer: viewer('RX1') });
    for (const patient of [SANDBOX_PATIENTS.optedOut, SANDBOX_PATIENTS.consentNotSet]) {
      const dissent = await refusal(
        member.fetchSections(['allergies'], { nhsNumber: patient.nhsNumber }).allergies,
      );
      expect(dissent, patient.id).to.include({
        kind: 'forbidden',
        refusal: 'source-dissent',
        issueCode: 'NO_PATIENT_CONSENT',
      });
    }
    const unknown = await refusal(
      member.fetchSections(['demographics'], { nhsNumber: '9434765919' }).demographics,
    );
    expect(unknown).to.include({ kind: 'not-found', issueCode: 'PATIENT_NOT_FOUND' });
  });
});
