import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareRecordSession } from '@dcr-elements/core';

/** How the warning for an element without a session begins (tests recognise it by this). */
export const DEVELOPER_WARNING = 'dcr-elements:';

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  session?: CareRecordSession;
}

/**
 * Re-renders the host whenever its session's state changes, following the session as it appears,
 * changes or goes. On its own (the consent gate) it subscribes to no section, so it can never
 * cause a fetch; {@link SectionController} adds one section.
 */
export class SessionStateController implements ReactiveController {
  protected session: CareRecordSession | undefined;

  /**
   * @param sessionOf which session to follow: the host's `session` property by default; an
   *   element that takes its session from more than one place (`<dcr-record>`) says which.
   */
  constructor(
    protected readonly host: SessionHost,
    private readonly sessionOf: () => CareRecordSession | undefined = () => host.session,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.sessionOf());
  }

  hostUpdate(): void {
    if (this.sessionOf() !== this.session) this.follow(this.sessionOf());
  }

  private warned = false;

  /**
   * An element rendered with no session is a mistake of the page, not the clinician's: it shows a
   * neutral message, and the developer is told once per element, in words with no patient data.
   */
  hostUpdated(): void {
    if (this.sessionOf() || this.warned || !this.host.isConnected) return;
    this.warned = true;
    console.warn(
      `${DEVELOPER_WARNING} <${this.host.localName}> has no care record session. Put it inside <dcr-session> or <dcr-consent-gate>, or set its .session property.`,
    );
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  protected stateChanged(): void {
    this.host.requestUpdate();
  }

  private readonly onStateChange = () => this.stateChanged();

  protected follow(session: CareRecordSession | undefined): void {
    this.session?.removeEventListener('statechange', this.onStateChange);
    this.session = session;
    session?.addEventListener('statechange', this.onStateChange);
  }
}
