import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatDate, parseDateInput } from './format.js';

/**
 * A date typed the UK way (`12-Mar-2024`, `12/03/2024`), never the browser locale's
 * `mm/dd/yyyy` picker: a text input, a hint, and an error said in words next to it. The value is
 * shown back as `dd-Mmm-yyyy` once read.
 */
export interface DateFieldOptions {
  id: string;
  label: string;
  /** The ISO date in force, or `''`. */
  value: string;
  /** What was typed and why it was not used, while it stands. */
  error?: { typed: string; message: string } | undefined;
  /** Called with what was typed, on Enter or on leaving the field. */
  commit: (typed: string) => void;
}

export function renderDateField(options: DateFieldOptions): TemplateResult {
  const { id, label, value, error, commit } = options;
  const shown = error ? error.typed : value ? formatDate(value) : '';
  const onCommit = (event: Event) => commit((event.target as HTMLInputElement).value);
  return html`<div class="field date-field">
    <label for=${id}>${label}</label>
    <span id="${id}-hint" class="hint">For example 12-Mar-2024</span>
    ${error ? html`<span id="${id}-error" class="field-error" role="alert">${error.message}</span>` : nothing}
    <input id=${id} type="text" autocomplete="off" spellcheck="false" size="12" .value=${live(shown)}
      aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid=${error ? 'true' : 'false'} @change=${onCommit}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && onCommit(e)} />
  </div>`;
}

/**
 * Reads a typed range bound: the ISO date (or `''` to clear it), or the words to show when it is
 * not a date or falls on the wrong side of the other bound.
 */
export function readRangeDate(
  typed: string,
  bound: 'from' | 'to',
  other: string,
): { value: string } | { error: string } {
  const value = parseDateInput(typed);
  if (value === undefined)
    return { error: 'Enter a real date as day, month and year, for example 12-Mar-2024.' };
  if (value && other && (bound === 'from' ? value > other : value < other))
    return {
      error:
        bound === 'from'
          ? `The From date must be on or before the To date (${formatDate(other)}).`
          : `The To date must be on or after the From date (${formatDate(other)}).`,
    };
  return { value };
}
