import { DcrInvestigations } from '../investigations/investigations.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-investigations', DcrInvestigations);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-investigations': DcrInvestigations;
  }
}
