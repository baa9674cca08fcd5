// The R4 and GP Connect paths must give the same model for the same patient: a clinician must
// not see a different record depending on which national API the host happens to use.
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { SectionName, SectionValues } from '../../src/model/sections.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';

const TODAY = '2026-11-20';
const COMPARED = [
  'demographics',
  'allergies',
  'medications',
  'problems',
  'diagnoses',
  'investigations',
  'bloodPressure',
  'events',
] as const satisfies readonly SectionName[];

async function read(source: RecordSource, nhsNumber: string) {
  const promises = source.fetchSections(COMPARED, { nhsNumber });
  const values: Partial<SectionValues> = {};
  for (const section of COMPARED)
    (values as Record<string, unknown>)[section] = await promises[section];
  return values as Pick<SectionValues, (typeof COMPARED)[number]>;
}

/** Differences that are the sources' own, not the record's. */
const SOURCE_SPECIFIC = new Set([
  'source', // which kind of source answered
  'diagnostics', // what each parser met on the way
  'recorder', // GP Connect bundles carry the Practitioner; an R4 search gives only a reference
  // Proof of the recording organisation: a GP Connect bundle carries the Organization an entry
  // references; an R4 search gives only `Organization/<id>`, which proves nothing by itself.
  'recorderOrganisation',
  // Names of an event's clinician, organisation and place: the same reason as `recorder`.
  'practitioner',
  'organisation',
  'location',
]);

/**
 * The model with keys sorted, entries in id order, source-specific fields left out, and dm+d
 * codes under one system (UK Core writes https://dmd.nhs.uk, GP Connect http://snomed.info/sct).
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(comparable);
    const hasIds = items.every((i) => typeof (i as { id?: unknown })?.id === 'string');
    return hasIds
      ? items.sort((a, b) =>
          String((a as { id: string }).id).localeCompare((b as { id: string }).id),
        )
      : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (SOURCE_SPECIFIC.has(key)) continue;
    const v = (value as Record<string, unknown>)[key];
    result[key] =
      key === 'system' && v === 'https://dmd.nhs.uk' ? 'http://snomed.info/sct' : comparable(v);
  }
  return result;
}

describe('R4 and GP Connect sources agree', () => {
  it('give equal models for the typical patient', async function () {
    this.timeout(20_000);
    const nhsNumber = SANDBOX_PATIENTS.typical.nhsNumber;
    const r4 = await read(
      fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, normalise: { today: TODAY } }),
      nhsNumber,
    );
    const gpc = await read(
      gpConnectSource({ baseUrl: '/fhir/gpconnect', normalise: { today: TODAY } }),
      nhsNumber,
    );
    const differences: string[] = [];
    for (const section of COMPARED) {
      const a = JSON.stringify(comparable(r4[section]));
      const b = JSON.stringify(comparable(gpc[section]));
      if (a === b) continue;
      let at = 0;
      while (a[at] === b[at]) at++;
      const around = (s: string) => s.slice(Math.max(0, at - 200), at + 200);
      differences.push(`${section}:\n  r4  …${around(a)}…\n  gpc …${around(b)}…`);
    }
    expect(differences.join('\n\n')).to.equal('');
  });
});
