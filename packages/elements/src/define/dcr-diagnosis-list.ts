import { DcrDiagnosisList } from '../diagnosis-list/diagnosis-list.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-diagnosis-list', DcrDiagnosisList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-diagnosis-list': DcrDiagnosisList;
  }
}
