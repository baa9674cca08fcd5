import { DcrRisksWarnings } from '../risks-warnings/risks-warnings.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-risks-warnings', DcrRisksWarnings);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-risks-warnings': DcrRisksWarnings;
  }
}
