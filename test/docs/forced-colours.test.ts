// Forced colours (Windows high contrast), for the accessibility statement (docs/accessibility.md):
// the first example of every element (its record as a clinician sees it), with the system's colours
// forced, has no axe violation. Every example state is checked in light and dark in each element's
// own tests (describeAccessibility); all of them again here would add minutes to every CI run.
import '@dcr-elements/test-support';
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ElementExample } from '../../packages/elements/src/shared/example.js';
import { examples as allergyBanner } from '../../packages/elements/src/allergy-banner/allergy-banner.examples.js';
import { examples as bloodPressure } from '../../packages/elements/src/blood-pressure/blood-pressure.examples.js';
import { examples as consentGate } from '../../packages/elements/src/consent-gate/consent-gate.examples.js';
import { examples as diagnosisList } from '../../packages/elements/src/diagnosis-list/diagnosis-list.examples.js';
import { examples as eventsTimeline } from '../../packages/elements/src/events-timeline/events-timeline.examples.js';
import { examples as immunisations } from '../../packages/elements/src/immunisations/immunisations.examples.js';
import { examples as investigations } from '../../packages/elements/src/investigations/investigations.examples.js';
import { examples as medicationList } from '../../packages/elements/src/medication-list/medication-list.examples.js';
import { examples as patientBanner } from '../../packages/elements/src/patient-banner/patient-banner.examples.js';
import { examples as problemList } from '../../packages/elements/src/problem-list/problem-list.examples.js';
import { examples as procedureList } from '../../packages/elements/src/procedure-list/procedure-list.examples.js';
import { examples as record } from '../../packages/elements/src/record/record.examples.js';
import { examples as risksWarnings } from '../../packages/elements/src/risks-warnings/risks-warnings.examples.js';
import { examples as summary } from '../../packages/elements/src/summary/summary.examples.js';

const ELEMENTS: Record<string, readonly ElementExample[]> = {
  allergyBanner,
  bloodPressure,
  consentGate,
  diagnosisList,
  eventsTimeline,
  immunisations,
  investigations,
  medicationList,
  patientBanner,
  problemList,
  procedureList,
  record,
  risksWarnings,
  summary,
};

/** No loading skeleton left in the element or any shadow root below it (a loading example keeps one). */
function loaded(node: Element): boolean {
  const root = node.shadowRoot;
  if (root?.querySelector('.skeleton')) return false;
  return [...(root?.querySelectorAll('*') ?? [])].every(loaded);
}

describe('forced colours (Windows high contrast)', function () {
  this.timeout(60_000);
  before(() => executeServerCommand('dcr-forced-colors', { active: true }));
  after(() => executeServerCommand('dcr-forced-colors', { active: false }));
  afterEach(() => fixtureCleanup());

  it('is emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  for (const [element, [example]] of Object.entries(ELEMENTS)) {
    it(`${element}: ${example!.name} has no axe violation`, async () => {
      const el = await fixture<HTMLElement>(example!.template());
      await waitUntil(() => loaded(el), 'still loading', { timeout: 10_000 });
      await expect(el).to.be.accessible();
    });
  }
});
