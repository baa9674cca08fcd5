/**
 * Fault profiles: named, seeded descriptions of how the sandbox should misbehave for requests that
 * carry `x-dcr-sandbox-profile: <name>`. Requests without the header are never affected.
 */
import { SeededRandom } from '../synthetic/random.js';

export const FAULT_PROFILE_HEADER = 'x-dcr-sandbox-profile';

/** One injected failure. */
export type FaultStep =
  | { status: 429 | 500 | 503; retryAfterSeconds?: number }
  | { timeoutMs: number }
  | { truncate: true }
  /** The connection is dropped without an answer (a proxy or load balancer resetting it). */
  | { reset: true };

export interface FaultProfileConfig {
  /** Seed for latency and rate draws; the same seed gives the same sequence. Default 1. */
  seed?: number;
  /** Every matching response waits a uniformly drawn delay in [min, max] ms. */
  latencyMs?: { min: number; max: number };
  /** Consumed in order, one step per matching request, before any rate applies. */
  queue?: FaultStep[];
  /** After the queue: each matching request fails with `fault` with this probability (0..1). */
  rate?: { probability: number; fault: FaultStep };
  /** Only requests whose path contains this text are affected (default: every request). */
  pathContains?: string;
}

export interface FaultProfile {
  readonly config: FaultProfileConfig;
  /** The delay and the fault (if any) for the next matching request; advances the profile. */
  next(pathname: string): { latencyMs: number; fault?: FaultStep } | undefined;
}

const MAX_DELAY_MS = 120_000;

export function createFaultProfile(config: FaultProfileConfig): FaultProfile {
  const random = new SeededRandom(config.seed ?? 1);
  const queue = [...(config.queue ?? [])];
  return {
    config,
    next(pathname) {
      if (config.pathContains && !pathname.includes(config.pathContains)) return undefined;
      const { min, max } = config.latencyMs ?? { min: 0, max: 0 };
      const latencyMs = Math.round(min + random.next() * (max - min));
      const queued = queue.shift();
      if (queued) return { latencyMs, fault: queued };
      if (config.rate && random.next() < config.rate.probability)
        return { latencyMs, fault: config.rate.fault };
      return { latencyMs };
    },
  };
}

/** Checks a control request's JSON; returns the config or a sentence saying what is wrong. */
export function parseFaultProfileConfig(json: unknown): FaultProfileConfig | string {
  if (!isObject(json)) return 'The body must be a JSON object.';
  const { seed, latencyMs, queue, rate, pathContains } = json;
  if (seed !== undefined && !Number.isInteger(seed)) return '`seed` must be an integer.';
  if (latencyMs !== undefined) {
    if (
      !isObject(latencyMs) ||
      !isDelay(latencyMs.min) ||
      !isDelay(latencyMs.max) ||
      latencyMs.min > latencyMs.max
    ) {
      return '`latencyMs` must be { min, max } in ms with 0 <= min <= max <= 120000.';
    }
  }
  if (queue !== undefined && (!Array.isArray(queue) || !queue.every(isFaultStep))) {
    return '`queue` must be an array of steps: { status: 429|500|503, retryAfterSeconds? }, { timeoutMs }, { truncate: true }, { reset: true }.';
  }
  if (rate !== undefined) {
    if (
      !isObject(rate) ||
      typeof rate.probability !== 'number' ||
      rate.probability < 0 ||
      rate.probability > 1 ||
      !isFaultStep(rate.fault)
    ) {
      return '`rate` must be { probability: 0..1, fault: <step> }.';
    }
  }
  if (pathContains !== undefined && typeof pathContains !== 'string')
    return '`pathContains` must be a string.';
  return json as FaultProfileConfig;
}

function isFaultStep(step: unknown): step is FaultStep {
  if (!isObject(step)) return false;
  if ('status' in step) {
    return (
      [429, 500, 503].includes(step.status as number) &&
      (step.retryAfterSeconds === undefined ||
        (Number.isInteger(step.retryAfterSeconds) && (step.retryAfterSeconds as number) >= 0))
    );
  }
  if ('timeoutMs' in step) return isDelay(step.timeoutMs);
  if ('reset' in step) return step.reset === true;
  return step.truncate === true;
}

const isDelay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DELAY_MS;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
