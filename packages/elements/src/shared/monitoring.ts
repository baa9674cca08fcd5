import type { ReactiveControllerHost } from 'lit';
import type {
  InvestigationsSection,
  MedicationsSection,
  MonitoredMedicine,
} from '@dcr-elements/core';
import { LazyController, LazyModule, type Loaded } from './lazy-module.js';
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

/**
 * The drug monitoring rule, imported the first time a record has medicines to check. Tests
 * replace `load` (and clear `value`) to make the load fail.
 */
export const monitoringRule = new LazyModule<typeof drugMonitoring>(() =>
  import('./monitoring-rule.js').then((module) => module.drugMonitoring),
);

/** Drug monitoring for a pair of sections: worked out, its rule still loading, or not checked. */
export type MonitoringResult = Loaded<MonitoredMedicine[]>;

/**
 * The drug monitoring of a medications and an investigations section, for an element to render:
 * loads the rule when there are medicines to check, re-renders the host when it arrives, and
 * says `failed` (never an empty list) when it could not be loaded, until `retry()`.
 */
export class MonitoringController {
  private readonly lazy: LazyController;
  private from: readonly object[] = [];
  private monitored: MonitoredMedicine[] = [];

  constructor(host: ReactiveControllerHost) {
    this.lazy = new LazyController(host);
  }

  /** Monitoring for these sections; worked out again only when either section changes. */
  of(medications: MedicationsSection, results: InvestigationsSection): MonitoringResult {
    // No medicine, nothing to monitor: the rule is not needed (nor loaded).
    if (medications.entries.length === 0) return { status: 'ready', value: [] };
    const rule = this.lazy.use(monitoringRule);
    if (rule.status !== 'ready') return rule;
    if (this.from[0] !== medications || this.from[1] !== results) {
      this.from = [medications, results];
      this.monitored = rule.value(medications, results);
    }
    return { status: 'ready', value: this.monitored };
  }

  /** "Try again" after the rule could not be loaded. */
  retry(): void {
    this.lazy.retry(monitoringRule);
  }
}
