import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';

export type Virtualize = typeof VirtualizeModule;

let virtualizer: Virtualize | undefined;
let loading: Promise<Virtualize> | undefined;

/**
 * The virtualizer, when it has loaded; `undefined` until then, having started loading it and
 * calling `loaded` once it has. Imported the first time a list is long (shared/list-window.ts):
 * short records never fetch it, and a host's bundler splits it into its own chunk.
 */
export function lazyVirtualizer(loaded: () => void): Virtualize | undefined {
  if (!virtualizer) {
    loading ??= import('@lit-labs/virtualizer/virtualize.js').then((m) => (virtualizer = m));
    void loading.then(loaded);
  }
  return virtualizer;
}
