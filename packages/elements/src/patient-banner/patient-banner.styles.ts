import { css } from 'lit';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  css`
    :host {
      display: block;
    }
    [part='banner'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: calc(var(--_space) * 1) calc(var(--_space) * 4);
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      background: var(--dcr-patient-banner-background, var(--_brand-strong));
      color: var(--dcr-patient-banner-color, var(--_on-brand));
      border-radius: var(--_radius);
      border: 1px solid transparent;
    }
    [part='name'] {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 700;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 4);
      margin: 0;
    }
    dl > div {
      display: flex;
      gap: var(--_space);
    }
    dt {
      opacity: 0.85;
    }
    [part='origin'] {
      margin: 0 0 0 auto;
      font-size: 0.875rem;
      opacity: 0.85;
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    @media (forced-colors: active) {
      [part='banner'] {
        border-color: CanvasText;
      }
    }
  `,
];
