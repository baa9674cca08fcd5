// UK Core (R4) issue dates: the order's dispenseRequest.validityPeriod.start, authoredOn only as a
// noted fallback; repeat information and the statement's last-issue date. Synthetic resources.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { normaliseOptions } from '../options.js';
import { NOTE_ISSUE_DATED_BY_AUTHORED_ON } from '../shared/medication-dates.js';
import { medicationsFromR4 } from './medications.js';

const subject = { reference: 'Patient/p1' };
const context = { patientId: 'p1', options: normaliseOptions({ today: '2026-11-26' }) };
// dm+d VMP, as in packages/sandbox/src/codes.ts (verified there).
const medication = {
  coding: [
    { system: 'https://dmd.nhs.uk', code: '42294811000001108', display: 'Furosemide 40mg tablets' },
  ],
};
const authorisation = {
  resourceType: 'MedicationRequest',
  id: 'plan-1',
  status: 'active',
  intent: 'plan',
  subject,
  courseOfTherapyType: { coding: [{ code: 'continuous' }] },
  medicationCodeableConcept: medication,
  authoredOn: '2023-02-01',
  dispenseRequest: {
    numberOfRepeatsAllowed: 5,
    expectedSupplyDuration: { value: 28, unit: 'day', code: 'd' },
  },
  extension: [
    {
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation',
      extension: [
        { url: 'numberOfPrescriptionsIssued', valueUnsignedInt: 2 },
        { url: 'authorisationExpiryDate', valueDateTime: '2027-02-01' },
      ],
    },
  ],
};
const order = (id: string, extra: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'completed',
  intent: 'order',
  subject,
  basedOn: [{ reference: 'MedicationRequest/plan-1' }],
  medicationCodeableConcept: medication,
  authoredOn: '2023-02-01',
  ...extra,
});

describe('UK Core medications: issue dates and repeat information', () => {
  it('dates issues by validityPeriod.start; authoredOn only where it is absent, noted', () => {
    const section = medicationsFromR4(
      [
        authorisation,
        order('o1', { dispenseRequest: { validityPeriod: { start: '2026-10-01' } } }),
        order('o2', { authoredOn: '2026-11-01' }),
      ],
      context,
    );
    const [med] = section.entries;
    expect(med?.issues.map((i) => [i.id, i.date])).to.deep.equal([
      ['o1', '2026-10-01'],
      ['o2', '2026-11-01'],
    ]);
    expect(section.diagnostics.notes).to.deep.equal({ [NOTE_ISSUE_DATED_BY_AUTHORED_ON]: 1 });
    expect(med?.repeat).to.deep.equal({
      issuesAllowed: 6,
      issuesUsed: 2,
      reviewDate: '2027-02-01',
      expectedSupplyDays: 28,
    });
  });

  it("reconciles with the statement's UK Core last-issue date", () => {
    const section = medicationsFromR4(
      [
        authorisation,
        order('o1', { dispenseRequest: { validityPeriod: { start: '2026-01-10' } } }),
        {
          resourceType: 'MedicationStatement',
          id: 's1',
          status: 'active',
          subject,
          basedOn: [{ reference: 'MedicationRequest/plan-1' }],
          medicationCodeableConcept: medication,
          extension: [
            {
              url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate',
              valueDateTime: '2026-01-10',
            },
          ],
        },
      ],
      context,
    );
    expect(section.entries).to.have.length(1);
    expect(section.entries[0]?.lastIssued?.id).to.equal('o1');
    expect(section.diagnostics.notes).to.deep.equal({});
    // Last issued 2026-01-10 with 28 days' supply: more than 56 days before 2026-11-26.
    expect(section.entries[0]?.notIssuedSince).to.equal('2026-01-10');
  });
});

describe('UK Core medications: transfer-degraded and uncoded medicines', () => {
  const plan = (id: string, concept: object) => ({
    ...authorisation,
    id,
    extension: [],
    medicationCodeableConcept: concept,
  });

  it('keeps a medicine known only by its name, marked uncoded, and a degraded one by its term', () => {
    const section = medicationsFromR4(
      [
        plan('uncoded', { text: 'Amoxicillin 250mg/5ml oral suspension' }),
        plan('degraded', {
          // 196421000000109 Transfer-degraded medication entry: verified in shared/terms.ts.
          coding: [
            {
              system: 'http://snomed.info/sct',
              code: '196421000000109',
              display: 'Transfer-degraded medication entry',
            },
          ],
          text: 'Bendroflumethiazide 2.5mg tablets',
        }),
      ],
      context,
    );
    const byId = new Map(section.entries.map((m) => [m.id, m]));
    expect(byId.get('uncoded')).to.include({
      name: 'Amoxicillin 250mg/5ml oral suspension',
      uncoded: true,
    });
    expect(byId.get('degraded')).to.include({
      name: 'Bendroflumethiazide 2.5mg tablets',
      degraded: true,
    });
    expect(byId.get('degraded')).not.to.have.property('uncoded');
    expect(section.diagnostics.unparseable).to.deep.equal({});
  });
});
