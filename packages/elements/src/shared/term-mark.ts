import { html, nothing, type TemplateResult } from 'lit';
import type { Entry } from '@dcr-elements/core';

/**
 * The small tag beside a term the source could not code as we would read it (core's term rule,
 * shared/terms.ts): a transfer-degraded entry shown by its original term, or one known only by
 * its name. The clinician reads the words as recorded, and knows to check them. It begins with a
 * space, so it reads as a word of its own after the term.
 */
export function renderTermMark(
  entry: Pick<Entry, 'degraded' | 'uncoded'>,
): TemplateResult | typeof nothing {
  if (entry.degraded)
    return html` <span part="term-mark" class="term-mark">Degraded in transfer: shown as recorded</span>`;
  if (entry.uncoded)
    return html` <span part="term-mark" class="term-mark">Uncoded: shown as recorded</span>`;
  return nothing;
}
