import { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-allergy-banner', DcrAllergyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-allergy-banner': DcrAllergyBanner;
  }
}
