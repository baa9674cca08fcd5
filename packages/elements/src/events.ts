import type { AuditRecord, ConsentDecision, SectionName } from '@dcr-elements/core';
import type { RecordTabId } from './record/record-tabs.js';

/**
 * The events `dcr-*` elements fire. All bubble and cross shadow roots (`composed`), so a host
 * listens once on the document. Details hold ids, states and decisions only, never clinical
 * content; `dcr-audit` carries the audit record and nothing else.
 */

/** The clinician recorded the patient's answer; the host may store it. */
export class DcrConsentRecordedEvent extends Event {
  static readonly eventName = 'dcr-consent-recorded';
  constructor(
    readonly detail: {
      decision: ConsentDecision['decision'];
      reason?: Extract<ConsentDecision, { decision: 'override' }>['reason'];
      /** ISO date-time. */
      time: string;
    },
  ) {
    super(DcrConsentRecordedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** An audit record was made (re-dispatched from the session by `<dcr-session>`). */
export class DcrAuditEvent extends Event {
  static readonly eventName = 'dcr-audit';
  constructor(readonly detail: AuditRecord) {
    super(DcrAuditEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The clinician ended viewing. */
export class DcrViewEndedEvent extends Event {
  static readonly eventName = 'dcr-view-ended';
  constructor() {
    super(DcrViewEndedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A row was chosen (e.g. a medication expanded); detail is the entry id and section. */
export class DcrEntrySelectEvent extends Event {
  static readonly eventName = 'dcr-entry-select';
  constructor(readonly detail: { section: SectionName; id: string; expanded: boolean }) {
    super(DcrEntrySelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The open tab of `<dcr-record>` changed (by the clinician, or to Summary for a new patient). */
export class DcrTabChangeEvent extends Event {
  static readonly eventName = 'dcr-tab-change';
  constructor(readonly detail: { tab: RecordTabId; previous: RecordTabId }) {
    super(DcrTabChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The clinician asked for the full view of a part of the summary (e.g. "All problems");
 * `<dcr-record>` answers by opening that tab, a host that shows the summary alone by its own means.
 */
export class DcrNavigateEvent extends Event {
  static readonly eventName = 'dcr-navigate';
  constructor(readonly detail: { tab: RecordTabId }) {
    super(DcrNavigateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcr-consent-recorded': DcrConsentRecordedEvent;
    'dcr-audit': DcrAuditEvent;
    'dcr-view-ended': DcrViewEndedEvent;
    'dcr-entry-select': DcrEntrySelectEvent;
    'dcr-tab-change': DcrTabChangeEvent;
    'dcr-navigate': DcrNavigateEvent;
  }
}
