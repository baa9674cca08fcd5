/**
 * What reads a GP Connect structured record answer, as one chunk: the STU3 normalisers, and the
 * count of Patients carrying the NHS number asked for. Loaded by `gpConnectSource` alongside its
 * first request (gp-connect.ts), so a host pays for it once it reads a record, not on page load.
 */
import { array, record } from '../normalise/shared/read.js';
import { nhsNumberOf } from '../normalise/stu3/bundle-index.js';

export {
  normaliseOptions,
  normaliseStructuredRecord,
} from '../normalise/stu3/structured-record.js';

/** How many Patients in the answer carry the NHS number asked for. */
export function patientsWithNhsNumber(bundle: unknown, nhsNumber: string): number {
  return array(record(bundle)?.entry)
    .map((entry) => record(record(entry)?.resource))
    .filter((r) => r?.resourceType === 'Patient' && nhsNumberOf(r) === nhsNumber).length;
}
