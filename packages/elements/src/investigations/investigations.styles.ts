import { css } from 'lit';
import { controlsStyles } from '../shared/controls.styles.js';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { trendChartStyles } from '../shared/trend-chart.styles.js';
import { trendTableStyles } from '../shared/trend-table.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  controlsStyles,
  trendChartStyles,
  trendTableStyles,
  css`
    :host {
      --_flag: var(--dcr-investigations-flag-color, var(--_danger));
      --_header-background: var(--dcr-investigations-header-background, var(--_surface-muted));
      display: block;
    }
    h3 {
      margin: 0;
      font-size: 1.0625rem;
    }
    .monitoring {
      margin-bottom: calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 2);
      border-left: 8px solid var(--_brand);
      background: var(--_surface-muted);
    }
    .monitoring ul {
      margin: calc(var(--_space) * 0.5) 0 0;
      padding-left: calc(var(--_space) * 2.5);
    }
    .monitoring li + li {
      margin-top: calc(var(--_space) * 0.5);
    }
    .medicine {
      font-weight: 700;
    }
    .secondary-inline {
      color: var(--_text-secondary);
    }
    .missing {
      font-weight: 700;
    }
    .monitoring-note,
    .trend-note {
      font-weight: 600;
    }
    .group {
      margin-bottom: calc(var(--_space) * 3);
    }
    .group-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      margin-bottom: var(--_space);
    }
    .count {
      margin-left: var(--_space);
      font-weight: 400;
      font-size: 0.875rem;
      color: var(--_text-secondary);
    }
    .trend-figure {
      margin: 0 0 var(--_space);
    }
    .trend-figure figcaption {
      margin-top: calc(var(--_space) * 0.5);
      font-size: 0.875rem;
      color: var(--_text-secondary);
    }
    tr.abnormal > th {
      box-shadow: inset 6px 0 0 var(--_flag);
      padding-left: calc(var(--_space) * 2);
    }
    .value {
      font-weight: 700;
    }
    [part='flag'] {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.25);
      margin-left: calc(var(--_space) * 0.5);
      padding: 0 calc(var(--_space) * 0.5);
      border: 2px solid var(--_flag);
      border-radius: var(--_radius);
      font-size: 0.875rem;
    }
    [part='flag'] .icon {
      width: 1rem;
      height: 1rem;
      color: var(--_flag);
    }
    .secondary {
      display: block;
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    @media (forced-colors: active) {
      tr.abnormal > th {
        box-shadow: none;
        border-left: 6px solid Mark;
      }
      [part='flag'] {
        border-color: Mark;
      }
    }
  `,
];
