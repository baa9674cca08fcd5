import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a lazy module is for one element: here, on its way, or failed until "Try again". */
export type Loaded<T> =
  { status: 'ready'; value: T } | { status: 'loading' } | { status: 'failed' };

/**
 * Code an element needs only sometimes (the drug monitoring rule, a trend chart), imported with
 * `import()` the first time it is needed and kept for the page, so a page that never needs it
 * never loads it (DESIGN §9). `load` is public so tests can make it fail.
 */
export class LazyModule<T> {
  /** The module's export once loaded, for every element on the page. */
  value: T | undefined;
  private pending: Promise<T> | undefined;

  constructor(public load: () => Promise<T>) {}

  /** One load at a time; a failed one is forgotten so it can be tried again. */
  get(): Promise<T> {
    this.pending ??= this.load().then(
      (value) => {
        this.pending = undefined;
        return (this.value = value);
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }
}

/**
 * An element's use of lazy modules: `use` starts the load and re-renders the host when it
 * arrives or fails; a failure is kept (so the element says so, never shows nothing) until
 * `retry`.
 */
export class LazyController implements ReactiveController {
  private readonly failed = new Set<LazyModule<unknown>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  use<T>(module: LazyModule<T>): Loaded<T> {
    if (module.value !== undefined) return { status: 'ready', value: module.value };
    if (this.failed.has(module)) return { status: 'failed' };
    module.get().then(
      () => this.host.requestUpdate(),
      () => {
        this.failed.add(module);
        this.host.requestUpdate();
      },
    );
    return { status: 'loading' };
  }

  /** "Try again" after a module could not be loaded. */
  retry(module: LazyModule<unknown>): void {
    this.failed.delete(module);
    this.host.requestUpdate();
  }
}
