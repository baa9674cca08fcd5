import './websocket-shim.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { AUDIT_EVENT, createAuditEventReceiver } from './audit-events.js';
import { SUPPORTED_SEARCHES, capabilityStatement } from './capability-statement.js';
import { indexFhirDefinitions } from './fhir-definitions.js';
import { operationOutcome } from './operation-outcome.js';
import { FAULT_CONTROL_PATH, FaultRegistry } from './faults/control.js';
import { injectFault, truncated } from './faults/injector.js';
import { FAULT_PROFILE_HEADER } from './faults/profiles.js';
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

  async function answer(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const path = url.pathname.slice(FHIR_R4_PATH.length).replace(/\/+$/, '');
    const base = `${url.origin}${FHIR_R4_PATH}`;
    const [resourceType, ...rest] = path.split('/').filter(Boolean);
    if (req.method === 'GET' && resourceType === 'metadata' && rest.length === 0) {
      return [200, capabilityStatement(base)];
    }
    if (resourceType === AUDIT_EVENT)
      return auditEvents.answer(req.method ?? 'GET', rest, url, base, () => readBody(req));
    if (!resourceType || !(resourceType in SUPPORTED_SEARCHES)) {
      return [404, operationOutcome('not-supported', 'Unknown or unsupported resource type')];
    }
    const isSearchPost = req.method === 'POST' && rest.length === 1 && rest[0] === '_search';
    if (req.method !== 'GET' && !isSearchPost) {
      return [405, operationOutcome('not-supported', 'The sandbox serves the record read-only')];
    }
    const query: Query = { ...queryOf(url.searchParams) };
    if (isSearchPost) Object.assign(query, queryOf(new URLSearchParams(await readBody(req))));
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
    const profileName = [req.headers[FAULT_PROFILE_HEADER]].flat()[0];
    const injected = await injectFault(faults.get(profileName), url.pathname, res);
    if (!injected) return;
    const [status, body] = await (
      url.pathname.startsWith(`${GP_CONNECT_PATH}/`) ? answerGpConnect(req, url) : answer(req, url)
    ).catch((): [number, unknown] => [500, operationOutcome('exception', 'Sandbox failure')]);
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8' });
    res.end(injected.truncate ? truncated(json) : json);
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
