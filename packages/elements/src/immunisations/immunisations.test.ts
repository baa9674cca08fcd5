import { sandboxSession, viewPatient } from '@dcr-elements/test-support';
import { expect, html } from '@open-wc/testing';
import type { CareRecordSession } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import {
  describeSectionElement,
  shadow,
  shown,
  text,
  type SectionElementSpec,
} from '../../../../test/support/section-element.js';
import { examples } from './immunisations.examples.js';
import type { DcrImmunisations } from './immunisations.js';
import '../define/dcr-immunisations.js';

const spec: SectionElementSpec = {
  section: 'immunisations',
  label: 'Immunisations',
  render: (session?: CareRecordSession) =>
    html`<dcr-immunisations .session=${session}></dcr-immunisations>`,
  path: '/Immunization',
  emptyText: 'No immunisations recorded.',
  examples,
};

const rowsOf = (el: DcrImmunisations) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map(text),
  );

const REVAXIS =
  'Revaxis vaccine suspension for injection 0.5ml pre-filled syringes (Sanofi Pasteur)';
const INFLUENZA =
  'Influenza vaccine (split virion, inactivated) suspension for injection 0.5ml pre-filled syringes (Pfizer Ltd)';
const ARM_IM = 'Left upper arm structure Intramuscular route';

async function immunisationsOf(patient: (typeof SANDBOX_PATIENTS)[keyof typeof SANDBOX_PATIENTS]) {
  const { session, network } = sandboxSession();
  await viewPatient(session, patient, { decision: 'granted' });
  const el = await shown<DcrImmunisations>(spec, session);
  return { el, network };
}

describe('dcr-immunisations', () => {
  describeSectionElement(spec);

  it('ready: reads the sandbox over HTTP; the last tetanus-containing vaccine first, then every immunisation newest first', async () => {
    const { el, network } = await immunisationsOf(SANDBOX_PATIENTS.typical);
    expect(network.requests.some((r) => r.url.includes('/fhir/r4/Immunization?'))).to.equal(true);
    expect(text(shadow(el).querySelector('[part="tetanus"]'))).to.equal(
      `Last tetanus-containing vaccine 22-Apr-2016 ${REVAXIS}. Found by vaccine name: check the list below.`,
    );
    expect([...shadow(el).querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Vaccine',
      'Date',
      'Status',
      'Site and route',
    ]);
    expect(rowsOf(el)).to.deep.equal([
      [INFLUENZA, '14-Oct-2025', 'Given', ARM_IM],
      [INFLUENZA, '08-Oct-2024', 'Given', ARM_IM],
      [INFLUENZA, '05-Oct-2023', 'Given', ARM_IM],
      [INFLUENZA, '11-Oct-2022', 'Not given Reason: Generally unwell', 'Not recorded'],
      [REVAXIS, '22-Apr-2016', 'Given Dose 5 of the course', ARM_IM],
    ]);
  });

  it('says when no tetanus-containing vaccine was found, never that none was given', async () => {
    const { el } = await immunisationsOf(SANDBOX_PATIENTS.transferred);
    expect(text(shadow(el).querySelector('[part="tetanus"]'))).to.equal(
      'No tetanus-containing vaccine found Found by vaccine name: check the list below.',
    );
    // Two MMR doses with their dose numbers; no site or route recorded, so no such column.
    expect([...shadow(el).querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Vaccine',
      'Date',
      'Status',
    ]);
    expect(rowsOf(el).map((r) => r.slice(1))).to.deep.equal([
      ['06-Sep-1971', 'Given Dose 2 of the course'],
      ['20-May-1968', 'Given Dose 1 of the course'],
    ]);
  });
});
