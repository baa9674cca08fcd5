import { DcrProblemList } from '../problem-list/problem-list.js';
import { defineOnce } from './define-once.js';

defineOnce('dcr-problem-list', DcrProblemList);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-problem-list': DcrProblemList;
  }
}
