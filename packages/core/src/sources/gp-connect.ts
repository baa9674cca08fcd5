import { RecordError } from '../http/errors.js';
import { randomId } from '../random-id.js';
import { loadOnce } from '../load-once.js';
import { fetchJson, type FetchLike } from '../http/fetch-json.js';
import type { SectionName, SectionValues } from '../model/sections.js';
import type { NormaliseOptions } from '../normalise/options.js';
import { spineErrorCode } from '../http/spine-errors.js';
import { gpConnectJwt, type GpConnectViewer, type JwtOptions } from './gp-connect-jwt.js';
import { includeParameters, structuredRecordParameters } from './gp-connect-parameters.js';
import type { RecordSource, SectionPromises, SourceRequest } from './source.js';

/** The Access Record Structured interaction id (Ssp-InteractionID), from the GP Connect spec. */
export const GET_STRUCTURED_RECORD_INTERACTION =
  'urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1';

export interface GpConnectSourceOptions {
  /** Base URL of the host's GP Connect proxy (browsers cannot hold Spine credentials). */
  baseUrl: string;
  /** Injected for tests and for hosts that wrap fetch; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Extra headers on every request (e.g. the host's session token). */
  headers?: Record<string, string>;
  /**
   * Who is viewing, for the GP Connect audit JWT (`Authorization: Bearer`). Without it no
   * Authorization header is sent and the host's proxy must add one.
   */
  viewer?: GpConnectViewer;
  /** Consumer and provider ASIDs (`Ssp-From`, `Ssp-To`); left to the proxy when not given. */
  ssp?: { from: string; to: string };
  /** JWT `iss` (the consumer system's URL); defaults to the page's origin. */
  issuer?: string;
  /** JWT `aud` (the provider's service root); defaults to the absolute `baseUrl`. */
  audience?: string;
  /** JWT `requesting_device`; defaults to this library. */
  device?: JwtOptions['device'];
  /** Restrict medication to that active on or after this date (`YYYY-MM-DD`); default all. */
  medicationSearchFromDate?: string;
  /** Normalisation overrides (today's date, high-risk classes). */
  normalise?: Partial<NormaliseOptions>;
  /** Injected clock for the JWT times; defaults to `new Date()`. */
  clock?: () => Date;
  /** Injected trace id generator for `Ssp-TraceID`; defaults to a random UUID (random-id.ts). */
  traceId?: () => string;
}

/** One structured-record answer: whom and which clinical areas it was asked for. */
interface Answer {
  nhsNumber: string;
  includes: Set<string>;
  bundle: Promise<unknown>;
}

/** The STU3 normalisers and the patient count: a chunk of its own (gp-connect-read.ts). */
const stu3Reader = loadOnce(() => import('./gp-connect-read.js'));

const DEFAULT_DEVICE: JwtOptions['device'] = {
  system: 'https://dcr-elements.dev/Id/device',
  value: 'dcr-elements',
  model: 'dcr-elements',
  version: '0.1.0',
};

/**
 * A source that reads the record from GP Connect Access Record Structured (FHIR STU3) through
 * the host's proxy: one `POST {baseUrl}/Patient/$gpc.getstructuredrecord` per call covering all
 * requested sections, whose answer is then split into one promise per section. The NHS number
 * travels only in the request body, never in the URL.
 */
export function gpConnectSource(options: GpConnectSourceOptions): RecordSource {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clock = options.clock ?? (() => new Date());
  const traceId = options.traceId ?? randomId;

  function headers(): Record<string, string> {
    const result: Record<string, string> = {
      ...options.headers,
      'Ssp-TraceID': traceId(),
      'Ssp-InteractionID': GET_STRUCTURED_RECORD_INTERACTION,
    };
    if (options.ssp) {
      result['Ssp-From'] = options.ssp.from;
      result['Ssp-To'] = options.ssp.to;
    }
    if (options.viewer) {
      const jwt = gpConnectJwt({
        viewer: options.viewer,
        issuer: options.issuer ?? globalThis.location?.origin ?? 'urn:dcr-elements',
        audience: options.audience ?? absolute(baseUrl),
        now: Math.floor(clock().getTime() / 1000),
        device: options.device ?? DEFAULT_DEVICE,
      });
      result['Authorization'] = `Bearer ${jwt}`;
    }
    return result;
  }

  /**
   * The answers already asked for with each abort signal (the section store uses one per
   * patient): a later call whose clinical areas an earlier request covered is served from that
   * answer, so e.g. diagnoses after problems, or demographics after anything, costs no POST.
   */
  const answers = new WeakMap<AbortSignal, Answer[]>();

  function structuredRecord(sections: readonly SectionName[], request: SourceRequest) {
    const includes = includeParameters(sections);
    let earlier: Answer[] = [];
    if (request.signal) {
      earlier = answers.get(request.signal) ?? [];
      answers.set(request.signal, earlier);
    }
    const covering = earlier.find(
      (a) => a.nhsNumber === request.nhsNumber && [...includes].every((i) => a.includes.has(i)),
    );
    if (covering) return covering.bundle;
    const answer: Answer = {
      nhsNumber: request.nhsNumber,
      includes,
      bundle: post(sections, request),
    };
    earlier.push(answer);
    // A failed answer is not kept: asking again (retry) must reach the server.
    answer.bundle.catch(() => {
      const at = earlier.indexOf(answer);
      if (at >= 0) earlier.splice(at, 1);
    });
    return answer.bundle;
  }

  async function post(sections: readonly SectionName[], request: SourceRequest): Promise<unknown> {
    // Failures arrive as RecordErrors whose kind and refusal come from the Spine error code.
    const bundle = await fetchJson(fetchFn, {
      url: `${baseUrl}/Patient/$gpc.getstructuredrecord`,
      method: 'POST',
      json: structuredRecordParameters(request.nhsNumber, sections, options),
      headers: headers(),
      signal: request.signal,
    });
    if ((bundle as { resourceType?: unknown } | null)?.resourceType !== 'Bundle') {
      throw new RecordError('server', undefined, spineErrorCode(bundle));
    }
    return bundle;
  }

  async function fetchRecord(
    sections: readonly SectionName[],
    request: SourceRequest,
  ): Promise<{ values: Partial<SectionValues>; patients: number }> {
    // The STU3 normaliser is a separate chunk, loaded alongside the request it will read.
    const [bundle, stu3] = await Promise.all([structuredRecord(sections, request), stu3Reader()]);
    const values = stu3.normaliseStructuredRecord(
      bundle,
      sections,
      request.nhsNumber,
      stu3.normaliseOptions(options.normalise),
    );
    return { values, patients: stu3.patientsWithNhsNumber(bundle, request.nhsNumber) };
  }

  return {
    kind: 'gp-connect',
    fetchSections<K extends SectionName>(sections: readonly K[], request: SourceRequest) {
      const answer = fetchRecord(sections, request);
      const promises: Partial<Record<SectionName, Promise<unknown>>> = {};
      for (const section of sections) {
        promises[section] = answer.then(({ values, patients }) => {
          const value = values[section];
          if (value !== undefined) return value;
          // Not in the answer: no matching Patient for demographics (or more than one, which is
          // never guessed between); otherwise the area was not returned or could not be read,
          // which must show as unavailable, never as empty.
          if (section !== 'demographics') throw new RecordError('server');
          throw new RecordError(patients > 1 ? 'ambiguous' : 'not-found');
        });
      }
      return promises as SectionPromises<K>;
    },
  };
}

function absolute(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
