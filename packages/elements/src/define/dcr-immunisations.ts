import { DcrImmunisations } from '../immunisations/immunisations.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-immunisations', DcrImmunisations);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-immunisations': DcrImmunisations;
  }
}
