import { DcrMedicationList } from '../medication-list/medication-list.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-medication-list', DcrMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-medication-list': DcrMedicationList;
  }
}
