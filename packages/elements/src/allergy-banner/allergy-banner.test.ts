import {
  describeAccessibility,
  expectDeveloperWarnings,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CareRecordSession, SessionState } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import { exampleSession, type ExampleState } from '../shared/example-sessions.js';
import { DcrAllergyBanner } from './allergy-banner.js';
import { examples } from './allergy-banner.examples.js';
import '../define/dcr-allergy-banner.js';
import '../define/dcr-session.js';

const WAIT = { timeout: 5000 };
const { typical, noKnownAllergies, nothingRecorded, transferred } = SANDBOX_PATIENTS;

/** States a session passes through on its way somewhere else. */
const PASSING: ReadonlySet<SessionState> = new Set(['granted', 'override', 'loading']);

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function headline(el: DcrAllergyBanner): string {
  return text(el.shadowRoot!.querySelector('[part="headline"] .text'));
}

/** What a sighted user reads, skipping what CSS hides. */
function visibleText(el: DcrAllergyBanner): string {
  return (el.shadowRoot!.querySelector('[part="banner"]') as HTMLElement).innerText
    .replace(/\s+/g, ' ')
    .trim();
}

/** Waits until the session has stopped moving (or sits in `loading` when that is the point). */
async function settled(el: DcrAllergyBanner, stillLoading = false): Promise<void> {
  await waitUntil(
    () => {
      const state = el.session?.state;
      if (!state) return true;
      if (stillLoading) return state === 'loading' && el.session?.basis !== undefined;
      return !PASSING.has(state);
    },
    `session did not settle (${el.session?.state})`,
    WAIT,
  );
  await el.updateComplete;
}

async function banner(
  session: CareRecordSession | undefined,
  layout = 'compact',
): Promise<DcrAllergyBanner> {
  return fixture<DcrAllergyBanner>(
    html`<dcr-allergy-banner layout=${layout} .session=${session}></dcr-allergy-banner>`,
  );
}

async function viewing(
  patient: (typeof SANDBOX_PATIENTS)[keyof typeof SANDBOX_PATIENTS],
  layout = 'compact',
) {
  const { session, audit, network } = sandboxSession();
  const el = await banner(session, layout);
  await viewPatient(session, patient, { decision: 'granted' });
  await sessionReaches(session, 'ready');
  await el.updateComplete;
  return { el, session, audit, network };
}

