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
      --_header-background: var(--dcr-blood-pressure-header-background, var(--_surface-muted));
      display: block;
    }
    .trend-figure {
      margin: 0 0 calc(var(--_space) * 2);
    }
    figcaption {
      font-size: 0.875rem;
      color: var(--_text-secondary);
    }
    figcaption p {
      margin: calc(var(--_space) * 0.5) 0 0;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
      color: var(--_text);
    }
    .key {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: calc(var(--_space) * 0.5);
      vertical-align: middle;
      background: var(--_brand);
    }
    .key.circle {
      border-radius: 50%;
    }
    .key.square {
      background: var(--_text);
    }
    .key.threshold {
      width: 1.5rem;
      height: 0;
      border-top: 2px dashed var(--_text-secondary);
      background: none;
    }
    .value {
      font-weight: 700;
    }
    [part='unpaired'] {
      display: inline-block;
      margin-left: calc(var(--_space) * 0.5);
      padding: 0 calc(var(--_space) * 0.5);
      border: 2px solid var(--_text-secondary);
      border-radius: var(--_radius);
      font-size: 0.875rem;
      font-weight: 600;
    }
    @media (forced-colors: active) {
      .key,
      .key.square {
        background: CanvasText;
      }
    }
  `,
];
