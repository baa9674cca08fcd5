import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Imports the module that registers a tab's element (`() => import('./dcr-summary.js')`). */
export type TabLoader = () => Promise<unknown>;

/** Runs `work` when the page is idle (soon, where it never is or cannot say). */
const whenIdle = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
};

/**
 * The code of `<dcr-record>`'s tab elements, by tag: which are registered or can be loaded, one
 * load of each at a time, and which failed, kept (so the tab says so) until "Try again".
 */
export class TabCodeController implements ReactiveController {
  private readonly loads = new Map<string, Promise<boolean>>();
  private readonly failed = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loaders: () => Readonly<Partial<Record<string, TabLoader>>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  registered(tag: string): boolean {
    return customElements.get(tag) !== undefined;
  }

  /** Registered, or a loader can register it. */
  available(tag: string): boolean {
    return this.registered(tag) || this.loaders()[tag] !== undefined;
  }

  /** Its last load failed, and nobody has asked to try again. */
  hasFailed(tag: string): boolean {
    return this.failed.has(tag);
  }

  /** Registers the tag's element through its loader, once; resolves whether it is registered. */
  load(tag: string): Promise<boolean> {
    const loader = this.loaders()[tag];
    if (this.registered(tag) || !loader) return Promise.resolve(this.registered(tag));
    let load = this.loads.get(tag);
    if (!load) {
      const done = (): boolean => {
        const loaded = this.registered(tag);
        if (loaded) this.failed.delete(tag);
        else {
          this.failed.add(tag);
          this.loads.delete(tag);
        }
        this.host.requestUpdate();
        return loaded;
      };
      load = loader().then(done, done);
      this.loads.set(tag, load);
    }
    return load;
  }

  /**
   * When the page is idle, loads every tag never tried, so the browser's own print (which cannot
   * wait) normally finds every tab; one that failed waits until its tab is opened.
   */
  preloadWhenIdle(tags: () => readonly string[], still: () => boolean): void {
    whenIdle(() => {
      if (!still()) return;
      for (const tag of tags())
        if (!this.loads.has(tag) && !this.failed.has(tag)) void this.load(tag);
    });
  }

  /** "Try again" (or the tab opened again) after its code failed to load. */
  retry(tag: string): void {
    if (this.failed.delete(tag)) this.host.requestUpdate();
  }
}
