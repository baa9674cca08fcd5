import { DcrSession } from '../session/dcr-session.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-session', DcrSession);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-session': DcrSession;
  }
}
