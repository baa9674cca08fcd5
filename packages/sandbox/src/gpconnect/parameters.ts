/**
 * Reads and checks the `Parameters` body of `$gpc.getstructuredrecord` (names and rules from the
 * GP Connect Access Record Structured specification, "Retrieve a patient's structured record").
 */
import { NHS_NUMBER_SYSTEM } from '../codes.js';
import { GpConnectError } from './errors.js';

export interface StructuredRecordRequest {
  nhsNumber: string;
  allergies?: { includeResolved: boolean };
  medication?: { includeIssues: boolean; fromDate?: string };
  problems: boolean;
  consultations: boolean;
  investigations: boolean;
  referrals: boolean;
  uncategorised: boolean;
  immunisations: boolean;
}

interface Parameter {
  name?: unknown;
  part?: Parameter[];
  [value: string]: unknown;
}

/** Accepted but answered with no section by the sandbox (it holds no such data). */
const ACCEPTED_WITHOUT_DATA = new Set(['includeDiaryEntries', 'includeDocuments']);
const KNOWN = new Set([
  'patientNHSNumber',
  'includeAllergies',
  'includeMedication',
  'includeProblems',
  'includeConsultations',
  'includeInvestigations',
  'includeReferrals',
  'includeUncategorisedData',
  'includeImmunisations',
  ...ACCEPTED_WITHOUT_DATA,
]);

export function parseStructuredRecordRequest(body: string, today: string): StructuredRecordRequest {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new GpConnectError(
      'INVALID_RESOURCE',
      'The request body could not be parsed as a FHIR Parameters resource.',
    );
  }
  const resource = json as { resourceType?: unknown; parameter?: unknown };
  if (
    typeof json !== 'object' ||
    json === null ||
    resource.resourceType !== 'Parameters' ||
    !Array.isArray(resource.parameter)
  ) {
    throw new GpConnectError(
      'INVALID_RESOURCE',
      'The request body must be a Parameters resource with a parameter array.',
    );
  }
  const params = resource.parameter as Parameter[];
  for (const p of params) {
    if (typeof p?.name !== 'string' || !KNOWN.has(p.name)) {
      throw new GpConnectError('INVALID_PARAMETER', `Unknown parameter: ${String(p?.name)}`);
    }
  }
  const named = (name: string) => params.filter((p) => p.name === name);
  const nhs = named('patientNHSNumber');
  if (nhs.length !== 1)
    throw new GpConnectError('INVALID_PARAMETER', 'patientNHSNumber must be given once.');
  const identifier = nhs[0]!.valueIdentifier as { system?: string; value?: string } | undefined;
  if (
    !identifier ||
    identifier.system !== NHS_NUMBER_SYSTEM ||
    typeof identifier.value !== 'string'
  ) {
    throw new GpConnectError(
      'INVALID_PARAMETER',
      `patientNHSNumber must be a valueIdentifier with system ${NHS_NUMBER_SYSTEM}.`,
    );
  }
  if (!isValidNhsNumber(identifier.value))
    throw new GpConnectError(
      'INVALID_NHS_NUMBER',
      'patientNHSNumber fails the format or check digit test.',
    );

  const single = (name: string) => {
    const found = named(name);
    if (found.length > 1)
      throw new GpConnectError('INVALID_PARAMETER', `${name} may be given only once.`);
    return found[0];
  };
  const part = (p: Parameter, name: string) => p.part?.find((q) => q.name === name);

  const request: StructuredRecordRequest = {
    nhsNumber: identifier.value,
    problems: named('includeProblems').length > 0,
    consultations: !!single('includeConsultations'),
    investigations: !!single('includeInvestigations'),
    referrals: !!single('includeReferrals'),
    uncategorised: !!single('includeUncategorisedData'),
    immunisations: !!single('includeImmunisations'),
  };
  const allergies = single('includeAllergies');
  if (allergies) {
    const resolved = part(allergies, 'includeResolvedAllergies')?.valueBoolean;
    if (typeof resolved !== 'boolean')
      throw new GpConnectError(
        'INVALID_PARAMETER',
        'includeAllergies needs the includeResolvedAllergies part (boolean).',
      );
    request.allergies = { includeResolved: resolved };
  }
  const medication = single('includeMedication');
  if (medication) {
    const issues = part(medication, 'includePrescriptionIssues')?.valueBoolean;
    if (typeof issues !== 'boolean')
      throw new GpConnectError(
        'INVALID_PARAMETER',
        'includeMedication needs the includePrescriptionIssues part (boolean).',
      );
    const from = part(medication, 'medicationSearchFromDate')?.valueDate;
    if (
      from !== undefined &&
      (typeof from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(from) || from > today)
    ) {
      throw new GpConnectError(
        'INVALID_PARAMETER',
        'medicationSearchFromDate must be a whole date (YYYY-MM-DD) not after today.',
      );
    }
    request.medication = {
      includeIssues: issues,
      ...(from !== undefined && { fromDate: from as string }),
    };
  }
  return request;
}

/** Ten digits with a correct modulus-11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === digits[9];
}
