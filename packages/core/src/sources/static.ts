import { RecordError } from '../http/errors.js';
import { loadOnce } from '../load-once.js';
import { emptyDiagnostics } from '../model/common.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import type { NormaliseOptions } from '../normalise/options.js';
import type { RecordSource, SectionPromises, SourceRequest } from './source.js';

/** The R4 normalisers and the bundle index: a chunk of its own (static-read.ts). */
const r4Reader = loadOnce(() => import('./static-read.js'));

/**
 * A source over FHIR R4 data already in hand (a Bundle or an array of resources): for demos,
 * tests and offline embedding. The same normalisers as the R4 server path, no network; they load
 * with the first section read, when the data is indexed (the array of resources is copied now).
 */
export function staticSource(
  bundleOrResources: unknown,
  options: { normalise?: Partial<NormaliseOptions> } = {},
): RecordSource {
  // What was handed over now, not what the host's array holds by the time a section is read.
  const input = handedOver(bundleOrResources);
  const indexed = loadOnce(async () => {
    const read = await r4Reader();
    // Every entry with its fullUrl: references between them (`urn:uuid:`, contained, logical)
    // resolve through one index, whatever section reads them.
    const entries = read.bundleEntries(input);
    const resources = entries.map((entry) => entry.resource);
    const references = read.referenceIndex(entries);
    // Every Patient read once, not again for each section.
    const patients = resources.flatMap((r) => read.demographicsFromR4(r, references) ?? []);
    return { read, resources, references, patients };
  });

  async function section<K extends SectionName>(
    name: K,
    { nhsNumber, signal }: SourceRequest,
  ): Promise<SectionValues[K]> {
    const { read, resources, references, patients } = await indexed();
    const { R4_SECTION_TYPES, normaliseOptions, r4InTurns, record } = read;
    const matches = patients.filter((p) => p.nhsNumber === nhsNumber);
    if (matches.length !== 1) throw new RecordError(matches.length === 0 ? 'not-found' : 'invalid');
    const patient = {
      ...matches[0]!,
      provenance: { ...matches[0]!.provenance, source: 'static' as const },
    };
    if (name === 'demographics')
      return { patient, diagnostics: emptyDiagnostics() } as SectionValues[K];
    const clinical = name as Exclude<SectionName, 'demographics'>;
    const types = R4_SECTION_TYPES[clinical];
    // What a server search would return: only the section's resource types.
    const own = resources.filter((r) => types.includes(String(record(r)?.resourceType)));
    const context = {
      patientId: patient.id,
      nhsNumber: patient.nhsNumber,
      references,
      options: normaliseOptions(options.normalise),
      ...(patient.registeredPractice && { organisation: patient.registeredPractice }),
    };
    // In turns: a large record must not hold the page (normalise/turns.ts).
    return (await r4InTurns(clinical, own, context, signal)) as SectionValues[K];
  }

  return {
    kind: 'static',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const name of sections) {
        promises[name] = request.signal?.aborted
          ? Promise.reject(new RecordError('aborted'))
          : Promise.resolve().then(() => section(name, request));
        promises[name]!.catch(() => undefined);
      }
      return promises as SectionPromises<K>;
    },
  };
}

/** The array of resources, or the Bundle's entries, as they are now (the resources themselves are shared). */
function handedOver(input: unknown): unknown {
  if (Array.isArray(input)) return [...input];
  const entry = (input as { entry?: unknown } | null)?.entry;
  return Array.isArray(entry) ? { ...(input as object), entry: [...entry] } : input;
}
