import { DcrPatientBanner } from '../patient-banner/patient-banner.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-patient-banner', DcrPatientBanner);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-patient-banner': DcrPatientBanner;
  }
}
