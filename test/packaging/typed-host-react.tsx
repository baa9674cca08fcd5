// The React entry from a TypeScript host: @lit/react components with typed props and events, and
// the dcr-* tags in React 19 JSX. Compiled with typed-host.ts (see that file).
import { createCareRecordSession, fhirR4Source } from '@dcr-elements/core';
import { DcrMedicationList, DcrRecord, DcrSession } from '@dcr-elements/elements/react';

declare const session: ReturnType<typeof createCareRecordSession>;
void fhirR4Source;

export const viaComponents = (
  <DcrSession session={session} onAudit={(event) => console.log(event.detail.action)}>
    <DcrMedicationList view="current" onEntrySelect={(event) => console.log(event.detail.id)} />
    <DcrRecord tab="summary" onTabChange={(event) => console.log(event.detail.tab)} />
    {/* @ts-expect-error: not a tab */}
    <DcrRecord tab="x-rays" />
  </DcrSession>
);

export const viaJsx = (
  <dcr-session session={session} ondcr-audit={(event) => console.log(event.detail.action)}>
    <dcr-medication-list view="past" />
    {/* @ts-expect-error: not a medication view */}
    <dcr-medication-list view="everything" />
  </dcr-session>
);
