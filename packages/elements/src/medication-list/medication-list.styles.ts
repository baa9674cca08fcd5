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
      --_high-risk: var(--dcr-medication-list-high-risk-color, var(--_danger));
      --_cell-gap: var(--dcr-medication-list-row-gap, var(--_space));
      --_header-background: var(--dcr-medication-list-header-background, var(--_surface-muted));
      display: block;
      /* The layout follows the element's own width, not the window's: a narrow panel stacks too. */
      container: medication-list / inline-size;
    }
    .summary {
      margin: 0 0 var(--_space);
      color: var(--_text-secondary);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: var(--_cell-gap) var(--_space);
      border-bottom: 1px solid var(--_border);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      background: var(--_header-background);
      font-weight: 700;
      white-space: nowrap;
    }
    tbody th {
      font-weight: 400;
      min-width: 12rem;
    }
    tr[part='row'].high-risk > th {
      box-shadow: inset 6px 0 0 var(--_high-risk);
      padding-left: calc(var(--_space) * 2);
    }
    .date,
    .number {
      white-space: nowrap;
    }
    [part='group'] {
      padding-top: calc(var(--_space) * 2);
      border-bottom: 2px solid var(--_text-secondary);
      font-weight: 700;
    }
    tbody.group:first-of-type [part='group'] {
      padding-top: var(--_space);
    }
    .secondary {
      display: block;
      color: var(--_text-secondary);
      font-size: 0.875rem;
      white-space: normal;
    }
    [part='expand'] {
      display: inline-flex;
      align-items: flex-start;
      gap: calc(var(--_space) * 0.5);
      min-height: 2.5rem;
      padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
      border: 0;
      background: none;
      color: var(--_brand);
      font-weight: 700;
      text-align: left;
      text-decoration: underline;
    }
    .chevron,
    .icon {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.125rem;
    }
    [aria-expanded='true'] .chevron {
      transform: rotate(90deg);
    }
    [part='high-risk'] {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      margin: calc(var(--_space) * 0.5) 0 0 calc(var(--_space) * 0.5);
      padding: 0 var(--_space);
      border: 2px solid var(--_high-risk);
      border-radius: var(--_radius);
      color: var(--_text);
      font-weight: 700;
    }
    [part='high-risk'] .icon {
      margin: 0;
      color: var(--_high-risk);
    }
    /* No longer taken: greyed, said in words beside the name, its high-risk marker subdued (the
       words stay). Text keeps AA contrast: the secondary colour, not opacity. */
    tr[part='row'].past > th,
    tr[part='row'].past > td,
    tr[part='row'].past [part='expand'] {
      color: var(--_text-secondary);
    }
    tr[part='row'].past [part='expand'] {
      font-weight: 600;
    }
    tr[part='row'].high-risk.past > th {
      box-shadow: none;
      padding-left: var(--_space);
    }
    tr[part='row'].past [part='high-risk'] {
      border: 1px solid var(--_border);
      color: var(--_text-secondary);
      font-weight: 400;
    }
    tr[part='row'].past [part='high-risk'] .icon {
      color: var(--_text-secondary);
    }
    [part='past-status'] {
      display: inline-block;
      margin: calc(var(--_space) * 0.5) 0 0 calc(var(--_space) * 0.5);
      padding: 0 calc(var(--_space) * 0.5);
      border: 1px solid var(--_text-secondary);
      border-radius: var(--_radius);
      color: var(--_text);
      font-weight: 700;
    }
    th > .secondary {
      margin-left: calc(var(--_space) * 0.5);
    }
    /* A current repeat not issued for a long time: read at a glance, not as a footnote. */
    [part='not-issued'] {
      display: block;
      margin-top: calc(var(--_space) * 0.5);
      padding-left: calc(var(--_space) * 0.75);
      border-left: 4px solid var(--_warning);
      color: var(--_text);
      font-weight: 700;
    }
    .issues-row > td {
      padding: 0 var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 4);
    }
    [part='issues'] {
      width: auto;
      min-width: 24rem;
    }
    [part='issues'] caption {
      padding: var(--_space) 0;
      text-align: left;
      font-weight: 700;
    }
    [part='issues'] caption .secondary {
      font-weight: 400;
    }
    /* Narrow (a phone, a side panel): each medication stacks as a card, every value named. */
    @container medication-list (max-width: 50rem) {
      [part='table'],
      [part='table'] > tbody,
      tr[part='row'],
      tr[part='row'] > th,
      tr[part='row'] > td,
      .issues-row,
      .issues-row > td,
      tbody.group > tr,
      [part='group'] {
        display: block;
      }
      [part='table'] > thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      tr[part='row'] {
        padding: var(--_space) 0;
        border-bottom: 1px solid var(--_border);
      }
      tr[part='row'].high-risk:not(.past) {
        box-shadow: inset 6px 0 0 var(--_high-risk);
      }
      tr[part='row'] > th,
      tr[part='row'] > td {
        border: 0;
        padding: calc(var(--_space) * 0.25) var(--_space) calc(var(--_space) * 0.25)
          calc(var(--_space) * 2);
        min-width: 0;
      }
      tr[part='row'].high-risk > th {
        box-shadow: none;
      }
      tr[part='row'] > td {
        display: grid;
        grid-template-columns: 7rem minmax(0, 1fr);
        gap: 0 var(--_space);
        white-space: normal;
      }
      /* The column's name, for the eye only: the cell is still read with its column header. */
      tr[part='row'] > td::before {
        content: attr(data-label) / '';
        color: var(--_text-secondary);
        font-weight: 600;
      }
      tr[part='row'] > td > .secondary,
      tr[part='row'] > td > [part='not-issued'] {
        grid-column: 2;
      }
      .issues-row > td {
        padding: 0 var(--_space) var(--_space) calc(var(--_space) * 2);
      }
      [part='issues'] {
        min-width: 0;
        width: 100%;
      }
    }
    [part='issues'] th,
    [part='issues'] td {
      padding: calc(var(--_space) * 0.5) var(--_space);
    }
    @media (forced-colors: active) {
      tr[part='row'].high-risk:not(.past) > th {
        box-shadow: none;
        border-left: 6px solid Mark;
      }
      [part='high-risk'] {
        border-color: Mark;
      }
      select,
      input[type='search'] {
        border-color: CanvasText;
      }
    }
  `,
];
