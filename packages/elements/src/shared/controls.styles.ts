import { css } from 'lit';

/** The heading and the filter/sort controls above a list (medication list, events timeline). */
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
`;
