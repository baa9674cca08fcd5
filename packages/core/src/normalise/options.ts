import type { HighRiskClass } from './shared/high-risk.js';
import { DEFAULT_HIGH_RISK_CLASSES } from './shared/high-risk.js';

/**
 * When a current repeat counts as not issued for too long (`Medication.notIssuedSince`): its last
 * issue is more than `supplyMultiple` times its expected supply duration ago, or, when the source
 * gives no expected supply, more than `monthsWithoutSupply` months ago.
 */
export interface StaleRepeatRule {
  supplyMultiple: number;
  monthsWithoutSupply: number;
}

export const DEFAULT_STALE_REPEAT: StaleRepeatRule = { supplyMultiple: 2, monthsWithoutSupply: 6 };

/** What every normaliser needs besides the data. */
export interface NormaliseOptions {
  /** Today's date (ISO), injected so "current" is reproducible in tests. */
  today: string;
  highRisk: readonly HighRiskClass[];
  /** When a current repeat is flagged as not issued since its last issue (default above). */
  staleRepeat?: StaleRepeatRule;
}

export function normaliseOptions(overrides: Partial<NormaliseOptions> = {}): NormaliseOptions {
  return {
    today: overrides.today ?? new Date().toISOString().slice(0, 10),
    highRisk: overrides.highRisk ?? DEFAULT_HIGH_RISK_CLASSES,
    staleRepeat: overrides.staleRepeat ?? DEFAULT_STALE_REPEAT,
  };
}
