import { DcrProcedureList } from '../procedure-list/procedure-list.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-procedure-list', DcrProcedureList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-procedure-list': DcrProcedureList;
  }
}
