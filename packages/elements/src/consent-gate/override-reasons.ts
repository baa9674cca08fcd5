import type { OverrideReason } from '@dcr-elements/core';

/** How each coded duty-of-care reason reads on screen (docs/architecture.md#rules). The codes themselves live in core. */
export const OVERRIDE_REASON_LABELS: Readonly<Record<OverrideReason, string>> = {
  emergency: 'Medical emergency',
  safeguarding: 'Safeguarding concern',
  'unable-to-respond': 'Patient unable to respond',
};
