import { css } from 'lit';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

// sectionStyles: the buttons, and a tab's loading, failure and print messages, as every section's.
export const styles = [
  tokens,
  sectionStyles,
  css`
    :host {
      --_gap: var(--dcr-record-gap, calc(var(--_space) * 2));
      --_tab-accent: var(--dcr-record-tab-accent, var(--_brand));
    }
    .banners,
    dcr-allergy-banner {
      display: block;
      margin-bottom: var(--_gap);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap-reverse;
      align-items: flex-end;
      justify-content: space-between;
      gap: var(--_space) calc(var(--_space) * 2);
      border-bottom: 1px solid var(--_border);
    }
    /* Narrow screens: the tabs stay one row that scrolls sideways (every tab one swipe away). */
    [role='tablist'] {
      display: flex;
      flex: 1 1 0;
      min-width: min(100%, 20rem);
      overflow-x: auto;
      scrollbar-width: thin;
    }
    [role='tab'] {
      flex: none;
      min-height: 2.75rem;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 0;
      border-bottom: 4px solid transparent;
      border-radius: 0;
      background: none;
      color: var(--_brand);
      font: inherit;
      white-space: nowrap;
      cursor: pointer;
    }
    [role='tab']:hover {
      text-decoration: underline;
    }
    [role='tab'][aria-selected='true'] {
      border-bottom-color: var(--_tab-accent);
      color: var(--_text);
      font-weight: 700;
    }
    /* Focus stays inside the scrolling row, where its outline cannot be clipped. */
    [role='tab']:focus-visible {
      outline-offset: -3px;
      box-shadow: inset 0 0 0 6px var(--_focus-text);
    }
    .print-button {
      flex: none;
      margin-bottom: var(--_space);
    }
    [role='tabpanel'] {
      padding-top: var(--_gap);
    }
    [role='tabpanel'][hidden] {
      display: none;
    }
    /* The frame is a table only in print (see record.ts); on screen, plain blocks. */
    .frame,
    .frame > * ,
    .frame > * > tr,
    .frame > * > tr > td {
      display: block;
      margin: 0;
      padding: 0;
      border: 0;
    }
    @media screen {
      .frame > thead {
        display: none;
      }
    }
    @media print {
      /* Paper is light, whatever the screen's colour scheme; the banner loses its fill. */
      :host {
        --dcr-color-text: #000000;
        --dcr-color-text-secondary: #333333;
        --dcr-color-surface: #ffffff;
        --dcr-color-surface-muted: #ffffff;
        --dcr-color-border: #666666;
        --dcr-color-brand: #005eb8;
        --dcr-color-danger: #d5281b;
        --dcr-color-background: #ffffff;
        --dcr-patient-banner-background: #ffffff;
        --dcr-patient-banner-color: #000000;
        /* Markers drawn with a fill (allergy symbol, high-risk edge) must still print. */
        print-color-adjust: exact;
      }
      dcr-patient-banner::part(banner) {
        border: 2px solid #000000;
      }
      .toolbar {
        display: none;
      }
      .frame {
        display: table;
        width: 100%;
        border-collapse: collapse;
      }
      .frame > thead {
        display: table-header-group;
      }
      .frame > tbody {
        display: table-row-group;
      }
      .frame > * > tr {
        display: table-row;
      }
      .frame > * > tr > td {
        display: table-cell;
      }
      .frame > thead > tr > td {
        padding-bottom: var(--_space);
      }
      .print-header p {
        margin: 0 0 calc(var(--_space) * 0.5);
      }
      .print-header .disclaimer {
        padding: calc(var(--_space) * 0.5) var(--_space);
        border: 2px solid currentColor;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.02em;
      }
      dcr-consent-gate::part(end-button),
      dcr-summary::part(link) {
        display: none;
      }
      [role='tabpanel'] {
        padding-top: calc(var(--_gap) * 2);
      }
    }
    @media (forced-colors: active) {
      [role='tab'][aria-selected='true'] {
        border-bottom-color: Highlight;
      }
    }
  `,
];
