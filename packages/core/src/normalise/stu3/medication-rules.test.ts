// GP Connect (STU3) medication rules from the Access Record Structured consumer guidance: issue
// dates, repeat information, stale repeats and the source's own last-issue date. Bundles are
// synthetic (written here), shaped like supplier data (EMIS-style orders carry their plan's
// authoredOn and the real prescription date in dispenseRequest.validityPeriod.start).
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { normaliseOptions } from '../options.js';
import { normaliseStructuredRecord } from './structured-record.js';
import {
  NHS_NUMBER,
  DMD_SYSTEM,
  bundleOf,
  issue,
  medicine,
  plan,
  statement,
} from './synthetic-bundles.examples.js';
import {
  NOTE_ISSUE_DATED_BY_AUTHORED_ON,
  NOTE_LAST_ISSUE_EARLIER_IN_SOURCE,
  NOTE_LAST_ISSUE_FROM_SOURCE,
} from '../shared/medication-dates.js';

const TODAY = '2026-11-26';
const read = (bundle: unknown, today = TODAY) =>
  normaliseStructuredRecord(bundle, ['medications'], NHS_NUMBER, normaliseOptions({ today }))
    .medications!;

const GPC = 'https://fhir.nhs.uk/STU3/StructureDefinition/';
// dm+d VMP, as in packages/sandbox/src/codes.ts (verified there).
const furosemide = medicine('furo', DMD_SYSTEM, '42294811000001108', 'Furosemide 40mg tablets');

/** An order (issue) as EMIS sends it: authoredOn is the authorisation's, the prescription date is the validity period start. */
function emisIssue(id: string, planId: string, authoredOn: string, prescribed: string) {
  return {
    ...issue(id, planId, authoredOn),
    dispenseRequest: {
      quantity: { value: '56', unit: 'tablet' },
      validityPeriod: { start: prescribed },
    },
  };
}

function repeatPlan(extra: Record<string, unknown> = {}, supplyDays?: string) {
  return plan('plan-1', 'furo', 'repeat', {
    authoredOn: '2023-02-01',
    dispenseRequest: {
      quantity: { value: 56, unit: 'tablet' },
      validityPeriod: { start: '2023-02-01' },
      ...(supplyDays && {
        expectedSupplyDuration: {
          value: supplyDays,
          unit: 'day',
          system: 'http://unitsofmeasure.org',
          code: 'd',
        },
      }),
    },
    ...extra,
  });
}

function withLastIssueDate(
  date: string,
  url = `${GPC}Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1`,
) {
  return statement('st-1', 'plan-1', 'furo', { extension: [{ url, valueDateTime: date }] });
}

describe('GP Connect STU3 medications: issue dates', () => {
  it('dates an issue by dispenseRequest.validityPeriod.start, not authoredOn (EMIS-shaped)', () => {
    const section = read(
      bundleOf(
        furosemide,
        repeatPlan(),
        emisIssue('iss-1', 'plan-1', '2023-02-01', '2024-06-03'),
        emisIssue('iss-2', 'plan-1', '2023-02-01', '2024-07-15'),
      ),
    );
    const [med] = section.entries;
    expect(med?.issues.map((i) => i.date)).to.deep.equal(['2024-06-03', '2024-07-15']);
    expect(med?.lastIssued?.date).to.equal('2024-07-15');
    expect(med?.started).to.equal('2023-02-01');
    expect(section.diagnostics.notes).to.deep.equal({});
  });

  it('falls back to authoredOn only when the order has no validity period, and notes it', () => {
    const section = read(
      bundleOf(furosemide, repeatPlan(), issue('iss-1', 'plan-1', '2026-10-01')),
    );
    expect(section.entries[0]?.lastIssued?.date).to.equal('2026-10-01');
    expect(section.diagnostics.notes).to.deep.equal({ [NOTE_ISSUE_DATED_BY_AUTHORED_ON]: 1 });
  });
});

