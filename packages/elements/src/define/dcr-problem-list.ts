import { DcrProblemList } from '../problem-list/problem-list.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-problem-list', DcrProblemList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-problem-list': DcrProblemList;
  }
}
