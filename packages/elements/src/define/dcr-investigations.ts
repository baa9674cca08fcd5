import { DcrInvestigations } from '../investigations/investigations.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-investigations', DcrInvestigations);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-investigations': DcrInvestigations;
  }
}
