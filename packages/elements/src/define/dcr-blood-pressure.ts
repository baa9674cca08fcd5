import { DcrBloodPressure } from '../blood-pressure/blood-pressure.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-blood-pressure', DcrBloodPressure);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-blood-pressure': DcrBloodPressure;
  }
}
