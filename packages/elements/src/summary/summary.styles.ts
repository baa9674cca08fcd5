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
      --_high-risk: var(--dcr-summary-high-risk-color, var(--_danger));
      --_none: #007f3b;
      display: block;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_none: #5bd18b;
      }
    }
    .parts {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, var(--dcr-summary-columns-min, 22rem)), 1fr)
      );
      gap: calc(var(--_space) * 2);
      align-items: start;
    }
    [part='part'] {
      min-width: 0;
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    /* Allergies and warnings lead, across the whole width. */
    .part.allergies,
    .part.warnings {
      grid-column: 1 / -1;
    }
    .part-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 var(--_space);
      margin-bottom: var(--_space);
    }
    h3 {
      margin: 0;
      font-size: 1.125rem;
    }
    [part='link'] {
      min-height: 2.5rem;
      padding: 0 calc(var(--_space) * 0.5);
      border: 0;
      background: none;
      color: var(--_brand);
      font-weight: 600;
      text-decoration: underline;
    }
    .scope {
      margin: 0 0 var(--_space);
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list > li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 var(--_space);
      padding: calc(var(--_space) * 0.75) 0;
      border-top: 1px solid var(--_border);
    }
    .list > li:first-child {
      border-top: 0;
      padding-top: 0;
    }
    .term {
      font-weight: 700;
    }
    .details,
    .date,
    .secondary {
      color: var(--_text-secondary);
    }
    .details,
    .date {
      flex-basis: 100%;
    }
    .category,
    .tag {
      padding: 0 calc(var(--_space) * 0.5);
      border: 1px solid var(--_text-secondary);
      border-radius: var(--_radius);
      font-size: 0.875rem;
    }
    .headline {
      display: flex;
      align-items: center;
      gap: var(--_space);
      margin: 0 0 var(--_space);
      font-size: 1.125rem;
      font-weight: 700;
    }
    .symbol {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 1.75rem;
      height: 1.75rem;
      border-radius: 50%;
      background: var(--_text-secondary);
      color: var(--_surface);
    }
    .headline.known .symbol {
      background: var(--_danger);
    }
    .headline.none-known .symbol {
      background: var(--_none);
    }
    .headline.not-recorded .symbol {
      background: var(--_warning);
      color: #212b32;
    }
    /* An allergy reads as one sentence: substance, reaction, criticality. */
    .allergies .list > li {
      display: list-item;
    }
    .note {
      margin: 0;
    }
    li.end-of-life,
    li.high-risk {
      padding-left: calc(var(--_space) * 1.5);
      box-shadow: inset 6px 0 0 var(--_high-risk);
    }
    .marker {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      padding: 0 calc(var(--_space) * 0.75);
      border: 2px solid var(--_high-risk);
      border-radius: var(--_radius);
      font-weight: 700;
    }
    .icon {
      width: 1.125rem;
      height: 1.125rem;
      color: var(--_high-risk);
    }
    [part='not-issued'] {
      flex-basis: 100%;
      padding-left: calc(var(--_space) * 0.75);
      border-left: 4px solid var(--_warning);
      font-weight: 700;
    }
    .result {
      flex-basis: 100%;
    }
    .flag {
      padding: 0 calc(var(--_space) * 0.5);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .admission {
      margin: 0;
    }
    .admission .term,
    .admission .details {
      display: block;
    }
    .empty .secondary {
      font-weight: 400;
    }
    [part='disclosure'] {
      margin-top: calc(var(--_space) * 2);
    }
    [part='part'] [part='disclosure'] {
      margin-top: var(--_space);
    }
    @media (forced-colors: active) {
      li.end-of-life,
      li.high-risk {
        box-shadow: none;
        border-left: 6px solid Mark;
      }
      .marker,
      .flag {
        border-color: Mark;
      }
      .symbol {
        border: 1px solid CanvasText;
      }
    }
  `,
];
