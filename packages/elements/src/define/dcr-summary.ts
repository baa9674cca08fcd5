import { DcrSummary } from '../summary/summary.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-summary', DcrSummary);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-summary': DcrSummary;
  }
}
