import { DcrRisksWarnings } from '../risks-warnings/risks-warnings.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-risks-warnings', DcrRisksWarnings);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-risks-warnings': DcrRisksWarnings;
  }
}
