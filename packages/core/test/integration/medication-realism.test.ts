// The typical sandbox patient's supplier-shaped medicines (packages/sandbox/src/synthetic/
// medication-realism.ts) read through both national APIs: EMIS-shaped issues dated by their
// prescription, brand-name high-risk medicines, a stale repeat, a recent acute.
import { SANDBOX_FHIR_R4 } from '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { medicationViews } from '../../src/normalise/shared/medication-views.js';
import { fhirR4Source } from '../../src/sources/fhir-r4.js';
import { gpConnectSource } from '../../src/sources/gp-connect.js';
import type { RecordSource } from '../../src/sources/source.js';

const TODAY = '2026-11-20';

async function medications(source: RecordSource) {
  const p = source.fetchSections(['medications'], {
    nhsNumber: SANDBOX_PATIENTS.typical.nhsNumber,
  });
  return p.medications!;
}

describe('sandbox medicines shaped as suppliers send them', () => {
  for (const [name, source] of [
    ['UK Core R4', () => fhirR4Source({ baseUrl: SANDBOX_FHIR_R4, normalise: { today: TODAY } })],
    [
      'GP Connect',
      () => gpConnectSource({ baseUrl: '/fhir/gpconnect', normalise: { today: TODAY } }),
    ],
  ] as const) {
    it(`${name}: issue dates, brand-name high-risk medicines, a stale repeat, a recent acute`, async function () {
      this.timeout(20_000);
      const section = await medications(source());
      const byId = (id: string) => section.entries.find((m) => m.id === id)!;

      const lantus = byId('typical-lantus');
      expect(lantus).to.deep.include({ highRisk: true, highRiskClass: 'insulin', current: true });
      // Each order says authoredOn 2024-03-05; the issues are dated by their prescriptions.
      expect(lantus.issues).to.have.length(10);
      expect(lantus.issues.every((i) => i.date !== '2024-03-05')).to.equal(true);
      expect(lantus.lastIssued?.date).to.equal('2026-11-08');
      expect(lantus.repeat).to.deep.equal({
        issuesAllowed: 13,
        issuesUsed: 10,
        reviewDate: '2027-03-05',
        expectedSupplyDays: 28,
      });
      expect(lantus).not.to.have.property('notIssuedSince');

      const priadel = byId('typical-priadel');
      expect(priadel).to.deep.include({
        highRiskClass: 'lithium',
        current: true,
        notIssuedSince: '2010-01-14',
      });

      const coCodamol = byId('typical-co-codamol');
      expect(coCodamol).to.deep.include({ highRiskClass: 'opioid', kind: 'acute', current: false });
      const views = medicationViews(section, TODAY);
      expect(views.recentAcute.map((m) => m.id)).to.include('typical-co-codamol');
      expect(views.current.map((m) => m.id)).to.include.members([
        'typical-co-codamol',
        'typical-lantus',
        'typical-priadel',
      ]);
    });
  }
});
