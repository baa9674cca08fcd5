import { DcrRecord } from '../record/record.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';
// The record's own parts and every tab's element: one import gives the whole record.
import './dcr-patient-banner.js';
import './dcr-consent-gate.js';
import './dcr-allergy-banner.js';
import './dcr-summary.js';
import './dcr-medication-list.js';
import './dcr-events-timeline.js';
import './dcr-risks-warnings.js';
import './dcr-investigations.js';
import './dcr-blood-pressure.js';
import './dcr-problem-list.js';
import './dcr-diagnosis-list.js';
import './dcr-procedure-list.js';
import './dcr-immunisations.js';

defineOnce('dcr-record', DcrRecord);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-record': DcrRecord;
  }
}