describe('dcr-allergy-banner', () => {
  describeAccessibility<DcrAllergyBanner>(examples, (el, example) =>
    settled(el, example.name === 'Loading'),
  );

  it('shows known allergies with substance, reaction, severity and criticality', async () => {
    const { el } = await viewing(typical);
    expect(headline(el)).to.equal('Known allergies');
    const list = el.shadowRoot!.querySelector('ul[aria-label="Current allergies"]')!;
    expect([...list.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
      'Penicillin: Urticaria (moderate), high criticality, recorded 17-Apr-1998',
    ]);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal(
      'headline',
    );
    expect(el.matches(':state(known)')).to.equal(true);
  });

  it('shows each allergy in full in the expanded layout, with the disclosure', async () => {
    const { el } = await viewing(typical, 'expanded');
    const allergy = el.shadowRoot!.querySelector('[part="allergy"]')!;
    expect(text(allergy.querySelector('.substance'))).to.equal('Penicillin');
    const facts = [...allergy.querySelectorAll('dl > div')].map(
      (d) => `${text(d.querySelector('dt'))} ${text(d.querySelector('dd'))}`,
    );
    expect(facts).to.deep.equal([
      'Reaction Urticaria (moderate)',
      'Criticality High',
      'Type Medication',
      'Recorded 17-Apr-1998',
    ]);
    expect(visibleText(el)).to.match(
      /This record may be incomplete: free text, private and sensitive entries are not shared\. As of \d\d-\w{3}-\d{4} \d\d:\d\d/,
    );
  });

  it('says "No known allergies" only for the coded statement, with its date', async () => {
    const compact = await viewing(noKnownAllergies);
    expect(headline(compact.el)).to.equal('No known allergies');
    expect(visibleText(compact.el)).to.equal(
      '✓ No known allergies Coded in the GP record, 11-Feb-2019.',
    );
    const { el } = await viewing(noKnownAllergies, 'expanded');
    expect(headline(el)).to.equal('No known allergies');
    expect(visibleText(el)).to.contain(
      'The GP record states the patient has no known allergies, recorded 11-Feb-2019.',
    );
    expect(el.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
    expect(el.matches(':state(none-known)')).to.equal(true);
  });

  it('says "Allergies not recorded" when nothing is recorded either way', async () => {
    const compact = await viewing(nothingRecorded);
    expect(visibleText(compact.el)).to.equal(
      '? Allergies not recorded Nothing recorded either way. Ask the patient.',
    );
    const { el } = await viewing(nothingRecorded, 'expanded');
    expect(headline(el)).to.equal('Allergies not recorded');
    expect(visibleText(el)).to.contain(
      'Nothing about allergies is recorded in the GP record, either way. Ask the patient.',
    );
    expect(visibleText(el).toLowerCase()).not.to.contain('no known');
    expect(el.matches(':state(not-recorded)')).to.equal(true);
  });

  it('gives the "no known allergies" and "not recorded" patients different messages, in both layouts', async () => {
    for (const layout of ['compact', 'expanded']) {
      const none = await viewing(noKnownAllergies, layout);
      const notRecorded = await viewing(nothingRecorded, layout);
      expect(headline(none.el)).not.to.equal(headline(notRecorded.el));
      expect(text(none.el.shadowRoot!.querySelector('.details'))).not.to.equal(
        text(notRecorded.el.shadowRoot!.querySelector('.details')),
      );
      expect(none.el.shadowRoot!.querySelector('.banner')!.className).not.to.equal(
        notRecorded.el.shadowRoot!.querySelector('.banner')!.className,
      );
      expect(none.el.shadowRoot!.querySelector('.icon')!.textContent).not.to.equal(
        notRecorded.el.shadowRoot!.querySelector('.icon')!.textContent,
      );
      fixtureCleanup();
    }
  });

  it('says "Allergies unavailable" with a keyboard-reachable retry when the fetch fails', async () => {
    let failAllergies = true;
    const { session } = sandboxSession({
      fetch: (input, init) =>
        failAllergies && input.includes('/AllergyIntolerance')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : fetch(input, init),
    });
    const el = await banner(session);
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(() => headline(el) === 'Allergies unavailable', 'unavailable not shown', WAIT);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.equal(
      'Allergies could not be loaded The GP record did not answer. This does not mean there is nothing recorded. Try again',
    );
    failAllergies = false;
    await sendKeys({ press: 'Tab' });
    expect(text(el.shadowRoot!.activeElement)).to.equal('Try again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => headline(el) === 'Known allergies', 'retry did not load allergies', WAIT);
  });

  const refusals: [ExampleState, string][] = [
    ['no-context', 'No patient record to show'],
    ['not-permitted', 'You cannot view GP records'],
    ['no-agreement', 'No sharing agreement'],
    ['awaiting-consent', 'Waiting for consent to view'],
    ['consent-declined', 'Consent to view declined'],
    ['source-dissent', 'GP record not shared'],
    ['not-found', 'No GP record found'],
    ['unavailable', 'GP record unavailable'],
    ['identity-mismatch', 'Record does not match this patient'],
    ['ended', 'Viewing ended'],
  ];
  for (const [state, why] of refusals) {
    it(`says "Allergies unavailable" and why when the session is ${state}`, async () => {
      const el = await banner(exampleSession(state));
      await settled(el);
      expect(el.session!.state).to.equal(state);
      expect(headline(el)).to.equal('Allergies unavailable');
      expect(text(el.shadowRoot!.querySelector('.reason .title'))).to.equal(why);
      expect(el.matches(':state(unavailable)')).to.equal(true);
    });
  }

  it('says "Allergies unavailable" when it has no session, calmly, and warns the developer', async () => {
    const warnings = expectDeveloperWarnings();
    const el = await banner(undefined);
    expect(headline(el)).to.equal('Allergies unavailable');
    expect(visibleText(el)).to.contain(
      'GP record not available here This part of the page is not connected to the GP record.',
    );
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^dcr-elements: <dcr-allergy-banner> has no care record session/);
  });

  it('offers "Try again" when the GP record could not be reached at all', async () => {
    const el = await banner(exampleSession('unavailable'));
    await settled(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('The GP record could not be reached. Try again.');
    expect(text(alert.querySelector('button'))).to.equal('Try again');
  });

  it('shows transferred allergies by the term as recorded, marked degraded or uncoded', async () => {
    for (const layout of ['compact', 'expanded']) {
      const { el } = await viewing(transferred, layout);
      const allergies = [
        ...el.shadowRoot!.querySelectorAll('ul[aria-label="Current allergies"] [part="allergy"]'),
      ];
      const bySubstance = Object.fromEntries(
        allergies.map((a) => [
          text(a.querySelector('.substance')).replace(/ (Degraded|Uncoded).*$/, ''),
          text(a.querySelector('[part="term-mark"]')),
        ]),
      );
      expect(bySubstance, layout).to.deep.equal({
        'Co-amoxiclav': 'Degraded in transfer: shown as recorded',
        Elastoplast: 'Uncoded: shown as recorded',
      });
      // Never by the degrade code's own words.
      expect(visibleText(el)).not.to.contain('Transfer-degraded');
      fixtureCleanup();
    }
  });

  it('says whether a date is the onset or when the allergy was recorded', async () => {
    const { session } = sandboxSession({
      fetch: withAllergy((first) => ({
        ...first,
        id: 'test-onset',
        onsetDateTime: '1990-06',
        code: {
          coding: [{ system: 'http://snomed.info/sct', code: '111088007', display: 'Latex' }],
        },
      })),
    });
    const el = await banner(session, 'expanded');
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part="allergy"]').length === 2,
      'not shown',
      WAIT,
    );
    const latex = [...el.shadowRoot!.querySelectorAll('[part="allergy"]')].find(
      (a) => text(a.querySelector('.substance')) === 'Latex',
    )!;
    const facts = [...latex.querySelectorAll('dl > div')].map(
      (d) => `${text(d.querySelector('dt'))} ${text(d.querySelector('dd'))}`,
    );
    expect(facts.filter((f) => /^(Onset|Recorded|Date) /.test(f))).to.deep.equal([
      'Onset Jun-1990',
      'Recorded 17-Apr-1998',
    ]);
    el.layout = 'compact';
    await el.updateComplete;
    expect(visibleText(el)).to.contain(
      'Latex: Urticaria (moderate), high criticality, onset Jun-1990',
    );
  });

  it('says "Loading allergies" while the record is on its way, never a blank', async () => {
    const el = await banner(exampleSession('loading'));
    await settled(el, true);
    expect(headline(el)).to.equal('Loading allergies');
    expect(el.matches(':state(loading)')).to.equal(true);
  });

  it('keeps resolved allergies behind a toggle, operable by keyboard', async () => {
    const { session } = sandboxSession({ fetch: withResolvedLatexAllergy });
    const el = await banner(session, 'expanded');
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="toggle"]'), 'no toggle', WAIT);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(text(toggle)).to.equal('Show resolved allergies (1)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(visibleText(el)).not.to.contain('Latex');

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide resolved allergies (1)');
    const resolved = el.shadowRoot!.querySelector('ul[aria-label="Resolved allergies"]')!;
    expect(text(resolved.querySelector('.substance'))).to.equal('Latex');
    expect(text(resolved.querySelector('dl > div'))).to.equal('StatusResolved');

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('ul[aria-label="Resolved allergies"]')).to.equal(null);
  });

  it('shows in the compact layout what was withheld, but not the rest of the disclosure', async () => {
    const { session } = sandboxSession({ fetch: withAllergy(confidentialCopy) });
    const el = await banner(session);
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(() => headline(el) === 'Known allergies', 'allergies not shown', WAIT);
    expect(visibleText(el)).to.contain(
      '1 entry is not shown: private to another organisation or in a sensitive category.',
    );
    expect(visibleText(el)).not.to.contain('This record may be incomplete');
    expect(el.shadowRoot!.querySelectorAll('[part="allergy"]')).to.have.length(1);
  });

  it('never reads as "no known allergies" when every recorded allergy is withheld', async () => {
    const { session } = sandboxSession({
      fetch: withAllergy((first) => [confidentialCopy(first)], { replace: true }),
    });
    const el = await banner(session, 'expanded');
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(() => headline(el) === 'Known allergies', 'allergies not shown', WAIT);
    expect(visibleText(el)).to.contain(
      'Allergies are recorded but none can be shown to you. Ask the patient, or contact the GP practice.',
    );
    expect(visibleText(el)).to.contain('1 entry is not shown');
    expect(visibleText(el).toLowerCase()).not.to.contain('no known');
  });

  it('says how many allergy entries could not be shown, never "not recorded", when none matched the patient', async () => {
    const { session, audit } = sandboxSession({
      fetch: withAllergy(
        (first) => [
          { ...first, id: 'test-unmatched-1', patient: { reference: 'urn:uuid:0bad' } },
          { ...first, id: 'test-unmatched-2', patient: { reference: 'Patient/someone-else' } },
        ],
        { replace: true },
      ),
    });
    for (const layout of ['compact', 'expanded']) {
      const el = await banner(session, layout);
      if (layout === 'compact') await viewPatient(session, typical, { decision: 'granted' });
      await waitUntil(
        () => headline(el) === 'Allergies unavailable',
        'unavailable not shown',
        WAIT,
      );
      expect(visibleText(el)).to.contain(
        '2 allergy entries could not be shown: they could not be matched to this patient. Ask the patient, or contact the GP practice.',
      );
      expect(visibleText(el).toLowerCase()).not.to.contain('not recorded');
      expect(visibleText(el).toLowerCase()).not.to.contain('no known');
      expect(el.matches(':state(unavailable)')).to.equal(true);
    }
    // Nothing was shown, so nothing is audited as shown.
    expect(audit.some((a) => a.action === 'section-shown')).to.equal(false);
  });

  it('records "allergies shown" once the ready view is on screen, and not before', async () => {
    const { session, audit } = sandboxSession();
    const el = await banner(session);
    const shownWhen: string[] = [];
    session.addEventListener('dcr-audit', (event) => {
      if ((event as CustomEvent<{ action: string }>).detail.action === 'section-shown')
        shownWhen.push(headline(el));
    });
    await viewPatient(session, typical);
    await el.updateComplete;
    expect(audit.filter((r) => r.action === 'section-shown')).to.have.length(0);
    await session.recordConsent({ decision: 'granted' });
    await sessionReaches(session, 'ready');
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    const shown = audit.filter((r) => r.action === 'section-shown');
    expect(shown.map((r) => r.sections)).to.deep.equal([['allergies']]);
    expect(shownWhen).to.deep.equal(['Known allergies']);
  });

  it('gets its session from <dcr-session>', async () => {
    const { session } = sandboxSession();
    const wrapper = await fixture(
      html`<dcr-session .session=${session}><dcr-allergy-banner></dcr-allergy-banner></dcr-session>`,
    );
    const el = wrapper.querySelector('dcr-allergy-banner')!;
    await viewPatient(session, noKnownAllergies, { decision: 'granted' });
    await waitUntil(
      () => headline(el) === 'No known allergies',
      'not shown inside <dcr-session>',
      WAIT,
    );
  });

  it('takes a session set before the element is upgraded', async () => {
    const { session } = sandboxSession();
    const el = document.createElement('dcr-allergy-banner-late') as DcrAllergyBanner;
    el.session = session;
    await fixture(html`<div>${el}</div>`);
    customElements.define('dcr-allergy-banner-late', class extends DcrAllergyBanner {});
    await viewPatient(session, typical, { decision: 'granted' });
    await waitUntil(
      () => el.shadowRoot && headline(el) === 'Known allergies',
      'late upgrade did not show allergies',
      WAIT,
    );
  });

  it('never shows the previous patient’s allergies after a switch', async () => {
    const { el, session } = await viewing(typical);
    expect(visibleText(el)).to.contain('Penicillin');
    session.setPatient({
      nhsNumber: nothingRecorded.nhsNumber,
      name: { family: nothingRecorded.family, given: [nothingRecorded.given] },
      birthDate: nothingRecorded.birthDate,
    });
    await el.updateComplete;
    expect(visibleText(el)).not.to.contain('Penicillin');
    await sessionReaches(session, 'awaiting-consent');
    await session.recordConsent({ decision: 'granted' });
    await waitUntil(
      () => headline(el) === 'Allergies not recorded',
      'second patient not shown',
      WAIT,
    );
    expect(visibleText(el)).not.to.contain('Penicillin');
  });
});

