import type { HighRiskClass } from './shared/high-risk.js';
import { DEFAULT_HIGH_RISK_CLASSES } from './shared/high-risk.js';

/** What every normaliser needs besides the data. */
export interface NormaliseOptions {
  /** Today's date (ISO), injected so "current" is reproducible in tests. */
  today: string;
  highRisk: readonly HighRiskClass[];
}

export function normaliseOptions(overrides: Partial<NormaliseOptions> = {}): NormaliseOptions {
  return {
    today: overrides.today ?? new Date().toISOString().slice(0, 10),
    highRisk: overrides.highRisk ?? DEFAULT_HIGH_RISK_CLASSES,
  };
}
