import { DcrMedicationList } from '../medication-list/medication-list.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-medication-list', DcrMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-medication-list': DcrMedicationList;
  }
}
