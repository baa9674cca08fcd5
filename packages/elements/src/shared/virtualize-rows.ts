import { nothing, type ChildPart } from 'lit';
import { directive, type DirectiveClass, type PartInfo } from 'lit/directive.js';
import { getCommittedValue, getDirectiveClass } from 'lit/directive-helpers.js';
import { repeat, type ItemTemplate, type KeyFn } from 'lit/directives/repeat.js';
import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';

/**
 * Since lit-html 3.3.1, `repeat` leaves one comment node (the removed row's end marker) behind for
 * every row it removes: lit/lit#5298, caused by lit/lit#4975 and not fixed in 3.3.3, the latest.
 * A virtualised list removes rows at one edge and adds them at the other on every frame it
 * scrolls, so the stray comments pile up in its scroller; the virtualizer walks the scroller's
 * children once for every row it places, so each screen scrolled costs more than the one before.
 * Measured on the 10,000-event timeline scrolled end to end: 19,000 comments in the scroller at
 * the end, more than half the frames over 25 ms and long tasks up to 674 ms.
 *
 * This file is loaded with the virtualizer (`lazy-virtualizer.ts`), never before.
 */

interface RepeatInternals {
  update(
    part: ChildPart,
    args: [Iterable<unknown>, KeyFn<unknown>, ItemTemplate<unknown>],
  ): unknown;
}
type RepeatClass = new (part: PartInfo) => RepeatInternals;

const RepeatDirective = getDirectiveClass(repeat([], () => nothing)) as unknown as RepeatClass;

/** lit's `repeat`, keyed, removing the whole of every row it removes, markers and all. */
class KeyedRows extends RepeatDirective {
  override update(
    part: ChildPart,
    args: [Iterable<unknown>, KeyFn<unknown>, ItemTemplate<unknown>],
  ): unknown {
    const before = getCommittedValue(part);
    const result = super.update(part, args);
    const after = getCommittedValue(part);
    if (Array.isArray(before) && Array.isArray(after) && before !== after) {
      const kept = new Set<unknown>(after);
      // A row's end marker is its own (made for it when it was inserted): once the row is gone,
      // nothing else points at it. A lit that removes it already leaves it detached: no-op.
      for (const row of before as (ChildPart | null)[])
        if (row && !kept.has(row)) row.endNode?.parentNode?.removeChild(row.endNode);
    }
    return result;
  }
}

/** `repeat(items, keyFunction, template)` without the stray nodes. */
export const keyedRows = directive(KeyedRows as unknown as DirectiveClass) as <T>(
  items: Iterable<T>,
  keyFunction: KeyFn<T>,
  template: ItemTemplate<T>,
) => unknown;

/** What the virtualize directive keeps of its range (declared in its typings). */
interface VirtualizeState {
  _first: number;
  _last: number;
  _items: unknown[];
  _keyFunction: KeyFn<unknown>;
  _renderItem: ItemTemplate<unknown>;
  render(config?: unknown): unknown;
}

/**
 * The virtualizer's `virtualize` directive, rendering its range through `keyedRows` instead of
 * `repeat`: the same range, keys and rows, and everything else (layout, scrolling, events) its own.
 */
export function virtualizeRows(
  module: typeof VirtualizeModule,
): (typeof VirtualizeModule)['virtualize'] {
  const Virtualize = getDirectiveClass(module.virtualize({})) as unknown as new (
    part: PartInfo,
  ) => VirtualizeState;
  class VirtualizeRows extends Virtualize {
    override render(config?: unknown): unknown {
      // The directive renders its range with no argument; with one it is the virtualizer's own.
      if (config !== undefined) return super.render(config);
      const rows: unknown[] = [];
      if (this._first >= 0)
        for (let i = this._first; i <= this._last; i++) rows.push(this._items[i]);
      return keyedRows(rows, this._keyFunction, this._renderItem);
    }
  }
  return directive(
    VirtualizeRows as unknown as DirectiveClass,
  ) as unknown as (typeof VirtualizeModule)['virtualize'];
}
