/** Applies a fault profile's decision to one HTTP exchange. */
import type { ServerResponse } from 'node:http';
import { operationOutcome } from '../operation-outcome.js';
import type { FaultProfile } from './profiles.js';

const ISSUE_FOR_STATUS: Record<number, [string, string]> = {
  429: ['throttled', 'Too many requests (injected by the sandbox fault profile)'],
  500: ['exception', 'Server failure (injected by the sandbox fault profile)'],
  503: ['transient', 'Service unavailable (injected by the sandbox fault profile)'],
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Injected =
  | { truncate: boolean }
  | { reset: true }
  | { status: 429 | 500 | 503; retryAfterSeconds?: number; outcome: unknown };

/**
 * Draws the profile's decision for one request (or one entry of a batch, by the entry's path) and
 * waits out its latency and a timeout's hold: a status is then the request's answer; a truncation
 * or a reset is for the caller to apply to its exchange.
 */
export async function drawFault(
  profile: FaultProfile | undefined,
  pathname: string,
): Promise<Injected> {
  const decision = profile?.next(pathname);
  if (!decision) return { truncate: false };
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const fault = decision.fault;
  if (!fault) return { truncate: false };
  if ('timeoutMs' in fault) {
    // Held, then answered normally: a client with a shorter timeout sees a timeout.
    await sleep(fault.timeoutMs);
    return { truncate: false };
  }
  if ('truncate' in fault) return { truncate: true };
  if ('reset' in fault) return { reset: true };
  const [issue, text] = ISSUE_FOR_STATUS[fault.status]!;
  return { ...fault, outcome: operationOutcome(issue, text) };
}

/**
 * Waits out the injected latency (and a timeout's hold), and answers an injected status itself.
 * Returns `undefined` when it has answered, else whether the real body must be truncated.
 */
export async function injectFault(
  profile: FaultProfile | undefined,
  pathname: string,
  res: ServerResponse,
): Promise<{ truncate: boolean } | undefined> {
  const fault = await drawFault(profile, pathname);
  if ('truncate' in fault) return fault;
  if ('reset' in fault) {
    res.socket?.destroy();
    return undefined;
  }
  const headers: Record<string, string> = {
    'content-type': 'application/fhir+json; charset=utf-8',
  };
  if (fault.retryAfterSeconds !== undefined || fault.status === 429) {
    headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
  }
  res.writeHead(fault.status, headers).end(JSON.stringify(fault.outcome));
  return undefined;
}

/** Half of the body, so a JSON parser fails on it; Content-Length matches what is sent. */
export function truncated(body: string): string {
  return body.slice(0, Math.floor(body.length / 2));
}
