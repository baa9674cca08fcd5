import { css } from 'lit';
import { controlsStyles } from '../shared/controls.styles.js';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  controlsStyles,
  css`
    :host {
      --_height: var(--dcr-events-timeline-height, 28rem);
      --_date-background: var(--dcr-events-timeline-date-background, var(--_surface-muted));
      --_admission: var(--dcr-events-timeline-admission-color, var(--_danger));
      --_referral: var(--dcr-events-timeline-referral-color, var(--_brand));
      --_columns: minmax(8rem, 11rem) minmax(0, 3fr) minmax(0, 2fr);
      display: block;
      /* The layout follows the element's own width: a phone or a narrow panel stacks each row. */
      container: events-timeline / inline-size;
    }
    .range {
      display: flex;
      flex: 1 1 20rem;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .latest {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 4);
      margin: 0 0 calc(var(--_space) * 1.5);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-left: 4px solid var(--_admission);
      background: var(--_surface-muted);
    }
    .latest dt {
      font-weight: 700;
    }
    .latest dd {
      margin: 0;
    }
    .summary,
    .hint {
      margin: 0 0 var(--_space);
      color: var(--_text-secondary);
    }
    .hint {
      margin: calc(var(--_space) * 0.5) 0 0;
      font-size: 0.875rem;
    }
    [part='timeline'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .columns,
    .row {
      display: grid;
      grid-template-columns: var(--_columns);
      gap: 0 var(--_space);
      align-items: start;
    }
    .columns {
      padding: var(--_space);
      background: var(--_date-background);
      border-bottom: 2px solid var(--_border);
      font-weight: 700;
    }
    [part='scroller'] {
      max-height: var(--_height);
      overflow: auto;
    }
    [part='scroller'].virtual {
      height: var(--_height);
    }
    /* A long timeline whose virtualizer could not be loaded: its window of rows grows as the
       page scrolls to "Show more" below it, which a scroller of its own would hide. */
    [part='scroller'].flowing {
      max-height: none;
      overflow: visible;
    }
    @media print {
      [part='scroller'] {
        max-height: none;
        height: auto;
        overflow: visible;
      }
    }
    .row,
    .date-row {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.75rem;
      padding: calc(var(--_space) * 0.75) var(--_space);
      border-bottom: 1px solid var(--_border);
      background: var(--_surface);
    }
    .date-row {
      display: flex;
      align-items: center;
      background: var(--_date-background);
      font-weight: 700;
    }
    .date-row .count {
      margin-left: calc(var(--_space) * 2);
      color: var(--_text-secondary);
      font-weight: 400;
    }
    .row:focus-visible,
    .date-row:focus-visible {
      outline-offset: -3px;
      box-shadow: inset 0 0 0 6px var(--_focus-text);
    }
    .kind {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      font-weight: 600;
    }
    .icon {
      flex: none;
      width: 1rem;
      height: 1rem;
      color: var(--_text-secondary);
    }
    .admission .icon {
      color: var(--_admission);
    }
    .referral .icon {
      color: var(--_referral);
    }
    .emergency .icon {
      color: var(--_admission);
    }
    .secondary {
      display: block;
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    .tag {
      display: inline-block;
      padding: 0 calc(var(--_space) * 0.5);
      border: 1px solid var(--_text-secondary);
      border-radius: var(--_radius);
      font-size: 0.875rem;
      font-weight: 600;
    }
    .tag.priority {
      border-color: var(--_admission);
    }
    /* Narrow: each event stacks (kind, then what, then where and who); the header row is for
       screen readers only, and nothing overprints. */
    @container events-timeline (max-width: 40rem) {
      .columns {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        padding: 0;
        border: 0;
      }
      .row {
        grid-template-columns: minmax(0, 1fr);
        gap: calc(var(--_space) * 0.25);
      }
      .date-row {
        flex-wrap: wrap;
      }
    }
    @media (forced-colors: active) {
      .icon,
      .admission .icon,
      .emergency .icon,
      .referral .icon {
        color: CanvasText;
      }
      input[type='text'] {
        border-color: CanvasText;
      }
      .row:focus-visible,
      .date-row:focus-visible {
        box-shadow: none;
      }
    }
  `,
];