describe('GP Connect STU3 medications: repeat information and stale repeats', () => {
  const repeatInformation = {
    url: `${GPC}Extension-CareConnect-GPC-MedicationRepeatInformation-1`,
    extension: [
      { url: 'numberOfRepeatPrescriptionsAllowed', valuePositiveInt: 6 },
      { url: 'numberOfRepeatPrescriptionsIssued', valuePositiveInt: 2 },
      { url: 'authorisationExpiryDate', valueDateTime: '2027-02-01' },
    ],
  };

  it('carries issues allowed and used, review date and expected supply into the model', () => {
    const thePlan = repeatPlan({}, '28');
    thePlan.extension = [...(thePlan.extension as unknown[]), repeatInformation];
    const [med] = read(
      bundleOf(furosemide, thePlan, emisIssue('iss-1', 'plan-1', '2023-02-01', '2026-11-01')),
    ).entries;
    expect(med?.repeat).to.deep.equal({
      issuesAllowed: 6,
      issuesUsed: 2,
      reviewDate: '2027-02-01',
      expectedSupplyDays: 28,
    });
    expect(med).not.to.have.property('notIssuedSince');
  });

  it('flags a current repeat not issued for more than twice its expected supply', () => {
    const bundle = bundleOf(
      furosemide,
      repeatPlan({}, '28'),
      emisIssue('iss-1', 'plan-1', '2023-02-01', '2010-01-14'),
    );
    const [med] = read(bundle).entries;
    expect(med?.current).to.equal(true);
    expect(med?.notIssuedSince).to.equal('2010-01-14');
    // 56 days after the issue is still within twice the supply; 57 days is not.
    expect(read(bundle, '2010-03-11').entries[0]).not.to.have.property('notIssuedSince');
    expect(read(bundle, '2010-03-12').entries[0]?.notIssuedSince).to.equal('2010-01-14');
  });

  it('without an expected supply, flags a repeat after 6 months without issue', () => {
    const bundle = bundleOf(
      furosemide,
      repeatPlan(),
      emisIssue('iss-1', 'plan-1', '2023-02-01', '2026-01-14'),
    );
    expect(read(bundle, '2026-07-14').entries[0]).not.to.have.property('notIssuedSince');
    expect(read(bundle, '2026-07-15').entries[0]?.notIssuedSince).to.equal('2026-01-14');
  });

  it('never flags a stopped repeat, an acute, or a repeat never issued', () => {
    const stopped = repeatPlan({ status: 'stopped' }, '28');
    const acute = plan('plan-1', 'furo', 'acute', { status: 'active' });
    for (const thePlan of [stopped, acute]) {
      const [med] = read(
        bundleOf(furosemide, thePlan, emisIssue('iss-1', 'plan-1', '2023-02-01', '2010-01-14')),
      ).entries;
      expect(med, JSON.stringify(thePlan.status)).not.to.have.property('notIssuedSince');
    }
    expect(read(bundleOf(furosemide, repeatPlan({}, '28'))).entries[0]).not.to.have.property(
      'notIssuedSince',
    );
  });

  it('honours a deployment rule (NormaliseOptions.staleRepeat)', () => {
    const bundle = bundleOf(
      furosemide,
      repeatPlan({}, '28'),
      emisIssue('iss-1', 'plan-1', '2023-02-01', '2026-10-01'),
    );
    const strict = normaliseStructuredRecord(bundle, ['medications'], NHS_NUMBER, {
      ...normaliseOptions({ today: TODAY }),
      staleRepeat: { supplyMultiple: 1, monthsWithoutSupply: 6 },
    }).medications!;
    expect(strict.entries[0]?.notIssuedSince).to.equal('2026-10-01');
    expect(read(bundle).entries[0]).not.to.have.property('notIssuedSince');
  });
});

describe("GP Connect STU3 medications: the source's own last-issue date", () => {
  const issues = [
    emisIssue('iss-1', 'plan-1', '2023-02-01', '2026-09-01'),
    emisIssue('iss-2', 'plan-1', '2023-02-01', '2026-10-01'),
  ];

  it('agrees with the extension: no note', () => {
    const section = read(
      bundleOf(furosemide, repeatPlan(), withLastIssueDate('2026-10-01T09:30:00+01:00'), ...issues),
    );
    expect(section.entries[0]?.lastIssued?.id).to.equal('iss-2');
    expect(section.diagnostics.notes).to.deep.equal({});
  });

  it('a later date in the extension (issue not sent) is shown, and the disagreement noted', () => {
    const section = read(
      bundleOf(furosemide, repeatPlan(), withLastIssueDate('2026-11-20'), ...issues),
    );
    expect(section.entries[0]?.lastIssued).to.deep.equal({
      id: 'st-1#last-issue-date',
      date: '2026-11-20',
    });
    expect(section.entries[0]?.issues).to.have.length(2);
    expect(section.diagnostics.notes).to.deep.equal({ [NOTE_LAST_ISSUE_FROM_SOURCE]: 1 });
  });

  it('an earlier date in the extension keeps the issue held, and the disagreement noted', () => {
    const section = read(
      bundleOf(
        furosemide,
        repeatPlan(),
        // The Care Connect (non-GPC) form of the extension some suppliers send.
        withLastIssueDate(
          '2026-09-01',
          'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-MedicationStatementLastIssueDate-1',
        ),
        ...issues,
      ),
    );
    expect(section.entries[0]?.lastIssued?.id).to.equal('iss-2');
    expect(section.diagnostics.notes).to.deep.equal({ [NOTE_LAST_ISSUE_EARLIER_IN_SOURCE]: 1 });
  });
});

describe('GP Connect STU3 medications: transfer-degraded and uncoded medicines', () => {
  // 196421000000109 Transfer-degraded medication entry: verified in shared/terms.ts (DEGRADE_CODES).
  const degradeCoding = {
    system: 'http://snomed.info/sct',
    code: '196421000000109',
    display: 'Transfer-degraded medication entry',
  };

  it('shows a degraded medicine by its original term, marked, never by the degrade display', () => {
    const degraded = {
      resourceType: 'Medication',
      id: 'furo',
      code: { coding: [degradeCoding], text: 'Bendroflumethiazide 2.5mg tablets' },
    };
    const [med] = read(bundleOf(degraded, repeatPlan())).entries;
    expect(med?.name).to.equal('Bendroflumethiazide 2.5mg tablets');
    expect(med?.degraded).to.equal(true);
    expect(med).not.to.have.property('uncoded');
  });

  it('shows a medicine known only by its name, marked uncoded; a bare code is still not shown', () => {
    const uncoded = {
      resourceType: 'Medication',
      id: 'furo',
      code: { text: 'Warfarin 1mg tablets' },
    };
    const [med] = read(bundleOf(uncoded, repeatPlan())).entries;
    expect(med?.name).to.equal('Warfarin 1mg tablets');
    expect(med?.uncoded).to.equal(true);
    // The name lexicon still marks it high-risk.
    expect(med?.highRisk).to.equal(true);
    const bare = {
      resourceType: 'Medication',
      id: 'furo',
      code: { coding: [{ system: DMD_SYSTEM, code: '42294811000001108' }] },
    };
    const section = read(bundleOf(bare, repeatPlan()));
    expect(section.entries).to.have.length(0);
    expect(section.diagnostics.unparseable).to.deep.equal({
      'MedicationRequest without a coded medicine': 1,
    });
  });
});
