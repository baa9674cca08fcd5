import type { SectionName } from '@dcr-elements/core';

/**
 * The tabs of `<dcr-record>`: one row per tab, in order. `sections` are what the tab's element
 * reads, so the record asks for every tab's sections at once (one GP Connect request, each R4
 * search once) without rendering a hidden tab, whose element would report its sections as shown.
 */
export const RECORD_TABS = [
  {
    id: 'summary',
    label: 'Summary',
    tag: 'dcr-summary',
    sections: ['allergies', 'problems', 'medications', 'risksWarnings', 'investigations', 'events'],
  },
  { id: 'problems', label: 'Problems', tag: 'dcr-problem-list', sections: ['problems'] },
  { id: 'diagnoses', label: 'Diagnoses', tag: 'dcr-diagnosis-list', sections: ['diagnoses'] },
  { id: 'medications', label: 'Medication', tag: 'dcr-medication-list', sections: ['medications'] },
  {
    id: 'risks-warnings',
    label: 'Risks & warnings',
    tag: 'dcr-risks-warnings',
    sections: ['risksWarnings'],
  },
  { id: 'procedures', label: 'Procedures', tag: 'dcr-procedure-list', sections: ['procedures'] },
  { id: 'results', label: 'Results', tag: 'dcr-investigations', sections: ['investigations'] },
  {
    id: 'blood-pressure',
    label: 'Blood pressure',
    tag: 'dcr-blood-pressure',
    sections: ['bloodPressure'],
  },
  {
    id: 'immunisations',
    label: 'Immunisations',
    tag: 'dcr-immunisations',
    sections: ['immunisations'],
  },
  { id: 'events', label: 'Events', tag: 'dcr-events-timeline', sections: ['events'] },
] as const satisfies readonly TabRow[];

interface TabRow {
  id: string;
  label: string;
  /** The element that shows the tab (registered by its `define/` module). */
  tag: string;
  sections: readonly SectionName[];
}

/** One tab: its id (the `tab` attribute's value), label, element tag and sections. */
export type RecordTab = (typeof RECORD_TABS)[number];

export type RecordTabId = RecordTab['id'];

export const RECORD_TAB_IDS: readonly RecordTabId[] = RECORD_TABS.map((t) => t.id);

/** The banners above the tabs read these whatever tab is open. */
export const BANNER_SECTIONS: readonly SectionName[] = ['demographics', 'allergies'];
