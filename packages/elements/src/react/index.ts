/**
 * React components for every element, made with `@lit/react`: typed props (the element's
 * properties, set as properties, not attributes) and typed events (`onAudit`, `onConsentRecorded`,
 * ...). Each is named as its element class: `<DcrRecord session={session} onAudit={...} />`. Importing this module registers the `dcr-*` tags, as the `define/` modules do. React is a
 * peer dependency; React 19 users may also write the tags in JSX directly (see ./jsx.ts).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type {
  DcrAuditEvent,
  DcrConsentRecordedEvent,
  DcrEntrySelectEvent,
  DcrNavigateEvent,
  DcrTabChangeEvent,
  DcrViewEndedEvent,
} from '../events.js';
import * as el from '../index.js';
import './jsx.js';
// Registers every dcr-* tag and brings their tag types. Each element is registered here, not
// left to the record's lazy tab loading: a React page may use any component on its own.
import '../define/dcr-record.js';
import '../define/dcr-session.js';
import '../define/dcr-summary.js';
import '../define/dcr-problem-list.js';
import '../define/dcr-diagnosis-list.js';
import '../define/dcr-medication-list.js';
import '../define/dcr-risks-warnings.js';
import '../define/dcr-procedure-list.js';
import '../define/dcr-investigations.js';
import '../define/dcr-blood-pressure.js';
import '../define/dcr-immunisations.js';
import '../define/dcr-events-timeline.js';

const onAudit = 'dcr-audit' as EventName<DcrAuditEvent>;

export const DcrSession = createComponent({
  react: React,
  tagName: 'dcr-session',
  elementClass: el.DcrSession,
  events: { onAudit },
});

export const DcrConsentGate = createComponent({
  react: React,
  tagName: 'dcr-consent-gate',
  elementClass: el.DcrConsentGate,
  events: {
    onConsentRecorded: 'dcr-consent-recorded' as EventName<DcrConsentRecordedEvent>,
    onViewEnded: 'dcr-view-ended' as EventName<DcrViewEndedEvent>,
  },
});

export const DcrRecord = createComponent({
  react: React,
  tagName: 'dcr-record',
  elementClass: el.DcrRecord,
  events: {
    onAudit,
    onTabChange: 'dcr-tab-change' as EventName<DcrTabChangeEvent>,
    onConsentRecorded: 'dcr-consent-recorded' as EventName<DcrConsentRecordedEvent>,
    onViewEnded: 'dcr-view-ended' as EventName<DcrViewEndedEvent>,
  },
});

export const DcrMedicationList = createComponent({
  react: React,
  tagName: 'dcr-medication-list',
  elementClass: el.DcrMedicationList,
  events: { onEntrySelect: 'dcr-entry-select' as EventName<DcrEntrySelectEvent> },
});

export const DcrSummary = createComponent({
  react: React,
  tagName: 'dcr-summary',
  elementClass: el.DcrSummary,
  events: { onNavigate: 'dcr-navigate' as EventName<DcrNavigateEvent> },
});

const plain = <E extends HTMLElement>(tagName: string, elementClass: new () => E) =>
  createComponent({ react: React, tagName, elementClass });

export const DcrPatientBanner = plain('dcr-patient-banner', el.DcrPatientBanner);
export const DcrAllergyBanner = plain('dcr-allergy-banner', el.DcrAllergyBanner);
export const DcrEventsTimeline = plain('dcr-events-timeline', el.DcrEventsTimeline);
export const DcrRisksWarnings = plain('dcr-risks-warnings', el.DcrRisksWarnings);
export const DcrInvestigations = plain('dcr-investigations', el.DcrInvestigations);
export const DcrBloodPressure = plain('dcr-blood-pressure', el.DcrBloodPressure);
export const DcrProblemList = plain('dcr-problem-list', el.DcrProblemList);
export const DcrDiagnosisList = plain('dcr-diagnosis-list', el.DcrDiagnosisList);
export const DcrProcedureList = plain('dcr-procedure-list', el.DcrProcedureList);
export const DcrImmunisations = plain('dcr-immunisations', el.DcrImmunisations);
