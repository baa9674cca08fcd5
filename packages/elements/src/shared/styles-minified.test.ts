import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { CSSResult } from 'lit';
import * as mTokensStyles from '../shared/tokens.styles.js';
import * as mEntryTableStyles from '../shared/entry-table.styles.js';
import * as mControlsStyles from '../shared/controls.styles.js';
import * as mRecordText from '../shared/record-text.js';
import * as mTrendChartStyles from '../shared/trend-chart.styles.js';
import * as mTrendTableStyles from '../shared/trend-table.styles.js';
import * as mSectionStyles from '../shared/section.styles.js';
import * as mPatientBannerStyles from '../patient-banner/patient-banner.styles.js';
import * as mConsentGateStyles from '../consent-gate/consent-gate.styles.js';
import * as mImmunisationsStyles from '../immunisations/immunisations.styles.js';
import * as mSummaryStyles from '../summary/summary.styles.js';
import * as mMedicationListStyles from '../medication-list/medication-list.styles.js';
import * as mAllergyBannerStyles from '../allergy-banner/allergy-banner.styles.js';
import * as mDcrSession from '../session/dcr-session.js';
import * as mRecordStyles from '../record/record.styles.js';
import * as mRisksWarningsStyles from '../risks-warnings/risks-warnings.styles.js';
import * as mEventsTimelineStyles from '../events-timeline/events-timeline.styles.js';
import * as mBloodPressureStyles from '../blood-pressure/blood-pressure.styles.js';
import * as mInvestigationsStyles from '../investigations/investigations.styles.js';
import * as mProblemListStyles from '../problem-list/problem-list.styles.js';

/**
 * The elements' dist/ ships each css`` template minified (scripts/minify-css-literals.mjs), while
 * every other test runs the source. This proves the two are the same stylesheet to the browser:
 * each minified template, parsed by Chromium's CSS parser, serialises rule for rule as its source
 * does. A module that gains a css`` template is listed here.
 */
type Module = Record<string, unknown>;
const MODULES: [path: string, source: Module][] = [
  ['shared/tokens.styles', mTokensStyles],
  ['shared/entry-table.styles', mEntryTableStyles],
  ['shared/controls.styles', mControlsStyles],
  ['shared/record-text', mRecordText],
  ['shared/trend-chart.styles', mTrendChartStyles],
  ['shared/trend-table.styles', mTrendTableStyles],
  ['shared/section.styles', mSectionStyles],
  ['patient-banner/patient-banner.styles', mPatientBannerStyles],
  ['consent-gate/consent-gate.styles', mConsentGateStyles],
  ['immunisations/immunisations.styles', mImmunisationsStyles],
  ['summary/summary.styles', mSummaryStyles],
  ['medication-list/medication-list.styles', mMedicationListStyles],
  ['allergy-banner/allergy-banner.styles', mAllergyBannerStyles],
  ['session/dcr-session', mDcrSession],
  ['record/record.styles', mRecordStyles],
  ['risks-warnings/risks-warnings.styles', mRisksWarningsStyles],
  ['events-timeline/events-timeline.styles', mEventsTimelineStyles],
  ['blood-pressure/blood-pressure.styles', mBloodPressureStyles],
  ['investigations/investigations.styles', mInvestigationsStyles],
  ['problem-list/problem-list.styles', mProblemListStyles],
];

/** Every stylesheet a module exports: CSSResults, arrays of them, an element class's own styles. */
function stylesheetsOf(module: Module): Map<string, CSSResult> {
  const found = new Map<string, CSSResult>();
  for (const [name, value] of Object.entries(module)) {
    const styles = typeof value === 'function' ? (value as { styles?: unknown }).styles : value;
    const list = Array.isArray(styles) ? styles : [styles];
    list.forEach((style, i) => {
      if (style instanceof CSSResult) found.set(`${name}[${i}]`, style);
    });
  }
  return found;
}

function parsed(style: CSSResult): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(style.cssText);
  return [...sheet.cssRules].map((rule) => sameTokens(rule.cssText));
}

/**
 * What esbuild changes without changing a token, undone on both sides: Chromium keeps a value
 * holding var() as written, so the source's line breaks inside var( … ), the space after a comma,
 * 'a' for "a" and the leading zero esbuild drops (0.5 -> .5) would show as differences.
 */
function sameTokens(css: string): string {
  return css
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/, ?/g, ', ')
    .replace(/'([^'"]*)'/g, '"$1"')
    .replace(/(?<![\w.])\.(?=\d)/g, '0.');
}

describe('minified stylesheets (dist) against their source', () => {
  for (const [path, source] of MODULES) {
    it(`${path}: the browser reads the same rules`, async () => {
      // A computed path: the type-check does not need dist/ built (npm test builds it first).
      const shipped = stylesheetsOf((await import(`../../dist/${path}.js`)) as Module);
      const own = stylesheetsOf(source);
      expect([...shipped.keys()]).to.deep.equal([...own.keys()]);
      expect(own.size).to.be.greaterThan(0);
      for (const [name, style] of own) {
        const minified = shipped.get(name)!;
        // Minified indeed, so this compares two different texts.
        expect(minified.cssText.length, name).to.be.lessThan(style.cssText.length);
        const rules = parsed(style);
        expect(rules.length, name).to.be.greaterThan(0);
        expect(parsed(minified), name).to.deep.equal(rules);
      }
    });
  }
});
