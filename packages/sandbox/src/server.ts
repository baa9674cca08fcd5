import './websocket-shim.js';
import {
  STATUS_CODES,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { AUDIT_EVENT, createAuditEventReceiver } from './audit-events.js';
import { SUPPORTED_SEARCHES, capabilityStatement } from './capability-statement.js';
import { indexFhirDefinitions } from './fhir-definitions.js';
import { operationOutcome } from './operation-outcome.js';
import { FAULT_CONTROL_PATH, FaultRegistry } from './faults/control.js';
import { drawFault, injectFault, truncated } from './faults/injector.js';
import { FAULT_PROFILE_HEADER, type FaultProfile } from './faults/profiles.js';
import { requestingOrganisation } from './gpconnect/agreement.js';
import {
  GP_CONNECT_PATH,
  STRUCTURED_RECORD_OPERATION,
  getStructuredRecord,
} from './gpconnect/operation.js';
import { searchPatientRecords } from './patient-search.js';
import { RecordIndex } from './record-index.js';
import { isClinicalType, patientIdOf, patientIdOfQuery, sharingRefusal } from './sharing.js';
import { generateSyntheticRecords, SYNTHETIC_TODAY } from './synthetic/patients.js';

export const FHIR_R4_PATH = '/fhir/r4';
export { GP_CONNECT_PATH };
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
const MAX_BODY_BYTES = 1_000_000;
/** More than any client page asks in one batch (the record core sends at most a dozen). */
const MAX_BATCH_ENTRIES = 100;

type Query = Record<string, string | string[]>;

export interface Sandbox {
  /** Node request handler; answers under {@link FHIR_R4_PATH} and 404s elsewhere. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** True when `pathname` is one the sandbox answers (for mounting in another server). */
  owns(pathname: string): boolean;
  readonly repository: MemoryRepository;
  /** Fault profiles, also configurable over HTTP at /__sandbox/faults. */
  readonly faults: FaultRegistry;
}

/** Builds the in-memory FHIR server and loads the synthetic patients into it. */
export async function createSandbox(): Promise<Sandbox> {
  indexFhirDefinitions();
  const repository = new MemoryRepository();
  const router = new FhirRouter();
  const records = generateSyntheticRecords();
  // Seeding keeps the fixed meta below (deterministic responses) and skips per-write bookkeeping.
  const meta = { versionId: '1', lastUpdated: `${SYNTHETIC_TODAY}T00:00:00Z` };
  await repository.withSeeding(async () => {
    for (const resource of records) {
      await repository.createResource({
        ...resource,
        meta: { ...resource.meta, ...meta },
      } as MedplumResource);
    }
  });
  const index = new RecordIndex(records);
  const faults = new FaultRegistry();
  const auditEvents = createAuditEventReceiver(repository);

  /** A 403 when the request reaches a refused patient's clinical record (see sharing.ts). */
  function refusalFor(
    resourceType: string,
    patientId: string | undefined,
  ): [number, unknown] | undefined {
    if (!patientId || !isClinicalType(resourceType)) return undefined;
    const status = index.sharingStatus(patientId);
    return status === 'share' ? undefined : [403, sharingRefusal(status)];
  }

  /** One FHIR R4 interaction: a request of its own, or one entry of a batch. */
  async function answer(
    method: string,
    url: URL,
    body: () => Promise<string>,
  ): Promise<[number, unknown]> {
    const path = url.pathname.slice(FHIR_R4_PATH.length).replace(/\/+$/, '');
    const base = `${url.origin}${FHIR_R4_PATH}`;
    const [resourceType, ...rest] = path.split('/').filter(Boolean);
    if (method === 'GET' && resourceType === 'metadata' && rest.length === 0) {
      return [200, capabilityStatement(base)];
    }
    if (resourceType === AUDIT_EVENT) return auditEvents.answer(method, rest, url, base, body);
    if (!resourceType || !(resourceType in SUPPORTED_SEARCHES)) {
      return [404, operationOutcome('not-supported', 'Unknown or unsupported resource type')];
    }
    const isSearchPost = method === 'POST' && rest.length === 1 && rest[0] === '_search';
    if (method !== 'GET' && !isSearchPost) {
      return [405, operationOutcome('not-supported', 'The sandbox serves the record read-only')];
    }
    const query: Query = { ...queryOf(url.searchParams) };
    if (isSearchPost) Object.assign(query, queryOf(new URLSearchParams(await body())));
    const isSearch = rest.length === 0 || isSearchPost;
    const refused = isSearch ? refusalFor(resourceType, patientIdOfQuery(query)) : undefined;
    if (refused) return refused;
    if (isSearch) {
      query._count = String(pageSize(query._count));
      query._offset = String(Math.max(0, Number(first(query._offset)) || 0));
    }
    const patientId = isSearch ? patientIdOfQuery(query) : undefined;
    if (patientId) {
      const bundle = searchPatientRecords(resourceType, query, index.recordsOf(patientId), meta);
      if (bundle) {
        addPagingLinks(bundle, `${base}/${resourceType}`, query);
        return [200, bundle];
      }
    }
    const routerPath = `/${resourceType}${isSearch ? '' : `/${rest.join('/')}`}`;
    const [outcome, resource] = await router.handleRequest(
      {
        method: 'GET',
        url: `${routerPath}?${toSearchParams(query)}`,
        pathname: '',
        query: {},
        params: {},
        body: undefined,
      },
      repository,
    );
    const status = getStatus(outcome);
    if (status >= 400 || !resource) return [status, outcome];
    if (!isSearch) {
      const readRefusal = refusalFor(resourceType, patientIdOf(resource as fhir4.Resource));
      if (readRefusal) return readRefusal;
    }
    if (isSearch) addPagingLinks(resource as fhir4.Bundle, `${base}/${resourceType}`, query);
    return [status, resource];
  }

  async function answerGpConnect(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const operation = url.pathname.slice(GP_CONNECT_PATH.length);
    if (req.method !== 'POST' || operation !== STRUCTURED_RECORD_OPERATION) {
      return [
        404,
        operationOutcome(
          'not-supported',
          'The sandbox serves only POST Patient/$gpc.getstructuredrecord here',
        ),
      ];
    }
    const requester = requestingOrganisation([req.headers.authorization].flat()[0]);
    return getStructuredRecord(await readBody(req), {
      ...(requester && { requestingOrganisation: requester }),
      findByNhsNumber: (nhsNumber) => index.byNhsNumber(nhsNumber),
      sharingStatus: (patientId) => index.sharingStatus(patientId),
      practice: index.practice,
      practitioner: index.practitioner,
      today: SYNTHETIC_TODAY,
    });
  }

  async function respond(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === FAULT_CONTROL_PATH || url.pathname.startsWith(`${FAULT_CONTROL_PATH}/`)) {
      const [status, body] = faults.control(req.method ?? 'GET', url.pathname, await readBody(req));
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
      return;
    }
    const profile = faults.get([req.headers[FAULT_PROFILE_HEADER]].flat()[0]);
    const injected = await injectFault(profile, url.pathname, res);
    if (!injected) return;
    const method = req.method ?? 'GET';
    const isBatch = method === 'POST' && url.pathname.replace(/\/+$/, '') === FHIR_R4_PATH;
    const answered = await (
      url.pathname.startsWith(`${GP_CONNECT_PATH}/`)
        ? answerGpConnect(req, url)
        : isBatch
          ? answerBatch(await readBody(req), url, profile, injected, res)
          : answer(method, url, () => readBody(req))
    ).catch((): [number, unknown] => [500, operationOutcome('exception', 'Sandbox failure')]);
    if (!answered) return; // the connection was reset
    const [status, body] = answered;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8' });
    res.end(injected.truncate ? truncated(json) : json);
  }

  /**
   * A FHIR `batch` (POST of a Bundle to the base): each entry answered as the same request made
   * on its own would be (searches, reads, sharing refusals), in order, with its own status. The
   * fault profile draws for each entry by the entry's path, as for a request of its own: a status
   * is that entry's answer; latency and a timeout's hold delay the whole answer, a truncation cuts
   * it and a reset drops the connection (one exchange carries every entry). Read-only: entries
   * other than GET are answered 405; a `transaction` is refused (400).
   */
  async function answerBatch(
    text: string,
    url: URL,
    profile: FaultProfile | undefined,
    exchange: { truncate: boolean },
    res: ServerResponse,
  ): Promise<[number, unknown] | undefined> {
    let bundle: fhir4.Bundle | undefined;
    try {
      bundle = JSON.parse(text) as fhir4.Bundle;
    } catch {
      bundle = undefined;
    }
    if (
      bundle?.resourceType !== 'Bundle' ||
      bundle.type !== 'batch' ||
      !Array.isArray(bundle.entry)
    )
      return [400, operationOutcome('invalid', 'Expected a Bundle of type batch')];
    if (bundle.entry.length > MAX_BATCH_ENTRIES)
      return [400, operationOutcome('too-costly', `At most ${MAX_BATCH_ENTRIES} entries a batch`)];
    const entry: fhir4.BundleEntry[] = [];
    for (const { request } of bundle.entry) {
      const target = request?.url
        ? new URL(request.url, `${url.origin}${FHIR_R4_PATH}/`)
        : undefined;
      if (!target || !target.pathname.startsWith(`${FHIR_R4_PATH}/`)) {
        entry.push(entryResponse(400, operationOutcome('invalid', 'Entry without a request url')));
        continue;
      }
      const injected = await drawFault(profile, target.pathname);
      if ('reset' in injected) {
        res.socket?.destroy();
        return undefined;
      }
      if ('truncate' in injected && injected.truncate) exchange.truncate = true;
      const [status, body] =
        'status' in injected
          ? [injected.status, injected.outcome]
          : request!.method === 'GET'
            ? await answer('GET', target, () => Promise.resolve('')).catch(
                (): [number, unknown] => [500, operationOutcome('exception', 'Sandbox failure')],
              )
            : [405, operationOutcome('not-supported', 'The sandbox serves the record read-only')];
      entry.push(entryResponse(status, body));
    }
    return [200, { resourceType: 'Bundle', type: 'batch-response', entry }];
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader(
      'access-control-allow-headers',
      `accept, content-type, authorization, ${FAULT_PROFILE_HEADER}`,
    );
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.setHeader('access-control-expose-headers', 'retry-after');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (!owns(url.pathname)) {
      res.writeHead(404, { 'content-type': 'application/fhir+json; charset=utf-8' });
      res.end(JSON.stringify(operationOutcome('not-found', 'No such endpoint')));
      return;
    }
    respond(req, res, url).catch(() => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/fhir+json; charset=utf-8' });
      res.end(JSON.stringify(operationOutcome('exception', 'Sandbox failure')));
    });
  }

  function owns(pathname: string): boolean {
    return [FHIR_R4_PATH, GP_CONNECT_PATH, FAULT_CONTROL_PATH].some(
      (base) => pathname === base || pathname.startsWith(`${base}/`),
    );
  }

  return { handle, owns, repository, faults };
}

