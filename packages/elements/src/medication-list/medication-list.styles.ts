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
      min-width: 14rem;
    }
    tr[part='row'].high-risk > th {
      box-shadow: inset 6px 0 0 var(--_high-risk);
      padding-left: calc(var(--_space) * 2);
    }
    .date,
    .number {
      white-space: nowrap;
    }
    .secondary {
      display: block;
      color: var(--_text-secondary);
      font-size: 0.875rem;
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
    [part='issues'] th,
    [part='issues'] td {
      padding: calc(var(--_space) * 0.5) var(--_space);
    }
    @media (forced-colors: active) {
      tr[part='row'].high-risk > th {
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
