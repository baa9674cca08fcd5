import { DcrImmunisations } from '../immunisations/immunisations.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-immunisations', DcrImmunisations);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-immunisations': DcrImmunisations;
  }
}
