/**
 * A code-split module, loaded with `import()` when first asked for and shared after that. A failed
 * load (a network blip, a redeploy that removed the chunk) is forgotten, so the next call asks the
 * server again instead of repeating the failure for the life of the page. `loaded` is the module
 * once it has arrived, for the one caller that cannot wait a task (the page going away).
 */
export interface LoadOnce<T> {
  (): Promise<T>;
  readonly loaded: T | undefined;
}

export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const get = () =>
    (pending ??= load().then(
      (value) => (loaded = value),
      (error: unknown) => {
        pending = undefined; // asked again next time
        throw error;
      },
    ));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as LoadOnce<T>;
}
