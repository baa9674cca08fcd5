import { html, svg, nothing, type TemplateResult } from 'lit';
import { formatDate } from './format.js';

/**
 * A small hand-written SVG trend chart shared by the results and blood pressure views (no chart
 * library: the charts needed here are a line or two over time, and a library would weigh more
 * than every element together). The chart is one image to assistive technology (`role="img"`,
 * named, described by a visible summary); the view always puts the same values in a table.
 */

export interface TrendPoint {
  /** ISO date or date-time (partial dates plot at the start of their period). */
  date: string;
  value: number;
}

export interface TrendLine {
  /** What the line is, e.g. "Systolic": on the points' data attribute and the legend. */
  name: string;
  /** Told apart by marker shape and dash as well as colour. */
  marker: 'circle' | 'square';
  /** Oldest first. */
  points: readonly TrendPoint[];
}

export interface TrendChartOptions {
  /** The chart's accessible name, e.g. "INR trend". */
  label: string;
  /** Id of the visible text that sums the chart up (range, latest, where the table is). */
  describedBy: string;
  lines: readonly TrendLine[];
  /** A reference range, shaded. */
  band?: { low?: number; high?: number };
  /** Horizontal lines with a short label at the right (e.g. a NICE threshold). */
  thresholds?: readonly { value: number; label: string }[];
  /** The width to draw at, in CSS pixels (the view measures its own width). */
  width: number;
}

const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 30, left: 44 };
/** Room at the right for threshold labels, outside the plot, so they never sit on a point. */
const LABEL_ROOM = 84;

/** Roughly `count` round tick values covering `[min, max]`. */
function ticks(min: number, max: number, count = 4): number[] {
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  const values: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) values.push(Number(v.toPrecision(10)));
  return values;
}

const time = (date: string): number => Date.parse(date.length === 4 ? `${date}-01-01` : date);

/** The chart, drawn at `options.width` pixels (never narrower than 240). */
export function renderTrendChart(options: TrendChartOptions): TemplateResult {
  const width = Math.max(240, Math.round(options.width));
  const points = options.lines.flatMap((line) => line.points);
  const times = points.map((p) => time(p.date)).filter((t) => !Number.isNaN(t));
  const marks = [
    ...points.map((p) => p.value),
    ...(options.thresholds ?? []).map((t) => t.value),
    ...[options.band?.low, options.band?.high].filter((v): v is number => v !== undefined),
  ];
  let [tMin, tMax] = [Math.min(...times), Math.max(...times)];
  if (!(tMax > tMin)) [tMin, tMax] = [tMin - 864e5, tMax + 864e5];
  let [vMin, vMax] = [Math.min(...marks), Math.max(...marks)];
  const pad = (vMax - vMin) * 0.1 || Math.abs(vMax) * 0.1 || 1;
  [vMin, vMax] = [vMin - pad, vMax + pad];
  const right = MARGIN.right + (options.thresholds?.length ? LABEL_ROOM : 0);
  const plotWidth = width - MARGIN.left - right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (date: string) => MARGIN.left + ((time(date) - tMin) / (tMax - tMin)) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - (value - vMin) / (vMax - vMin)) * plotHeight;
  const clampY = (value: number) => y(Math.min(vMax, Math.max(vMin, value)));
  const band = options.band;
  const first = points.reduce((a, b) => (time(b.date) < time(a.date) ? b : a), points[0]!);
  const last = points.reduce((a, b) => (time(b.date) > time(a.date) ? b : a), points[0]!);

  return html`<svg part="trend" class="trend" viewBox="0 0 ${width} ${HEIGHT}" width=${width}
    height=${HEIGHT} role="img" aria-label=${options.label} aria-describedby=${options.describedBy}>
    ${
      band && (band.low !== undefined || band.high !== undefined)
        ? svg`<rect class="band" x=${MARGIN.left} width=${plotWidth}
            y=${clampY(band.high ?? vMax)} height=${clampY(band.low ?? vMin) - clampY(band.high ?? vMax)}></rect>`
        : nothing
    }
    ${ticks(vMin, vMax).map(
      (
        v,
      ) => svg`<line class="grid" x1=${MARGIN.left} x2=${MARGIN.left + plotWidth} y1=${y(v)} y2=${y(v)}></line>
        <text class="axis" x=${MARGIN.left - 6} y=${y(v)} text-anchor="end" dominant-baseline="middle">${v}</text>`,
    )}
    ${(options.thresholds ?? []).map(
      (
        t,
      ) => svg`<line class="threshold" x1=${MARGIN.left} x2=${MARGIN.left + plotWidth} y1=${y(t.value)} y2=${y(t.value)}></line>
        <text class="threshold-label" x=${MARGIN.left + plotWidth + 4} y=${y(t.value)} dominant-baseline="middle">${t.label}</text>`,
    )}
    <line class="axis-line" x1=${MARGIN.left} x2=${MARGIN.left + plotWidth} y1=${HEIGHT - MARGIN.bottom}
      y2=${HEIGHT - MARGIN.bottom}></line>
    <text class="axis" x=${MARGIN.left} y=${HEIGHT - 8}>${formatDate(first.date)}</text>
    <text class="axis" x=${MARGIN.left + plotWidth} y=${HEIGHT - 8} text-anchor="end">${formatDate(last.date)}</text>
    ${options.lines.map(
      (line) => svg`<g class="line ${line.marker}">
        <polyline points=${line.points.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')}></polyline>
        ${line.points.map((p) =>
          line.marker === 'circle'
            ? svg`<circle data-point data-line=${line.name} data-date=${p.date} data-value=${p.value}
                cx=${x(p.date)} cy=${y(p.value)} r="4"></circle>`
            : svg`<rect data-point data-line=${line.name} data-date=${p.date} data-value=${p.value}
                x=${x(p.date) - 4} y=${y(p.value) - 4} width="8" height="8"></rect>`,
        )}
      </g>`,
    )}
  </svg>`;
}
