import { DcrSummary } from '../summary/summary.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-summary', DcrSummary);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-summary': DcrSummary;
  }
}
