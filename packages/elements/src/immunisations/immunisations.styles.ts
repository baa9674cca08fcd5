import { css } from 'lit';
import { controlsStyles } from '../shared/controls.styles.js';
import { entryTableStyles } from '../shared/entry-table.styles.js';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  controlsStyles,
  entryTableStyles,
  css`
    :host {
      --_tetanus-border: var(--dcr-immunisations-tetanus-border, var(--_brand));
    }
    /* The answer to A&E's tetanus question, read before the list. */
    [part='tetanus'] {
      margin: 0 0 calc(var(--_space) * 1.5);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-left: 6px solid var(--_tetanus-border);
      background: var(--_surface-muted);
    }
    [part='tetanus'] .label {
      font-weight: 700;
      margin-right: var(--_space);
    }
    [part='tetanus'] .value {
      font-weight: 700;
      white-space: nowrap;
    }
    .line {
      display: block;
    }
    @media (forced-colors: active) {
      [part='tetanus'] {
        border-left-color: CanvasText;
      }
    }
  `,
];
