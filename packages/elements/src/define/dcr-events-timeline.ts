import { DcrEventsTimeline } from '../events-timeline/events-timeline.js';
import '../events.js'; // its events' types (GlobalEventHandlersEventMap) come with the element
import { defineOnce } from './define-once.js';

defineOnce('dcr-events-timeline', DcrEventsTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'dcr-events-timeline': DcrEventsTimeline;
  }
}
