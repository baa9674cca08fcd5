import { html, nothing, type TemplateResult } from 'lit';
import { compareIsoDates, notShownSummary } from '@dcr-elements/core';
import { recordText } from './record-text.js';
import type { ListWindow } from './list-window.js';
import { renderDisclosure } from './section-view.js';
import type { Coding, Entry, EntrySection } from '@dcr-elements/core';

/**
 * What the list elements (problems, diagnoses, procedures, immunisations) share: one table of
 * entries that stacks into labelled rows on narrow widths, the term cell with its not-coded
 * mark, the empty message, and newest-first order. Styles in `entry-table.styles.ts`.
 */

export interface EntryColumn<T> {
  /** The column header; also the label a cell carries when the table stacks on a narrow screen. */
  label: string;
  cell: (entry: T) => TemplateResult | string;
  /** Keep the cell on one line (dates). */
  nowrap?: boolean;
}

/**
 * A table of `entries`, named by the element whose id is `labelledBy` (a visible heading). The
 * first column is each row's header (the term); every cell carries its column's label for the
 * stacked layout.
 */
export function renderEntryTable<T extends Entry>(
  labelledBy: string,
  columns: readonly EntryColumn<T>[],
  entries: readonly T[],
): TemplateResult {
  const [first, ...rest] = columns;
  if (!first) return html``;
  return html`<table part="table" aria-labelledby=${labelledBy}>
    <thead>
      <tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr>
    </thead>
    <tbody>
      ${entries.map(
        (entry) => html`<tr part="row">
          <th scope="row" data-label=${first.label}>${asText(first.cell(entry))}</th>
          ${rest.map(
            (c) =>
              html`<td data-label=${c.label} class=${c.nowrap ? 'nowrap' : nothing}><span class="value">${asText(c.cell(entry))}</span></td>`,
          )}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * A cell given as a plain string (a site, a route, a reason: record text, or the library's
 * "Not known") is shown as record text: isolated, marked if a look-alike, capped.
 */
const asText = (cell: TemplateResult | string) =>
  typeof cell === 'string' ? recordText(cell) : cell;

/**
 * The entry's term, marked when it is not machine-checked: a term known only as text (uncoded),
 * or kept from a GP2GP transfer-degraded code (docs/record-model.md, _Degraded and uncoded
 * entries_: the clinician must read it as free-standing text to confirm).
 */
export function renderTerm(entry: Entry): TemplateResult {
  const mark = entry.degraded
    ? 'Transfer-degraded code: term as sent'
    : entry.uncoded
      ? 'Not coded: term as sent'
      : undefined;
  return html`<span class="term">${recordText(entry.display)}</span> ${
    mark ? html`<span part="term-note" class="secondary">${mark}</span>` : nothing
  }`;
}

/**
 * Said when a section has no entries: "No problems recorded" only when nothing can be missing;
 * when entries were sent but lost, withheld by the access policy, or the source says it cannot
 * supply the section, "No problems to show" (the disclosure below says why), never "recorded".
 */
export function renderEmpty(section: EntrySection<Entry>, noun: string): TemplateResult {
  const withheld = (section.withheld?.private ?? 0) + (section.withheld?.sensitive ?? 0);
  const lost = notShownSummary(section, ['another-patient', 'unreadable']).count;
  const sourceCannotSay = section.warnings.some((w) => w.code === 'source-warning');
  const certain = withheld === 0 && lost === 0 && !sourceCannotSay;
  return html`<p part="empty" class="empty">No ${noun} ${certain ? 'recorded' : 'to show'}.</p>`;
}

/**
 * A ready list section as the list elements show it: the empty message, or `before` and the
 * table of `sorted` entries (windowed when long, then its "Show more"); then the disclosure.
 * `snapshot` is the element's current one, its "as of" time when ready.
 */
export function renderEntryList<T extends Entry>(
  section: EntrySection<T>,
  snapshot: { status: string; fetchedAt?: string } | undefined,
  window: ListWindow,
  options: {
    noun: string;
    columns: readonly EntryColumn<T>[];
    sorted: readonly T[];
    before?: TemplateResult;
  },
): TemplateResult {
  window.begin(section.entries.length, section);
  return html`
    ${
      section.entries.length === 0
        ? renderEmpty(section, options.noun)
        : html`${options.before ?? nothing}
          ${renderEntryTable('heading', options.columns, window.take(options.sorted))}
          ${window.renderMore(options.noun)}`
    }
    ${renderDisclosure(section, snapshot?.status === 'ready' ? snapshot : undefined)}
  `;
}

/** Newest first by `dateOf`, undated last; stable, so the source's order breaks ties. */
export function newestFirst<T>(entries: readonly T[], dateOf: (entry: T) => string | undefined) {
  return [...entries].sort((a, b) => compareIsoDates(dateOf(b), dateOf(a)));
}

/** A SNOMED CT fully specified name's semantic tag, which some sources send in the display. */
const SEMANTIC_TAG = / \((?:body structure|qualifier value|finding|situation)\)$/;

/**
 * The terms of codings (site, route, reasons), joined, without an FSN's semantic tag ("Left upper
 * arm structure (body structure)" as UK Core's example sends it); a code without a term as its code.
 */
export function codingTerms(codings: readonly Coding[] | undefined): string | undefined {
  const terms = [
    ...new Set((codings ?? []).map((c) => c.display?.replace(SEMANTIC_TAG, '') ?? c.code)),
  ];
  return terms.length > 0 ? terms.join(', ') : undefined;
}
