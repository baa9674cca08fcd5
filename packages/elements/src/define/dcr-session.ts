import { DcrSession } from '../session/dcr-session.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-session', DcrSession);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-session': DcrSession;
  }
}
