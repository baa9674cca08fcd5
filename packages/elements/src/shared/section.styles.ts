import { css } from 'lit';
import { recordTextStyles } from './record-text.js';

/** Styles every section view shares: messages, the loading skeleton, buttons and the disclosure. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  /* One style per tone (section-view.ts TONE): tone-calm, tone-attention, tone-error. */
  [part='message'] {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 2px solid var(--_border);
    border-left-width: 8px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  [part='message'].tone-calm {
    border-width: 1px 1px 1px 8px;
    border-left-color: var(--_brand);
    background: var(--_surface-muted);
  }
  [part='message'].tone-attention {
    border-left-color: var(--_warning);
  }
  [part='message'].tone-error {
    border-color: var(--_danger);
  }
  [part='message'] button {
    margin-top: calc(var(--_space) * 0.5);
  }
  [part='message'] p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .title {
    font-weight: 700;
  }
  .skeleton {
    display: block;
    height: 1.25rem;
    margin: calc(var(--_space) * 0.5) 0;
    border-radius: var(--_radius);
    background: var(--_border);
  }
  .skeleton.short {
    width: 60%;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand);
    cursor: pointer;
  }
  [part='disclosure'] {
    margin-top: var(--_space);
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  [part='disclosure'] p {
    margin: calc(var(--_space) * 0.5) 0 0;
  }
  .term-mark {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.5);
    border: 1px solid var(--_text-secondary);
    border-radius: var(--_radius);
    color: var(--_text);
    font-size: 0.8125rem;
    font-weight: 400;
    line-height: 1.5;
    white-space: nowrap;
  }
  ${recordTextStyles}
  [part='disclosure'] .warning,
  [part='disclosure'] .withheld {
    color: var(--_text);
    font-weight: 600;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: dcr-pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes dcr-pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (forced-colors: active) {
    [part='message'],
    button {
      border-color: CanvasText;
    }
    [part='message'].tone-error {
      border-color: Mark;
    }
  }
`;
