import { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-allergy-banner', DcrAllergyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-allergy-banner': DcrAllergyBanner;
  }
}
