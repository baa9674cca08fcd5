import { css } from 'lit';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  css`
    :host {
      display: block;
      --_known: var(--dcr-allergy-banner-known-accent, var(--_danger));
      --_none: var(--dcr-allergy-banner-none-accent, #007f3b);
      --_unknown: var(--dcr-allergy-banner-unknown-accent, var(--_warning));
      --_unavailable: var(--dcr-allergy-banner-unknown-accent, var(--_text-secondary));
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_none: var(--dcr-allergy-banner-none-accent, #5bd18b);
      }
    }
    .banner {
      --_accent: var(--_unavailable);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 2);
      border: 2px solid var(--_accent);
      border-left-width: 8px;
      border-radius: var(--_radius);
      background: var(--dcr-allergy-banner-background, var(--_surface));
      color: var(--_text);
    }
    .banner.expanded {
      display: block;
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    }
    .banner.known {
      --_accent: var(--_known);
      border-width: 4px 4px 4px 12px;
    }
    .banner.none-known {
      --_accent: var(--_none);
    }
    .banner.not-recorded {
      --_accent: var(--_unknown);
      border-style: dashed;
      border-left-style: solid;
    }
    .banner.unavailable,
    .banner.loading {
      border-style: dashed;
      border-left-style: solid;
    }
    .headline {
      display: flex;
      align-items: center;
      gap: var(--_space);
      margin: 0;
      font-size: 1.125rem;
      font-weight: 700;
    }
    .icon {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--_surface);
      font-size: 1rem;
      line-height: 1;
    }
    .not-recorded .icon {
      color: var(--_focus-text);
    }
    .details,
    .reason {
      display: contents;
    }
    .expanded .details,
    .expanded .reason {
      display: block;
      margin-top: var(--_space);
    }
    p {
      margin: 0;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .compact .list {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    }
    .compact .allergy + .allergy {
      padding-left: calc(var(--_space) * 2);
      border-left: 2px solid var(--_border);
    }
    .substance {
      font-weight: 700;
    }
    .allergy.high .substance {
      text-decoration: underline;
      text-decoration-thickness: 2px;
      text-underline-offset: 3px;
    }
    .expanded .list {
      display: grid;
      gap: var(--_space);
      margin-bottom: var(--_space);
    }
    .expanded .allergy {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
      background: var(--_surface-muted);
    }
    .expanded .substance {
      font-size: 1.125rem;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 3);
      margin: 0;
    }
    dl > div {
      display: flex;
      gap: var(--_space);
    }
    dt {
      color: var(--_text-secondary);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    .toggle {
      min-height: 2.25rem;
    }
    .expanded .note + .toggle,
    .expanded .list + .toggle {
      margin-top: var(--_space);
    }
    .compact .resolved {
      display: contents;
    }
    .compact .resolved .list {
      flex-basis: 100%;
    }
    .reason [part='message'] {
      padding: 0;
      border: 0;
      background: none;
    }
    .compact .reason [part='message'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 var(--_space);
    }
    .compact .reason [part='message'] p {
      margin: 0;
    }
    .compact [part='disclosure'] {
      flex-basis: 100%;
      margin: 0;
    }
    /* Compact keeps only what was withheld and the source's warnings; expanded shows it all. */
    .compact [part='disclosure'] p:not(.warning):not(.withheld) {
      display: none;
    }
    @media (forced-colors: active) {
      .banner {
        border-color: CanvasText;
      }
      .banner.known {
        border-color: Mark;
      }
      .icon {
        forced-color-adjust: none;
        background: CanvasText;
        color: Canvas;
      }
    }
  `,
];
