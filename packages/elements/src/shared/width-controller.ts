import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's content width, kept current by a ResizeObserver, so a chart is drawn at the width it
 * is shown at (text stays 12px on a phone and on a wide screen, instead of scaling with a viewBox).
 */
export class WidthController implements ReactiveController {
  /** The last measured width in CSS pixels (a sensible default until the first measure). */
  width = 640;
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
