import type { Medication } from '@dcr-elements/core';
import { formatDate } from './format.js';

/** Why a medicine is past, in a clinician's words ("Stopped 20-Mar-2015"), or `undefined` if current. */
export function pastStatusText(m: Medication): string | undefined {
  if (m.current && m.status !== 'stopped') return undefined;
  if (m.status === 'stopped')
    return `Stopped ${m.stopped ? formatDate(m.stopped) : '(date not known)'}`;
  if (m.kind === 'repeat') return 'Discontinued';
  return m.status === 'completed' ? 'Course completed' : 'Not current';
}
