import { DcrProcedureList } from '../procedure-list/procedure-list.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-procedure-list', DcrProcedureList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-procedure-list': DcrProcedureList;
  }
}
