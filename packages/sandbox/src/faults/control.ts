/**
 * The fault control endpoint, outside the FHIR paths so it can never be mistaken for a resource:
 *   GET    /__sandbox/faults          the configured profiles
 *   PUT    /__sandbox/faults/<name>   configure (or replace, which restarts its seed) a profile
 *   DELETE /__sandbox/faults/<name>   remove one;  DELETE /__sandbox/faults  remove all
 * POST is accepted as PUT. Bodies are JSON (see FaultProfileConfig).
 */
import { createFaultProfile, parseFaultProfileConfig, type FaultProfile } from './profiles.js';

export const FAULT_CONTROL_PATH = '/__sandbox/faults';

export class FaultRegistry {
  private readonly profiles = new Map<string, FaultProfile>();

  get(name: string | undefined): FaultProfile | undefined {
    return name ? this.profiles.get(name) : undefined;
  }

  /** Answers a control request: [status, JSON body]. */
  control(method: string, pathname: string, body: string): [number, unknown] {
    const name = decodeURIComponent(
      pathname.slice(FAULT_CONTROL_PATH.length).replace(/^\/+|\/+$/g, ''),
    );
    if (method === 'GET' && !name) {
      return [
        200,
        { profiles: Object.fromEntries([...this.profiles].map(([n, p]) => [n, p.config])) },
      ];
    }
    if (method === 'DELETE') {
      if (name) this.profiles.delete(name);
      else this.profiles.clear();
      return [200, { profiles: [...this.profiles.keys()] }];
    }
    if ((method === 'PUT' || method === 'POST') && /^[\w.-]{1,64}$/.test(name)) {
      let json: unknown;
      try {
        json = JSON.parse(body || '{}');
      } catch {
        return [400, { error: 'The body is not JSON.' }];
      }
      const config = parseFaultProfileConfig(json);
      if (typeof config === 'string') return [400, { error: config }];
      this.profiles.set(name, createFaultProfile(config));
      return [200, { profile: name, config }];
    }
    return [
      400,
      {
        error: 'Use GET, PUT/POST or DELETE on /__sandbox/faults/<name> (letters, digits, . _ -).',
      },
    ];
  }
}
