import { deceasedOf } from '../shared/deceased.js';
import type {
  AdministrativeGender,
  Demographics,
  DemographicsSection,
} from '../../model/demographics.js';
import { countIn, emptyDiagnostics } from '../../model/common.js';
import { nhsNumberOf } from './bundle-index.js';
import { odsCodeOf, type Stu3Context } from './context.js';
import { array, isoDate, record, text, type Json } from '../shared/read.js';

const GENDERS: readonly AdministrativeGender[] = ['male', 'female', 'other', 'unknown'];

/**
 * The GP Connect Patient whose NHS number is the one requested, as {@link Demographics}. Left out
 * (`undefined`) when there is not exactly one: the caller reports the record as not found rather
 * than guess between two identities. Other Patients are counted as dropped.
 */
export function demographicsFromStu3(
  ctx: Stu3Context,
  nhsNumber: string,
): DemographicsSection | undefined {
  const diagnostics = emptyDiagnostics();
  const matches: Json[] = [];
  for (const { resource, container } of ctx.index.ofType('Patient')) {
    if (container) continue;
    const number = nhsNumberOf(resource);
    if (!number || !text(resource.id))
      countIn(diagnostics.unparseable, 'Patient without id or NHS number');
    else if (number !== nhsNumber) countIn(diagnostics.dropped, 'another patient');
    else matches.push(resource);
  }
  if (matches.length !== 1) return undefined;
  return { patient: patientOf(ctx, matches[0]!, nhsNumber), diagnostics };
}

function patientOf(ctx: Stu3Context, patient: Json, nhsNumber: string): Demographics {
  const names = array(patient.name)
    .map(record)
    .filter((n): n is Json => n !== undefined && !record(n.period)?.end);
  const name =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  const gender = GENDERS.find((g) => g === patient.gender);
  const birthDate = isoDate(patient.birthDate);
  const deceased = deceasedOf(patient);
  const family = text(name?.family);
  const title = text(array(name?.prefix)[0]);
  // GP Connect references the registered practice from generalPractitioner (an Organization) or,
  // in practice, from managingOrganization.
  const registeredPractice =
    array(patient.generalPractitioner)
      .map((ref) => odsCodeOf(ctx.index.resolve(ref, 'Organization')))
      .find((ods) => ods !== undefined) ??
    odsCodeOf(ctx.index.resolve(patient.managingOrganization, 'Organization'));
  return {
    id: text(patient.id)!,
    nhsNumber,
    given: array(name?.given)
      .map(text)
      .filter((g): g is string => g !== undefined),
    ...(family && { family }),
    ...(title && { title }),
    ...(birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && { birthDate }),
    ...(gender && { gender }),
    ...(registeredPractice && { registeredPractice }),
    ...(deceased !== undefined && { deceased }),
    provenance: {
      source: 'gp-connect',
      ...(registeredPractice && { organisation: registeredPractice }),
    },
  };
}
