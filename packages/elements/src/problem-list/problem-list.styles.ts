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
    .group h3 {
      margin: calc(var(--_space) * 2) 0 var(--_space);
      font-size: 1.125rem;
    }
    .group:first-of-type h3 {
      margin-top: 0;
    }
    .group .empty {
      margin-bottom: calc(var(--_space) * 2);
    }
    .linked {
      display: block;
    }
  `,
];
