/**
 * The one writable part of the sandbox: AuditEvents from the library's audit trail.
 *   PUT  /AuditEvent/<id>   store (201), or answer 200 with the stored copy when the id exists:
 *                           audit is append-only, so a resend never duplicates or alters a record
 *   POST /AuditEvent        the same, keyed by the body's id (one is required)
 *   GET  /AuditEvent/<id>   read
 *   GET  /AuditEvent?...    search by `_id` (comma list), `entity-identifier` and
 *                           `agent-identifier` (token, `[system|]value`), paged by `_count`/`_offset`,
 *                           in the order stored or by `_sort=date` / `_sort=-date` (`recorded`,
 *                           newest first with `-`), as an auditor reads the trail
 * Bodies are checked against the FHIR R4 AuditEvent structure (medplum's validator, which does not
 * check terminology bindings) and the two required bindings the structure cannot: action, outcome.
 */
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { operationOutcome } from './operation-outcome.js';

export const AUDIT_EVENT = 'AuditEvent';
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;
const SEARCH_PARAMS = new Set([
  '_id',
  'entity-identifier',
  'agent-identifier',
  '_count',
  '_offset',
  '_sort',
]);
/** `_sort` values: the `date` search parameter of AuditEvent is `recorded`. */
const SORTS = new Set(['date', '-date']);

type Answer = [number, unknown];

export interface AuditEventReceiver {
  /** Answers a request under `<base>/AuditEvent`; `rest` is the path after the type. */
  answer(
    method: string,
    rest: string[],
    url: URL,
    base: string,
    readBody: () => Promise<string>,
  ): Promise<Answer>;
}

export function createAuditEventReceiver(repository: MemoryRepository): AuditEventReceiver {
  async function stored(id: string): Promise<fhir4.AuditEvent | undefined> {
    return repository.readResource<MedplumResource>(AUDIT_EVENT, id).then(
      (resource) => resource as unknown as fhir4.AuditEvent,
      () => undefined,
    );
  }

  async function write(urlId: string | undefined, body: string): Promise<Answer> {
    let resource: fhir4.AuditEvent;
    try {
      resource = JSON.parse(body) as fhir4.AuditEvent;
    } catch {
      return [400, operationOutcome('invalid', 'The body is not JSON.')];
    }
    if (resource?.resourceType !== AUDIT_EVENT) {
      return [400, operationOutcome('invalid', 'Only AuditEvent resources may be written here.')];
    }
    const id = urlId ?? resource.id;
    if (!id || !FHIR_ID.test(id) || resource.id !== id) {
      return [
        400,
        operationOutcome('invalid', 'The AuditEvent needs an id, the same as in the URL.'),
      ];
    }
    if (
      !['C', 'R', 'U', 'D', 'E', undefined].includes(resource.action) ||
      !['0', '4', '8', '12', undefined].includes(resource.outcome)
    ) {
      return [
        400,
        operationOutcome('invalid', 'AuditEvent.action or AuditEvent.outcome is not an R4 code.'),
      ];
    }
    const existing = await stored(id);
    if (existing) return [200, existing];
    try {
      validateResource(resource as unknown as MedplumResource);
    } catch (error) {
      const detail =
        error instanceof OperationOutcomeError
          ? error.outcome.issue?.[0]?.details?.text
          : undefined;
      return [
        400,
        operationOutcome('invalid', `Not a valid AuditEvent${detail ? `: ${detail}` : ''}`),
      ];
    }
    try {
      const created = await repository.createResource(resource as unknown as MedplumResource);
      return [201, created];
    } catch {
      // Two writes of the same id raced: the first one stored it.
      const raced = await stored(id);
      return raced
        ? [200, raced]
        : [500, operationOutcome('exception', 'The AuditEvent was not stored.')];
    }
  }

  async function search(url: URL, base: string): Promise<Answer> {
    const params = url.searchParams;
    const unknown = [...params.keys()].find((key) => !SEARCH_PARAMS.has(key));
    if (unknown)
      return [
        400,
        operationOutcome('not-supported', `Unsupported AuditEvent search parameter: ${unknown}`),
      ];
    const sort = params.get('_sort');
    if (sort !== null && !SORTS.has(sort))
      return [
        400,
        operationOutcome('not-supported', 'AuditEvents sort by date or -date only (_sort)'),
      ];
    const ids = params.get('_id')?.split(',');
    const entity = token(params.get('entity-identifier'));
    const agent = token(params.get('agent-identifier'));
    const count = Math.min(MAX_COUNT, Math.max(1, Number(params.get('_count')) || DEFAULT_COUNT));
    const offset = Math.max(0, Math.floor(Number(params.get('_offset')) || 0));
    const all = (await repository.searchResources({
      resourceType: AUDIT_EVENT,
    })) as unknown as fhir4.AuditEvent[];
    const matches = all.filter(
      (event) =>
        (!ids || ids.includes(event.id ?? '')) &&
        (!entity || (event.entity ?? []).some((e) => entity(e.what?.identifier))) &&
        (!agent || event.agent.some((a) => agent(a.who?.identifier))),
    );
    if (sort) {
      const newestFirst = sort === '-date';
      // Instants compare as times, not strings (offsets and fractions differ); ties keep stored order.
      matches.sort((a, b) => {
        const difference = Date.parse(a.recorded) - Date.parse(b.recorded);
        return newestFirst ? -difference : difference;
      });
    }
    const page = matches.slice(offset, offset + count);
    const pageUrl = (pageOffset: number) => {
      const next = new URLSearchParams(params);
      next.set('_count', String(count));
      next.set('_offset', String(pageOffset));
      return `${base}/${AUDIT_EVENT}?${next}`;
    };
    const link: fhir4.BundleLink[] = [{ relation: 'self', url: pageUrl(offset) }];
    if (offset + page.length < matches.length)
      link.push({ relation: 'next', url: pageUrl(offset + count) });
    if (offset > 0) link.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
    const bundle: fhir4.Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      link,
      entry: page.map((resource) => ({
        fullUrl: `${base}/${AUDIT_EVENT}/${resource.id}`,
        resource,
        search: { mode: 'match' },
      })),
    };
    return [200, bundle];
  }

  return {
    async answer(method, rest, url, base, readBody) {
      const [id, ...more] = rest;
      if (more.length > 0 || (id !== undefined && !FHIR_ID.test(id))) {
        return [404, operationOutcome('not-found', 'No such AuditEvent endpoint')];
      }
      if (method === 'PUT' && id) return write(id, await readBody());
      if (method === 'POST' && !id) return write(undefined, await readBody());
      if (method === 'GET' && id) {
        const event = await stored(id);
        return event
          ? [200, event]
          : [404, operationOutcome('not-found', 'No AuditEvent with that id')];
      }
      if (method === 'GET') return search(url, base);
      return [
        405,
        operationOutcome(
          'not-supported',
          'AuditEvents are written with PUT AuditEvent/<id> and never changed',
        ),
      ];
    },
  };
}

/** A token search value as a predicate over identifiers: `system|value`, `|value` or `value`. */
function token(
  value: string | null,
): ((identifier: fhir4.Identifier | undefined) => boolean) | undefined {
  if (!value) return undefined;
  const bar = value.indexOf('|');
  const system = bar >= 0 ? value.slice(0, bar) : undefined;
  const code = bar >= 0 ? value.slice(bar + 1) : value;
  return (identifier) =>
    identifier?.value === code &&
    (system === undefined || system === '' ? true : identifier.system === system);
}
