import { DcrRecord } from '../record/record.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';
// The record's own parts, registered up front: they are on screen before any tab.
import './dcr-patient-banner.js';
import './dcr-consent-gate.js';
import './dcr-allergy-banner.js';

// Each tab's element is fetched when its tab is first shown (and every one when the page is
// idle), so the page does not load ten elements to show the summary.
DcrRecord.tabLoaders = {
  'dcr-summary': () => import('./dcr-summary.js'),
  'dcr-problem-list': () => import('./dcr-problem-list.js'),
  'dcr-diagnosis-list': () => import('./dcr-diagnosis-list.js'),
  'dcr-medication-list': () => import('./dcr-medication-list.js'),
  'dcr-risks-warnings': () => import('./dcr-risks-warnings.js'),
  'dcr-procedure-list': () => import('./dcr-procedure-list.js'),
  'dcr-investigations': () => import('./dcr-investigations.js'),
  'dcr-blood-pressure': () => import('./dcr-blood-pressure.js'),
  'dcr-immunisations': () => import('./dcr-immunisations.js'),
  'dcr-events-timeline': () => import('./dcr-events-timeline.js'),
};

defineOnce('dcr-record', DcrRecord);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-record': DcrRecord;
  }
}
