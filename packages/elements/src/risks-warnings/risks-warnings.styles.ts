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
      --_priority: var(--dcr-risks-warnings-priority-color, var(--_brand));
      --_priority-background: var(
        --dcr-risks-warnings-priority-background,
        var(--_surface-muted)
      );
      --_edge: var(--dcr-risks-warnings-color, var(--_text-secondary));
      display: block;
      /* The layout follows the element's own width (a narrow panel stacks), not the window's. */
      container: risks-warnings / inline-size;
    }
    .warnings {
      display: grid;
      gap: var(--_space);
      margin: 0 0 var(--_space);
      padding: 0;
      list-style: none;
    }
    .warning {
      display: grid;
      grid-template-columns: minmax(10rem, 14rem) 1fr auto;
      grid-template-areas:
        'kind term when'
        'kind origin origin';
      gap: 0 calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-left: 6px solid var(--_edge);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    /* Palliative care and resuscitation decisions: a strong edge and a tinted ground, so they
       are read first, without the alarm red reserved for errors and allergies. */
    .warning.priority {
      border-color: var(--_priority);
      border-left-color: var(--_priority);
      border-left-width: 10px;
      background: var(--_priority-background);
    }
    .kind {
      grid-area: kind;
      font-size: 0.875rem;
      font-weight: 600;
      color: var(--_text-secondary);
    }
    .priority .kind {
      color: var(--_text);
    }
    .term {
      grid-area: term;
      font-size: 1.0625rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .when {
      grid-area: when;
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      white-space: nowrap;
    }
    .ended-on {
      font-weight: 600;
    }
    .origin {
      grid-area: origin;
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    .ended .warning {
      background: var(--_surface);
      border-left-style: dashed;
    }
    .empty {
      margin: 0 0 var(--_space);
      font-weight: 600;
    }
    .basis {
      margin: 0 0 var(--_space);
      color: var(--_text-secondary);
      font-size: 0.875rem;
    }
    [part='toggle'] {
      margin-bottom: var(--_space);
    }
    [hidden] {
      display: none;
    }
    @container risks-warnings (max-width: 40rem) {
      .warning {
        grid-template-columns: 1fr;
        grid-template-areas: 'kind' 'term' 'when' 'origin';
      }
      .when {
        flex-direction: row;
        flex-wrap: wrap;
        gap: 0 var(--_space);
        align-items: baseline;
      }
    }
    @media (forced-colors: active) {
      .warning,
      .warning.priority {
        border-color: CanvasText;
      }
    }
  `,
];
