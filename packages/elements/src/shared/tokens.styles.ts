import { css } from 'lit';

/**
 * The global `--dcr-*` design tokens every element reads, with the default theme in NHS colours.
 * A host overrides any token on an ancestor (or on the element); `prefers-color-scheme: dark`
 * switches the defaults, and `forced-colors` hands colour to the system.
 */
export const tokens = css`
  :host {
    --_text: var(--dcr-color-text, #212b32);
    --_text-secondary: var(--dcr-color-text-secondary, #4c6272);
    --_surface: var(--dcr-color-surface, #ffffff);
    --_surface-muted: var(--dcr-color-surface-muted, #f0f4f5);
    --_border: var(--dcr-color-border, #d8dde0);
    --_brand: var(--dcr-color-brand, #005eb8);
    --_brand-strong: var(--dcr-color-brand-strong, #003087);
    --_on-brand: var(--dcr-color-on-brand, #ffffff);
    --_danger: var(--dcr-color-danger, #d5281b);
    --_warning: var(--dcr-color-warning, #ffb81c);
    --_focus: var(--dcr-color-focus, #ffeb3b);
    --_focus-text: var(--dcr-color-focus-text, #212b32);
    --_radius: var(--dcr-radius, 4px);
    --_space: var(--dcr-space, 8px);
    font-family: var(--dcr-font-family, Frutiger W01, Arial, Helvetica, sans-serif);
    font-size: var(--dcr-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    /* Painted, not inherited: in the dark scheme the text is light, so an element sitting on a
       host page that stays white would otherwise be unreadable. Hosts may set it to transparent. */
    background: var(--dcr-color-background, var(--_surface));
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--dcr-color-text, #f0f4f5);
      --_text-secondary: var(--dcr-color-text-secondary, #aeb7bd);
      --_surface: var(--dcr-color-surface, #1d2429);
      --_surface-muted: var(--dcr-color-surface-muted, #2c353b);
      --_border: var(--dcr-color-border, #4c6272);
      --_brand: var(--dcr-color-brand, #41b6e6);
      --_brand-strong: var(--dcr-color-brand-strong, #0b1d33);
      --_on-brand: var(--dcr-color-on-brand, #ffffff);
      --_danger: var(--dcr-color-danger, #ff8a80);
      --_warning: var(--dcr-color-warning, #ffb81c);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;
