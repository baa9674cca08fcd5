import { DcrConsentGate } from '../consent-gate/consent-gate.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-consent-gate', DcrConsentGate);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-consent-gate': DcrConsentGate;
  }
}