type AllergyEdit = (
  first: fhir4.AllergyIntolerance,
) => fhir4.AllergyIntolerance | fhir4.AllergyIntolerance[];

/**
 * The sandbox's real answer over HTTP, with allergies added (or, with `replace`, instead of its
 * own): for states no synthetic patient has, such as a resolved or a withheld allergy.
 */
function withAllergy(edit: AllergyEdit, { replace = false } = {}) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    if (!input.includes('/AllergyIntolerance')) return response;
    const bundle = (await response.json()) as fhir4.Bundle;
    const entries = bundle.entry ?? [];
    const first = entries.find((e) => e.resource?.resourceType === 'AllergyIntolerance')!
      .resource as fhir4.AllergyIntolerance;
    const added = [edit(first)].flat().map((resource) => ({
      fullUrl: `AllergyIntolerance/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    }));
    bundle.entry = replace
      ? [...entries.filter((e) => e.resource?.resourceType !== 'AllergyIntolerance'), ...added]
      : [...entries, ...added];
    bundle.total = bundle.entry.length;
    return new Response(JSON.stringify(bundle), {
      status: 200,
      headers: { 'content-type': 'application/fhir+json' },
    });
  };
}

const withResolvedLatexAllergy = withAllergy((first) => ({
  ...first,
  id: 'test-resolved-latex',
  clinicalStatus: {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
        code: 'resolved',
      },
    ],
  },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '111088007', display: 'Latex' }] },
}));

/** A copy labelled restricted (confidential) with no recorder: the access policy withholds it. */
function confidentialCopy(first: fhir4.AllergyIntolerance): fhir4.AllergyIntolerance {
  const { recorder: _recorder, ...rest } = first;
  return {
    ...rest,
    id: 'test-confidential',
    meta: {
      ...first.meta,
      security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
    },
  };
}