export interface RunningSandbox {
  server: Server;
  /** e.g. `http://127.0.0.1:8787/fhir/r4` */
  fhirR4BaseUrl: string;
  /** e.g. `http://127.0.0.1:8787/fhir/gpconnect` (POST Patient/$gpc.getstructuredrecord) */
  gpConnectBaseUrl: string;
  close(): Promise<void>;
}

/** Starts the sandbox on its own HTTP port. Rejects with code `EADDRINUSE` when the port is taken. */
export async function startSandbox(options: {
  port: number;
  host?: string;
}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = await createSandbox();
  const server = createServer(sandbox.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    fhirR4BaseUrl: `http://${host}:${port}${FHIR_R4_PATH}`,
    gpConnectBaseUrl: `http://${host}:${port}${GP_CONNECT_PATH}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A batch-response entry: the resource when it succeeded, else the OperationOutcome. */
function entryResponse(status: number, body: unknown): fhir4.BundleEntry {
  const response = { status: `${status} ${STATUS_CODES[status] ?? ''}`.trim() };
  return status < 300
    ? { resource: body as fhir4.FhirResource, response }
    : { response: { ...response, outcome: body as fhir4.FhirResource } };
}

function addPagingLinks(bundle: fhir4.Bundle, searchUrl: string, query: Query): void {
  const count = Number(first(query._count));
  const offset = Number(first(query._offset));
  const pageUrl = (pageOffset: number) =>
    `${searchUrl}?${toSearchParams({ ...query, _offset: String(pageOffset) })}`;
  const links: fhir4.BundleLink[] = [{ relation: 'self', url: pageUrl(offset) }];
  const returned = bundle.entry?.length ?? 0;
  const hasMore =
    bundle.total !== undefined ? offset + returned < bundle.total : returned === count;
  if (hasMore && returned > 0) links.push({ relation: 'next', url: pageUrl(offset + count) });
  if (offset > 0) links.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
  bundle.link = links;
}

function pageSize(requested: string | string[] | undefined): number {
  const n = Number(first(requested));
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.floor(n), MAX_PAGE_SIZE);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryOf(params: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of params) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return query;
}

function toSearchParams(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of [value].flat()) params.append(key, v);
  }
  return params.toString();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
