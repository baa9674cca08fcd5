import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';
import type { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { LazyModule } from './lazy-module.js';

/** The virtualizer, and its flow layout loaded with it (see `virtualizerModule`). */
export type Virtualize = typeof VirtualizeModule & { flow: typeof flow };

/**
 * The virtualizer, imported the first time a list is long (shared/list-window.ts): short records
 * never fetch it, and a host's bundler splits it into its own chunk. The flow layout comes in the
 * same step: left to the virtualizer, it is imported later still, and until then the virtualizer
 * cannot scroll a row into view (it throws). Its `virtualize` directive is the one of
 * `virtualize-rows.ts`, which removes every row it scrolls away (lit's `repeat` leaves a node
 * behind for each). Until it has loaded, or when it could not be, a long list shows its window
 * of rows, which holds every row through "Show more". Tests replace `load` (and clear `value`)
 * to make the load fail.
 */
export const virtualizerModule = new LazyModule<Virtualize>(() =>
  Promise.all([
    import('@lit-labs/virtualizer/virtualize.js'),
    import('@lit-labs/virtualizer/layouts/flow.js'),
    import('./virtualize-rows.js'),
  ]).then(([module, layout, rows]) => ({
    ...module,
    virtualize: rows.virtualizeRows(module),
    flow: layout.flow,
  })),
);
