/**
 * `POST /fhir/gpconnect/Patient/$gpc.getstructuredrecord`: the sandbox's R4 records served as a
 * GP Connect Access Record Structured (STU3) Bundle. The provider omits confidential items itself
 * and says so with the list warning, as GP Connect providers do.
 */
import * as code from '../codes.js';
import type { SharingStatus } from '../sharing.js';
import {
  allergyToStu3,
  conditionToStu3,
  diagnosticReportsFor,
  encounterToStu3,
  observationToStu3,
  organisationToStu3,
  patientToStu3,
  practitionerToStu3,
  referralToStu3,
} from './convert-clinical.js';
import { medicationsToStu3 } from './convert-medication.js';
import { GpConnectError, gpConnectErrorResponse } from './errors.js';
import { inSharingAgreement } from './agreement.js';
import { gpcList } from './lists.js';
import { parseStructuredRecordRequest } from './parameters.js';
import { isConfidential, type Stu3Resource } from './stu3.js';
import { immunisationToStu3 } from './convert-immunisation.js';

export const GP_CONNECT_PATH = '/fhir/gpconnect';
export const STRUCTURED_RECORD_OPERATION = '/Patient/$gpc.getstructuredrecord';

export interface StructuredRecordSource {
  /** ODS code of the organisation asking (from the audit JWT), if it said. */
  requestingOrganisation?: string;
  /** The Patient with this NHS number and every resource that belongs to them. */
  findByNhsNumber(
    nhsNumber: string,
  ): { patient: fhir4.Patient; records: readonly fhir4.Resource[] } | undefined;
  sharingStatus(patientId: string): SharingStatus;
  practice: fhir4.Organization;
  practitioner: fhir4.Practitioner;
  today: string;
}

const ofType = <T extends fhir4.Resource>(
  records: readonly fhir4.Resource[],
  type: T['resourceType'],
) => records.filter((r): r is T => r.resourceType === type);

export function getStructuredRecord(
  body: string,
  source: StructuredRecordSource,
): [number, unknown] {
  try {
    return [200, buildBundle(body, source)];
  } catch (error) {
    if (error instanceof GpConnectError)
      return gpConnectErrorResponse(error.spineCode, error.diagnostics);
    throw error;
  }
}

function buildBundle(body: string, source: StructuredRecordSource): unknown {
  const request = parseStructuredRecordRequest(body, source.today);
  const found = source.findByNhsNumber(request.nhsNumber);
  if (!found)
    throw new GpConnectError(
      'PATIENT_NOT_FOUND',
      'No patient is registered here with that NHS number.',
    );
  const { patient, records } = found;
  if (!inSharingAgreement(source.requestingOrganisation)) {
    throw new GpConnectError(
      'NO_ORGANISATION_CONSENT',
      'The requesting organisation is not in the practice’s sharing agreement.',
    );
  }
  const sharing = source.sharingStatus(patient.id!);
  if (sharing !== 'share') {
    throw new GpConnectError(
      'NO_PATIENT_CONSENT',
      sharing === 'dissent'
        ? 'The patient has dissented from sharing their record.'
        : 'The sharing status has not been set at the practice.',
    );
  }
  const patientId = patient.id!;
  const date = `${source.today}T00:00:00Z`;
  const lists: Stu3Resource[] = [];
  const resources: Stu3Resource[] = [];
  /** Adds a list of `items` (omitting confidential ones, with the warning) and the items. */
  const section = (
    listCode: code.Code,
    r4: readonly fhir4.Resource[],
    convert: (r: fhir4.Resource) => Stu3Resource,
    listed?: (all: Stu3Resource[]) => Stu3Resource[],
  ) => {
    const shared = r4.filter((r) => !isConfidential(r));
    const converted = shared.map(convert);
    const items = listed ? listed(converted) : converted;
    lists.push(
      gpcList(listCode, patientId, items, {
        withheldConfidential: shared.length < r4.length,
        date,
      }),
    );
    resources.push(...converted);
    if (listed) resources.push(...items.filter((i) => !converted.includes(i)));
  };

  if (request.allergies) {
    const allergies = ofType<fhir4.AllergyIntolerance>(records, 'AllergyIntolerance');
    const ended = (a: fhir4.AllergyIntolerance) =>
      a.clinicalStatus?.coding?.some((c) => c.code === 'resolved' || c.code === 'inactive') ??
      false;
    section(
      code.gpcListAllergies,
      allergies.filter((a) => !ended(a)),
      (a) => allergyToStu3(a as fhir4.AllergyIntolerance),
    );
    if (request.allergies.includeResolved) {
      section(code.gpcListEndedAllergies, allergies.filter(ended), (a) =>
        allergyToStu3(a as fhir4.AllergyIntolerance),
      );
    }
  }
  if (request.medication) {
    const requests = ofType<fhir4.MedicationRequest>(records, 'MedicationRequest');
    const shared = requests.filter((r) => !isConfidential(r));
    const { statements, others } = medicationsToStu3(shared, request.medication);
    const withheld = requests.some((r) => r.intent === 'plan' && isConfidential(r));
    lists.push(
      gpcList(code.gpcListMedications, patientId, statements, {
        withheldConfidential: withheld,
        date,
      }),
    );
    resources.push(...statements, ...others);
  }
  if (request.problems)
    section(code.gpcListProblems, ofType(records, 'Condition'), (c) =>
      conditionToStu3(c as fhir4.Condition),
    );
  if (request.consultations)
    section(code.gpcListConsultations, ofType(records, 'Encounter'), (e) =>
      encounterToStu3(e as fhir4.Encounter),
    );
  if (request.investigations) {
    const labs = ofType<fhir4.Observation>(records, 'Observation').filter((o) =>
      o.category?.some((c) => c.coding?.some((cd) => cd.code === 'laboratory')),
    );
    section(
      code.gpcListInvestigations,
      labs,
      (o) => observationToStu3(o as fhir4.Observation),
      () =>
        diagnosticReportsFor(
          labs.filter((o) => !isConfidential(o)),
          { reference: `Patient/${patientId}` },
        ),
    );
  }
  if (request.referrals)
    section(code.gpcListReferrals, ofType(records, 'ServiceRequest'), (s) =>
      referralToStu3(s as fhir4.ServiceRequest),
    );
  if (request.uncategorised) {
    // Uncategorised data: vital signs and any observation with no category (weight, a
    // creatinine outside a report); laboratory results go with investigations.
    const vitals = ofType<fhir4.Observation>(records, 'Observation').filter(
      (o) =>
        !o.category?.length ||
        o.category.some((c) => c.coding?.some((cd) => cd.code === 'vital-signs')),
    );
    section(code.gpcListMiscellaneous, vitals, (o) => observationToStu3(o as fhir4.Observation));
  }

  if (request.immunisations)
    section(code.gpcListImmunisations, ofType(records, 'Immunization'), (i) =>
      immunisationToStu3(i as fhir4.Immunization),
    );

  const entries = [
    patientToStu3(patient),
    organisationToStu3(source.practice),
    practitionerToStu3(source.practitioner),
    ...lists,
    ...resources,
  ];
  return {
    resourceType: 'Bundle',
    id: `structured-record-${patientId}`,
    meta: { profile: [code.GPC_BUNDLE_PROFILE] },
    // GP Connect returns a `collection` Bundle (specification and every published example).
    type: 'collection',
    entry: entries.map((resource) => ({ resource })),
  };
}
