import { css } from 'lit';

/**
 * The heading, the filter/sort controls above a list and its empty message (medication list,
 * events timeline): `.choice` is a radio or checkbox with its label, `.field` a labelled input;
 * `.list-more-wrap` holds a long list's "Show more" button (shared/list-window.ts).
 */
export const controlsStyles = css`
    [part='heading'] {
      margin: 0 0 var(--_space);
      font-size: 1.25rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--_space) calc(var(--_space) * 3);
      margin-bottom: var(--_space);
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 2);
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      float: left;
      width: 100%;
      padding: 0;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      min-height: 2.5rem;
    }
    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_brand);
    }
    .field {
      display: flex;
      flex-direction: column;
      font-weight: 600;
    }
    .date-field {
      flex: 1 1 9rem;
      max-width: 12rem;
    }
    .date-field input {
      box-sizing: border-box;
      width: 100%;
    }
    .date-field .hint {
      font-size: 0.875rem;
      font-weight: 400;
      color: var(--_text-secondary);
    }
    .date-field .field-error {
      max-width: 16rem;
      padding-left: var(--_space);
      border-left: 4px solid var(--_danger);
      font-weight: 700;
    }
    .date-field input[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 3px;
    }
    select,
    input[type='search'],
    input[type='text'] {
      font: inherit;
      min-height: 2.5rem;
      padding: 0 var(--_space);
      border: 2px solid var(--_text);
      border-radius: 0;
      background: var(--_surface);
      color: var(--_text);
    }
    .empty {
      margin: 0;
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      border-left: 8px solid var(--_border);
      background: var(--_surface-muted);
      font-weight: 600;
    }
    .list-more-wrap {
      margin: var(--_space) 0 0;
    }
`;
