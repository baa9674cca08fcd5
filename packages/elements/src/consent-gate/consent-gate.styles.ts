import { css } from 'lit';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  sectionStyles,
  css`
    :host {
      display: block;
      --_gate-background: var(--dcr-consent-gate-background, var(--_surface));
      --_gate-border: var(--dcr-consent-gate-border-color, var(--_brand));
      /* Caution amber over the surface, so the override reads as caution in a light or dark theme,
         whether the theme comes from the system or from the host's --dcr-color-* tokens. */
      --_override-background: var(
        --dcr-consent-gate-override-background,
        color-mix(in srgb, var(--_warning) 20%, var(--_surface))
      );
      --_override-color: var(--dcr-consent-gate-override-color, var(--_text));
      --_override-accent: var(--dcr-consent-gate-override-accent, var(--_danger));
    }
    .panel {
      padding: calc(var(--_space) * 2);
      border: 2px solid var(--_gate-border);
      border-left-width: 8px;
      border-radius: var(--_radius);
      background: var(--_gate-background);
      color: var(--_text);
    }
    .panel > * {
      margin: 0 0 calc(var(--_space) * 1.5);
    }
    .panel > :last-child {
      margin-bottom: 0;
    }
    h2 {
      font-size: 1.25rem;
      line-height: 1.3;
    }
    h2:focus,
    [data-focus]:focus:not(:focus-visible) {
      outline: none;
    }
    .identity {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
      background: var(--_surface-muted);
    }
    .outcome > .identity {
      margin-bottom: var(--_space);
    }
    .identity p {
      margin: 0;
    }
    .caption {
      font-size: 0.875rem;
      color: var(--_text-secondary);
    }
    .patient-name {
      font-size: 1.125rem;
      font-weight: 700;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 4);
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
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .outcome > .actions {
      margin-top: var(--_space);
    }
    button.primary {
      background: var(--_brand);
      /* The surface colour reads on the brand colour in both themes (white on dark blue, dark on light blue). */
      color: var(--_surface);
    }
    /* A warning action, and always plainly an enabled one: solid, filled, never dashed or faded.
       A missing reason is said inline when it is pressed, never by greying the button out. */
    button.override {
      border-color: var(--_override-accent);
      background: var(--_override-background);
      color: var(--_override-color);
    }
    fieldset {
      border: 0;
      padding: 0;
    }
    legend,
    .field-label {
      display: block;
      font-weight: 700;
      margin-bottom: calc(var(--_space) * 0.5);
    }
    .radio {
      display: flex;
      align-items: center;
      gap: var(--_space);
      min-height: 2.5rem;
    }
    .radio input {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
      accent-color: var(--_brand);
    }
    .hint {
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    .field-label + .hint {
      margin-top: calc(var(--_space) * -1.5);
    }
    textarea {
      display: block;
      box-sizing: border-box;
      width: 100%;
      max-width: 40rem;
      font: inherit;
      padding: var(--_space);
      border: 2px solid var(--_text);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .error {
      margin: 0 0 var(--_space);
      padding-left: var(--_space);
      border-left: 4px solid var(--_danger);
      font-weight: 700;
    }
    .status {
      position: sticky;
      top: var(--dcr-consent-gate-sticky-top, 0);
      z-index: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space) calc(var(--_space) * 2);
      margin-bottom: var(--_space);
      padding: var(--_space) calc(var(--_space) * 2);
      border: 2px solid var(--_border);
      border-left-width: 8px;
      border-radius: var(--_radius);
      background: var(--_gate-background);
      color: var(--_text);
    }
    .status p {
      margin: 0;
    }
    .status p.audit-degraded {
      margin-top: var(--_space);
      font-weight: 600;
    }
    .status.override {
      border-color: var(--_override-accent);
      border-width: 4px 4px 4px 12px;
      background: var(--_override-background);
      color: var(--_override-color);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.5rem;
      height: 1.5rem;
      margin-right: var(--_space);
      border-radius: 50%;
      background: var(--_override-accent);
      color: var(--_surface);
      font-weight: 700;
    }
    [part='end-button'] {
      flex: none;
    }
    @media (forced-colors: active) {
      .panel,
      .status,
      textarea {
        border-color: CanvasText;
      }
      .status.override {
        border-color: Mark;
      }
      .badge {
        forced-color-adjust: none;
        background: Mark;
        color: MarkText;
      }
    }
  `,
];
