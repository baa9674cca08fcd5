import type { CareRecordSession, SectionName } from '@dcr-elements/core';
import { SessionStateController, type SessionHost } from '../shared/session-state-controller.js';

const ignore = () => undefined;

/**
 * Asks for every section the record's tabs show, together, as soon as there is a session: the
 * store sends sections asked for in one task to the source at once (one GP Connect request; each
 * R4 search once), so opening a tab later fetches nothing. It renders nothing itself: each tab's
 * element reads its own section, and reports it shown only when it is on screen.
 */
export class RecordSectionsController extends SessionStateController {
  private unsubscribes: (() => void)[] = [];

  constructor(
    host: SessionHost,
    sessionOf: () => CareRecordSession | undefined,
    private readonly sections: () => readonly SectionName[],
  ) {
    super(host, sessionOf);
  }

  /** Asks again after the list of sections changed (a tab's element was defined later). */
  refresh(): void {
    this.follow(this.session);
  }

  protected override follow(session: CareRecordSession | undefined): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    super.follow(session);
    if (session) this.unsubscribes = this.sections().map((s) => session.subscribe(s, ignore));
  }
}
