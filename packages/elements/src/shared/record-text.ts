import { css, html, nothing, type TemplateResult } from 'lit';
import { lookalikeOf, type Lookalike } from '@dcr-elements/core';

/**
 * Every string from the record goes on screen through {@link recordText}, never bare
 * (docs/security.md, _Text from the record_):
 *
 * - **isolated**: inside `<bdi>` (`unicode-bidi: isolate` and `dir="auto"`), so right-to-left
 *   text, or a bidi control that got past the model's cleaning (core's display-text.ts), cannot
 *   reorder the library's own words around it ("high criticality" after an allergy's name);
 * - **look-alikes marked**: a word that mixes alphabets with look-alike letters (core's
 *   `lookalikeOf`) is followed by a visible "Check spelling" tag, never shown as the real name;
 * - **capped**: a string over {@link MAX_SHOWN} characters shows its beginning, and the whole of it
 *   is one click (a native `<details>`, keyboard-reachable) away; inside a button, where no
 *   control may be nested, its beginning with the whole in `title`;
 * - **wrapped anywhere**: one long token breaks rather than widen the page
 *   ({@link recordTextStyles}, in every element's styles through `sectionStyles`).
 *
 * Lit binds it as text, so markup in it is shown, never parsed.
 */

/** Characters of a record string shown before "show all". SNOMED CT terms stop at 255. */
export const MAX_SHOWN = 200;

const WHY: Readonly<Record<Lookalike['reason'], (scripts: string[]) => string>> = {
  'mixed-alphabets': (scripts) => `mixes ${scripts.join(' and ')} letters`,
  'lookalike-alphabet': (scripts) => `${scripts.join(', ')} letters that look Latin`,
  'unusual-letters': () => 'unusual letter forms',
};

export interface RecordTextOptions {
  /** The text sits inside a button: no `<details>` may be nested there. */
  inButton?: boolean;
}

export function recordText(
  value: string | undefined,
  options: RecordTextOptions = {},
): TemplateResult | typeof nothing {
  if (!value) return nothing;
  const lookalike = lookalikeOf(value);
  const mark = lookalike
    ? html` <span part="lookalike" class="term-mark lookalike"><span aria-hidden="true">⚠ </span>Check spelling: ${WHY[lookalike.reason](lookalike.scripts)}</span>`
    : nothing;
  if (value.length <= MAX_SHOWN) return html`<bdi class="record-text">${value}</bdi>${mark}`;
  const start = beginning(value);
  if (options.inButton) return html`<bdi class="record-text" title=${value}>${start}…</bdi>${mark}`;
  return html`<details part="long-text" class="record-text long"><summary><bdi class="start">${start}…</bdi> <span class="more"
    >(${value.length.toLocaleString('en-GB')} characters: show all)</span><span class="less">(show less)</span></summary><bdi
    >${value}</bdi></details>${mark}`;
}

/** The first {@link MAX_SHOWN} characters, never ending inside a surrogate pair. */
function beginning(value: string): string {
  const end = /[\uD800-\uDBFF]/.test(value[MAX_SHOWN - 1] ?? '') ? MAX_SHOWN - 1 : MAX_SHOWN;
  return value.slice(0, end);
}

/** Styles for {@link recordText}; part of `sectionStyles`, so every element has them. */
export const recordTextStyles = css`
  .record-text {
    overflow-wrap: anywhere;
  }
  details.record-text,
  details.record-text > summary {
    display: inline;
  }
  details.record-text > summary {
    cursor: pointer;
  }
  /* The hidden rest must not break the line either (browsers without ::details-content do). */
  details.record-text::details-content {
    display: inline;
  }
  details.record-text:not([open])::details-content {
    display: none;
  }
  details.record-text .more,
  details.record-text .less {
    color: var(--_brand);
    text-decoration: underline;
    font-weight: 400;
  }
  details.record-text .less,
  details.record-text[open] .more,
  details.record-text[open] .start {
    display: none;
  }
  details.record-text[open] .less {
    display: inline;
  }
  .lookalike {
    border-color: var(--_danger);
    border-left-width: 4px;
    font-weight: 600;
    white-space: normal;
  }
`;

/** Parts joined by `separator`, the empty ones left out; `undefined` when none is left. */
export function joinText(
  parts: readonly (TemplateResult | string | false | undefined | typeof nothing)[],
  separator = ', ',
): TemplateResult | undefined {
  const kept = parts.filter((p) => p && p !== nothing);
  return kept.length > 0
    ? html`${kept.map((p, i) => html`${i > 0 ? separator : ''}${p}`)}`
    : undefined;
}
