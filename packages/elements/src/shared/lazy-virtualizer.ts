import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';
import type { flow } from '@lit-labs/virtualizer/layouts/flow.js';

/** The virtualizer, and its flow layout loaded with it (see `lazyVirtualizer`). */
export type Virtualize = typeof VirtualizeModule & { flow: typeof flow };

let virtualizer: Virtualize | undefined;
let loading: Promise<Virtualize> | undefined;

/**
 * The virtualizer, when it has loaded; `undefined` until then, having started loading it and
 * calling `loaded` once it has. Imported the first time a list is long (shared/list-window.ts):
 * short records never fetch it, and a host's bundler splits it into its own chunk. The flow
 * layout comes in the same step: left to the virtualizer, it is imported later still, and until
 * then the virtualizer cannot scroll a row into view (it throws). Its `virtualize` directive is
 * the one of `virtualize-rows.ts`, which removes every row it scrolls away (lit's `repeat` leaves
 * a node behind for each).
 */
export function lazyVirtualizer(loaded: () => void): Virtualize | undefined {
  if (!virtualizer) {
    loading ??= Promise.all([
      import('@lit-labs/virtualizer/virtualize.js'),
      import('@lit-labs/virtualizer/layouts/flow.js'),
      import('./virtualize-rows.js'),
    ]).then(
      ([module, layout, rows]) =>
        (virtualizer = { ...module, virtualize: rows.virtualizeRows(module), flow: layout.flow }),
    );
    void loading.then(loaded);
  }
  return virtualizer;
}
