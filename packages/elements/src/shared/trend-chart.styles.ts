import { css } from 'lit';

/** The trend chart (trend-chart.ts): lines told apart by marker and dash as well as colour. */
export const trendChartStyles = css`
  .trend {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  .trend .band {
    fill: var(--_brand);
    fill-opacity: 0.12;
  }
  .trend .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .trend .axis-line {
    stroke: var(--_text-secondary);
  }
  .trend .axis,
  .trend .threshold-label {
    fill: var(--_text-secondary);
    font-size: 12px;
  }
  .trend .threshold {
    stroke: var(--_text-secondary);
    stroke-width: 1.5;
    stroke-dasharray: 6 4;
  }
  .trend .line polyline {
    fill: none;
    stroke: var(--_brand);
    stroke-width: 2;
  }
  .trend .line circle,
  .trend .line rect {
    fill: var(--_brand);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
  .trend .line.square polyline {
    stroke: var(--_text);
    stroke-dasharray: 5 3;
  }
  .trend .line.square rect {
    fill: var(--_text);
  }
  @media (forced-colors: active) {
    .trend .line polyline,
    .trend .line.square polyline {
      stroke: CanvasText;
    }
    .trend .line circle,
    .trend .line rect {
      fill: CanvasText;
    }
    .trend .band {
      fill: Highlight;
    }
  }
`;
