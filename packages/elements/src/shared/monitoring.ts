import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  InvestigationsSection,
  MedicationsSection,
  MonitoredMedicine,
} from '@dcr-elements/core';
import type { drugMonitoring } from './monitoring-rule.js';

/** A test's name inside a sentence: "Serum lithium" → "serum lithium"; "INR", "eGFR" kept. */
export const inSentence = (test: string): string =>
  /^[A-Z][a-z]/.test(test) ? test[0]!.toLowerCase() + test.slice(1) : test;

/** The monitored tests of each medicine together, medicines in section order. */
export function byMedicine(monitored: readonly MonitoredMedicine[]): MonitoredMedicine[][] {
  const groups = new Map<unknown, MonitoredMedicine[]>();
  for (const m of monitored) groups.set(m.medication, [...(groups.get(m.medication) ?? []), m]);
  return [...groups.values()];
}

type DrugMonitoring = typeof drugMonitoring;

/**
 * Where the drug monitoring rule comes from: `load` imports it the first time a record has
 * medicines to check, and `rule` keeps it for the page. Tests replace `load` (and clear `rule`)
 * to make the load fail.
 */
export const monitoringRule: { load: () => Promise<DrugMonitoring>; rule?: DrugMonitoring } = {
  load: () => import('./monitoring-rule.js').then((module) => module.drugMonitoring),
};

/** One load at a time for the whole page; a failed one is forgotten so it can be tried again. */
let pending: Promise<DrugMonitoring> | undefined;

function loadRule(): Promise<DrugMonitoring> {
  pending ??= monitoringRule.load().then(
    (rule) => {
      pending = undefined;
      return (monitoringRule.rule = rule);
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** Drug monitoring for a pair of sections: worked out, its rule still loading, or not checked. */
export type MonitoringResult =
  | { status: 'ready'; monitored: MonitoredMedicine[] }
  | { status: 'loading' }
  | { status: 'failed' };

/**
 * The drug monitoring of a medications and an investigations section, for an element to render:
 * loads the rule when there are medicines to check, re-renders the host when it arrives, and
 * says `failed` (never an empty list) when it could not be loaded, until `retry()`.
 */
export class MonitoringController implements ReactiveController {
  private failed = false;
  private from: readonly object[] = [];
  private monitored: MonitoredMedicine[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Monitoring for these sections; worked out again only when either section changes. */
  of(medications: MedicationsSection, results: InvestigationsSection): MonitoringResult {
    // No medicine, nothing to monitor: the rule is not needed (nor loaded).
    if (medications.entries.length === 0) return { status: 'ready', monitored: [] };
    const rule = monitoringRule.rule;
    if (!rule) {
      if (this.failed) return { status: 'failed' };
      loadRule().then(
        () => this.host.requestUpdate(),
        () => {
          this.failed = true;
          this.host.requestUpdate();
        },
      );
      return { status: 'loading' };
    }
    if (this.from[0] !== medications || this.from[1] !== results) {
      this.from = [medications, results];
      this.monitored = rule(medications, results);
    }
    return { status: 'ready', monitored: this.monitored };
  }

  /** "Try again" after the rule could not be loaded. */
  retry(): void {
    this.failed = false;
    this.host.requestUpdate();
  }
}
