import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { TemplateResult } from 'lit';
import type { OrderedRows } from './lazy-order.js';

/**
 * Up to this many rows a list renders whole (a typical record: the page, its print and any capture
 * hold every row, and no virtualizer is loaded); a longer list renders a window of them.
 */
export const WHOLE_ROWS = 200;
/** Rows a long list shows first, and adds each time its end comes near the screen. */
export const WINDOW_STEP = 50;

type Host = ReactiveControllerHost & HTMLElement & { printing: boolean };

/**
 * What every list that can be long shares, so its first screen costs the same at 100 rows or
 * 100,000 (docs/performance.md):
 *
 * - **Windowed tables** (medications, results, problems, diagnoses, procedures, immunisations)
 *   keep their `<table>` semantics. Each render spends one budget of rows across its tables through
 *   `take()`; `renderMore()` then ends the list with a "Show more" button that also fires by itself
 *   when it scrolls near the screen. Every row is reachable by scrolling, Tab or a screen reader
 *   (the button says how many are still to come); the window starts again when the list changes.
 * - **Virtualised grids** (the events timeline, whose rows are one size) render through the
 *   virtualizer (`lazy-virtualizer.ts`), imported only when `isLong()`: short records and the
 *   table lists never load it. Until it has loaded, the grid shows its first window of rows; if
 *   it cannot be loaded, that window grows as the tables' does (`reach()` for a keyboard jump).
 * - **Printing**: while `host.printing` is true every row of every list is rendered. `<dcr-record>`
 *   sets it for its print; used alone, the element sets it itself from `beforeprint` to `afterprint`.
 */
export class ListWindow implements ReactiveController {
  /** Whether a list of `total` rows is long: windowed or virtualised, unless printing. */
  isLong(total: number): boolean {
    return !this.host.printing && total > WHOLE_ROWS;
  }

  /** Rows the current window holds. */
  private limit = WINDOW_STEP;
  /** Rows still free in this render, and rows left out by it. */
  private budget = 0;
  private cut = 0;
  private observer: IntersectionObserver | undefined;
  private observed: Element | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.startPrinting);
    window.addEventListener('afterprint', this.stopPrinting);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.startPrinting);
    window.removeEventListener('afterprint', this.stopPrinting);
    this.observer?.disconnect();
    this.observer = this.observed = undefined;
  }

  private readonly startPrinting = () => (this.host.printing = true);
  private readonly stopPrinting = () => (this.host.printing = false);

  /** What the window was last begun over. */
  private list: object | undefined;

  /**
   * Call once at the start of a render that lists `total` rows in all, chosen as `list` (the
   * section, or the array of rows): when that changes (a new section, view, filter or order) the
   * window starts again at the top.
   */
  begin(total: number, list: object): void {
    if (list !== this.list) {
      this.list = list;
      this.limit = WINDOW_STEP;
    }
    this.budget = this.isLong(total) ? this.limit : Infinity;
    this.cut = 0;
  }

  /**
   * The rows of `rows` this render shows: all of them while the budget lasts, then none. Rows
   * ordered lazily (`lazy-order.ts`) are ordered only as far as the window reaches.
   */
  take<T>(rows: readonly T[] | OrderedRows<T>): readonly T[] {
    const all = isOrdered(rows) ? undefined : rows;
    const head = (count: number) => all?.slice(0, count) ?? (rows as OrderedRows<T>).head(count);
    if (rows.length <= this.budget) {
      this.budget -= rows.length;
      return all ?? head(rows.length);
    }
    const shown = head(this.budget);
    this.cut += rows.length - shown.length;
    this.budget = 0;
    return shown;
  }

  /**
   * After the last `take()`: a "Show more" button when rows were left out (nothing otherwise),
   * `noun` naming them ("medications"). It adds a step of rows when pressed or scrolled near.
   */
  renderMore(noun: string): TemplateResult | typeof nothing {
    if (this.cut === 0) return nothing;
    const step = Math.min(WINDOW_STEP, this.cut);
    return html`<p class="list-more-wrap"><button type="button" class="list-more" ${ref(this.watch)} @click=${this.grow}>
      Show ${step.toLocaleString('en-GB')} more ${noun} (${this.cut.toLocaleString('en-GB')} not shown yet)
    </button></p>`;
  }

  /** Grows the window to hold the first `count` rows: a keyboard jump (End) to a row beyond it. */
  reach(count: number): void {
    if (count <= this.limit) return;
    this.limit = Math.ceil(count / WINDOW_STEP) * WINDOW_STEP;
    this.host.requestUpdate();
  }

  private readonly grow = () => {
    this.limit += WINDOW_STEP;
    this.host.requestUpdate();
  };

  /** Grows the window while the button is within a screen of the viewport. */
  private readonly watch = (button: Element | undefined): void => {
    this.observer ??= new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && this.grow(),
      { rootMargin: '100% 0px' },
    );
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = button;
    if (button) this.observer.observe(button);
  };

  /** Observed afresh after every render: an observer reports changes only, and a grown list may leave the button in view. */
  hostUpdated(): void {
    if (this.observed) this.watch(this.observed);
  }
}

const isOrdered = <T>(rows: readonly T[] | OrderedRows<T>): rows is OrderedRows<T> =>
  !Array.isArray(rows);

/**
 * `derive` remembered for its last input: a long list's order or grouping is worked out once per
 * section, not again each time its window grows.
 */
export function lastOf<A extends object, R>(derive: (input: A) => R): (input: A) => R {
  let last: { input: A; result: R } | undefined;
  return (input) => {
    if (last?.input !== input) last = { input, result: derive(input) };
    return last.result;
  };
}
