// Small helpers shared by the sandbox's browser tests (not a test file itself).
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';

export const GP_CONNECT = '/fhir/gpconnect';

// Tests read arbitrary FHIR JSON; `any` keeps the assertions short and stays inside the tests.

export type Json = any;

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Reads every page of a search, following Bundle.link next; counts the requests made. */
export async function searchAll(
  path: string,
): Promise<{ entries: Json[]; requests: number; total: number }> {
  let url: string | undefined = `${SANDBOX_FHIR_R4}/${path}`;
  const entries: Json[] = [];
  let requests = 0;
  let total = 0;
  while (url) {
    const { status, body } = await getJson(url);
    if (status !== 200) throw new Error(`search failed with ${status}`);
    requests++;
    total = body.total;
    entries.push(...(body.entry ?? []));
    url = body.link?.find((link: { relation: string }) => link.relation === 'next')?.url;
  }
  return { entries, requests, total };
}
