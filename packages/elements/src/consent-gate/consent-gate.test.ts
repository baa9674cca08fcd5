import {
  describeAccessibility,
  expectDeveloperWarnings,
  fixedClock,
  sandboxSession,
  sessionReaches,
  viewPatient,
} from '@dcr-elements/test-support';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CareRecordSession, SessionState } from '@dcr-elements/core';
import { SANDBOX_PATIENTS } from '../../../sandbox/src/synthetic/roster.js';
import type { DcrAuditEvent, DcrConsentRecordedEvent } from '../events.js';
import { exampleSession, type ExampleState } from '../shared/example-sessions.js';
import type { DcrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import { examples } from './consent-gate.examples.js';
import type { DcrConsentGate } from './consent-gate.js';
import '../define/dcr-consent-gate.js';
import '../define/dcr-allergy-banner.js';
import '../define/dcr-session.js';

/**
 * Slotted content. Light-DOM children belong to the host page, so the browser connects them
 * whatever the gate does (connectedCallback runs); "never rendered" means never assigned to a slot,
 * never laid out, never in the accessibility tree. It notes each time it is connected or slotted.
 */
class SlotProbe extends HTMLElement {
  connections = 0;
  slotted = false;
  connectedCallback(): void {
    this.connections++;
    this.slotted ||= this.assignedSlot !== null;
  }
}
customElements.define('test-slot-probe', SlotProbe);

const WAIT = { timeout: 5000 };
const { typical, optedOut, consentNotSet } = SANDBOX_PATIENTS;
const PASSING: ReadonlySet<SessionState> = new Set(['granted', 'override', 'loading']);

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader gets: decorative (aria-hidden) symbols left out. */
function spoken(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return text(copy);
}

function shadow(el: DcrConsentGate): ShadowRoot {
  return el.shadowRoot!;
}

function focused(el: DcrConsentGate): Element | null {
  return shadow(el).activeElement;
}

function buttons(el: DcrConsentGate): string[] {
  return [...shadow(el).querySelectorAll('button')].map((b) => text(b));
}

/** Label and value of each identity field, as a screen reader reads them. */
function identity(el: DcrConsentGate): string[] {
  const panel = shadow(el).querySelector('[part="identity"]');
  if (!panel) return [];
  return [
    text(panel.querySelector('.patient-name')),
    ...[...panel.querySelectorAll('dl > div')].map(
      (d) => `${text(d.querySelector('dt'))} ${text(d.querySelector('dd'))}`,
    ),
  ];
}

async function settled(el: DcrConsentGate, stillLoading = false): Promise<void> {
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

async function gate(session: CareRecordSession | undefined): Promise<DcrConsentGate> {
  return fixture<DcrConsentGate>(html`<dcr-consent-gate .session=${session} .clock=${fixedClock}>
    <dcr-allergy-banner></dcr-allergy-banner>
  </dcr-consent-gate>`);
}

async function asking(): Promise<{ el: DcrConsentGate } & ReturnType<typeof sandboxSession>> {
  const sandbox = sandboxSession();
  const el = await gate(sandbox.session);
  await viewPatient(sandbox.session, typical);
  await el.updateComplete;
  return { el, ...sandbox };
}

describe('dcr-consent-gate', () => {
  describeAccessibility<DcrConsentGate>(examples, (el, example) =>
    settled(el, example.name === 'Record loading'),
  );

  it('asks the question about the patient as the host identified them, before touching the record', async () => {
    const { el, network } = await asking();
    expect(text(shadow(el).querySelector('h2'))).to.equal('Consent to view GP record');
    expect(identity(el)).to.deep.equal([
      'HARGREAVES, Ada',
      'Born 14-Jul-1945 (81y)',
      'NHS No. 999 234 5675',
    ]);
    expect(text(shadow(el).querySelector('[part="question"]'))).to.contain(
      'Ask the patient whether they agree to you viewing their GP record now, then record their answer.',
    );
    const group = shadow(el).querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal("Patient's answer");
    expect(buttons(el)).to.deep.equal([
      'Patient consents',
      'Patient declines',
      'Override: view without consent',
    ]);
    expect(shadow(el).querySelector('slot')).to.equal(null);
    expect(network.requests).to.deep.equal([]);
  });

  it('does not take the focus when the question appears: it moves only after the clinician acts', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Host page control';
    document.body.append(outside);
    outside.focus();
    try {
      const { el, session } = await asking();
      expect(document.activeElement).to.equal(outside);
      expect(focused(el)).to.equal(null);
      // The record arriving, failing or ending on its own moves nothing either.
      await session.recordConsent({ decision: 'granted' });
      await sessionReaches(session, 'ready');
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
      // An action inside the gate does move it, to what that action opened.
      shadow(el).querySelector<HTMLButtonElement>('[part="end-button"]')!.focus();
      shadow(el).querySelector<HTMLButtonElement>('[part="end-button"]')!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal(shadow(el).querySelector('.outcome'));
    } finally {
      outside.remove();
    }
  });

  it('says it is checking access before the question can be asked', async () => {
    const { session } = sandboxSession();
    const el = await gate(session);
    session.setPatient({ nhsNumber: typical.nhsNumber });
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[role="status"]'))).to.contain(
      'Checking whether you can view this GP record',
    );
    expect(identity(el)).to.deep.equal(['Not known', 'Born Not known', 'NHS No. 999 234 5675']);
    await sessionReaches(session, 'awaiting-consent');
  });

  it('records consent by keyboard, then shows the record and moves focus to the status', async () => {
    const { el, session, audit } = await asking();
    const recorded = oneEvent(el, 'dcr-consent-recorded') as Promise<DcrConsentRecordedEvent>;
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Patient consents');
    await sendKeys({ press: 'Enter' });
    const event = await recorded;
    expect(Object.keys(event.detail).sort()).to.deep.equal(['decision', 'time']);
    expect(event.detail.decision).to.equal('granted');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    const status = shadow(el).querySelector('[part="status"]')!;
    expect(text(status)).to.equal('Viewing with the patient’s consent End viewing');
    expect(focused(el)).to.equal(status.querySelector('[data-focus]'));
    expect(shadow(el).querySelector('slot')).not.to.equal(null);
    // The slotted banner got the session from the gate itself (no <dcr-session> here).
    const banner = el.querySelector<DcrAllergyBanner>('dcr-allergy-banner')!;
    await waitUntil(
      () => text(banner.shadowRoot!.querySelector('[part="headline"] .text')) === 'Known allergies',
      'record not shown',
      WAIT,
    );
    await sessionReaches(session, 'ready');
    await el.updateComplete;
    expect(focused(el)).to.equal(
      status.querySelector('[data-focus]'),
      'focus stays put as the record loads',
    );
    expect(audit.find((r) => r.action === 'consent-recorded')).to.include({
      outcome: 'success',
      basis: 'consent',
    });
  });

  it('declined: the slotted content is never rendered and nothing clinical is requested', async () => {
    const { session, network, audit } = sandboxSession();
    const el =
      await fixture<DcrConsentGate>(html`<dcr-consent-gate .session=${session} .clock=${fixedClock}>
      <test-slot-probe></test-slot-probe>
      <dcr-allergy-banner></dcr-allergy-banner>
    </dcr-consent-gate>`);
    const slotsAdded: Node[] = [];
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations)
        for (const node of m.addedNodes) {
          if (node instanceof Element && (node.matches('slot') || node.querySelector('slot')))
            slotsAdded.push(node);
        }
    });
    observer.observe(shadow(el), { childList: true, subtree: true });
    const recorded = oneEvent(el, 'dcr-consent-recorded') as Promise<DcrConsentRecordedEvent>;

    await viewPatient(session, typical);
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Patient declines');
    await sendKeys({ press: 'Space' });
    expect((await recorded).detail.decision).to.equal('declined');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();

    // The patient's answer is the normal course of things: calm, not an alert, said once.
    const message = shadow(el).querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).to.equal('status');
    expect(message.classList.contains('tone-calm')).to.equal(true);
    expect(text(message)).to.equal(
      'Consent to view declined The patient declined to have their GP record viewed. Ask the patient directly, or use other sources.',
    );
    expect(focused(el)).to.equal(shadow(el).querySelector('.outcome'));
    expect(buttons(el)).to.deep.equal(['Record a different answer', 'End viewing']);
    // Never rendered: no slot ever existed in the shadow root, so nothing was assigned or laid out.
    expect(slotsAdded).to.deep.equal([]);
    expect(shadow(el).querySelector('slot')).to.equal(null);
    const probe = el.querySelector<SlotProbe>('test-slot-probe')!;
    expect(probe.connections).to.equal(1, 'the host page connected it');
    expect(probe.slotted).to.equal(false);
    expect(probe.assignedSlot).to.equal(null);
    expect(probe.checkVisibility()).to.equal(false);
    expect(el.querySelector('dcr-allergy-banner')!.getClientRects()).to.have.length(0);
    // Zero requests of any kind, so zero clinical ones.
    expect(network.requests).to.deep.equal([]);
    expect(audit.at(-1)).to.include({
      action: 'consent-recorded',
      outcome: 'refused',
      detail: 'declined',
    });
  });

  it('override: reason by radio buttons, optional note, confirmation, then a persistent banner and an audit record', async () => {
    const { session, audit } = sandboxSession();
    const wrapper = await fixture(html`<dcr-session .session=${session}>
      <dcr-consent-gate .clock=${fixedClock}><dcr-allergy-banner></dcr-allergy-banner></dcr-consent-gate>
    </dcr-session>`);
    const el = wrapper.querySelector('dcr-consent-gate')!;
    const domAudit: DcrAuditEvent[] = [];
    wrapper.addEventListener('dcr-audit', (event) => domAudit.push(event as DcrAuditEvent));
    await viewPatient(session, typical);
    await el.updateComplete;

    // Question → override form: focus moves to the form's heading.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Override: view without consent');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const form = shadow(el).querySelector('[part="override-form"]')!;
    expect(focused(el)).to.equal(form.querySelector('h2'));
    expect(text(form.querySelector('legend'))).to.equal('Reason for the override (required)');
    const radios = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => text(r.closest('label')))).to.deep.equal([
      'Medical emergency',
      'Safeguarding concern',
      'Patient unable to respond',
    ]);

    // Continue looks and is enabled (never disabled or faded); without a reason it says so inline
    // and moves focus to the first reason.
    const continueButton = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(continueButton.disabled).to.equal(false);
    expect(continueButton.hasAttribute('aria-disabled')).to.equal(false);
    const look = getComputedStyle(continueButton);
    expect(look.borderTopStyle).to.equal('solid');
    expect(look.opacity).to.equal('1');
    expect(look.cursor).to.equal('pointer');
    expect(look.backgroundColor).not.to.equal(getComputedStyle(form).backgroundColor);
    continueButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => focused(el) === radios[0], 'focus not moved to the reasons', WAIT);
    expect(text(shadow(el).querySelector('#reason-error'))).to.equal(
      'Choose a reason for the override.',
    );
    expect(shadow(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(
      'reason-error',
    );
    expect(session.state).to.equal('awaiting-consent');

    // Arrow keys choose among the radios; Tab reaches the note, then Continue.
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true, false]);
    await el.updateComplete;
    expect(shadow(el).querySelector('#reason-error')).to.equal(null);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(form.querySelector('textarea'));
    await sendKeys({ type: 'Concern raised by ambulance crew' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Continue');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    // The explicit confirmation step.
    const confirmation = shadow(el).querySelector('[part="confirmation"]')!;
    expect(focused(el)).to.equal(confirmation.querySelector('h2'));
    expect(text(confirmation.querySelector('dl.summary'))).to.equal(
      'ReasonSafeguarding concern NoteConcern raised by ambulance crew',
    );
    expect(session.state).to.equal('awaiting-consent', 'nothing is recorded before confirming');
    const recorded = oneEvent(el, 'dcr-consent-recorded') as Promise<DcrConsentRecordedEvent>;
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Confirm override and view record');
    await sendKeys({ press: 'Enter' });

    expect((await recorded).detail).to.include({ decision: 'override', reason: 'safeguarding' });
    await el.updateComplete;
    const banner = shadow(el).querySelector('[part~="override-banner"]')!;
    expect(spoken(banner)).to.equal(
      "Override active: viewing without the patient's consent Reason: Safeguarding concern. This view is recorded and will be reviewed by a privacy officer. End viewing",
    );
    expect(focused(el)).to.equal(banner.querySelector('[data-focus]'));

    // The session's audit record, and the same record as a DOM event from <dcr-session>.
    const override = audit.find((r) => r.action === 'override')!;
    expect(override).to.include({
      outcome: 'success',
      basis: 'override',
      overrideReason: 'safeguarding',
      overrideNote: 'Concern raised by ambulance crew',
      alert: true,
    });
    expect(domAudit.map((e) => e.detail)).to.deep.include(override);

    // It stays while the record loads and is shown.
    await sessionReaches(session, 'ready');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="override-banner"]')).to.equal(banner);
    expect(getComputedStyle(banner).position).to.equal('sticky');
    expect(shadow(el).querySelector('slot')).not.to.equal(null);
  });

  it('goes back from the confirmation and the form with the keyboard, keeping what was chosen', async () => {
    const { el, session } = await asking();
    shadow(el).querySelectorAll('button')[2]!.click();
    await el.updateComplete;
    const emergency = shadow(el).querySelector<HTMLInputElement>('input[value="emergency"]')!;
    emergency.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' }); // submits the form from the radio
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="confirmation"]')).not.to.equal(null);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Go back');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('[part="override-form"] h2'));
    expect(
      shadow(el).querySelector<HTMLInputElement>('input[value="emergency"]')!.checked,
    ).to.equal(true);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('[part="question"] h2'));
    expect(session.state).to.equal('awaiting-consent');

    // Cancel does the same as Escape.
    shadow(el).querySelectorAll('button')[2]!.click();
    await el.updateComplete;
    const cancel = [...shadow(el).querySelectorAll('button')].find((b) => text(b) === 'Cancel')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="question"]')).not.to.equal(null);
  });

  it('ends viewing by keyboard: the record goes, dcr-view-ended fires and the end is audited', async () => {
    const { el, session, audit } = await asking();
    await session.recordConsent({ decision: 'granted' });
    await sessionReaches(session, 'ready');
    await el.updateComplete;
    const endButton = shadow(el).querySelector<HTMLButtonElement>('[part="end-button"]')!;
    endButton.focus();
    const ended = oneEvent(el, 'dcr-view-ended');
    await sendKeys({ press: 'Enter' });
    await ended;
    await el.updateComplete;
    expect(session.state).to.equal('ended');
    expect(shadow(el).querySelector('slot')).to.equal(null);
    const message = shadow(el).querySelector('[part="message"]')!;
    expect(text(message)).to.equal(
      'Viewing ended Nothing from the GP record is kept on screen or in memory. To view it again, record the patient’s consent again.',
    );
    expect(message.getAttribute('role')).to.equal('status');
    expect(message.classList.contains('tone-calm')).to.equal(true);
    expect(focused(el)).to.equal(shadow(el).querySelector('.outcome'));
    expect(audit.at(-1)).to.include({ action: 'end', detail: 'ended-by-user' });
    // The host's patient is still selected: still named, and the record can be viewed again.
    expect(session.patient?.nhsNumber).to.equal(typical.nhsNumber);
    expect(identity(el)[0]).to.equal('HARGREAVES, Ada');
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('View record again');
    await sendKeys({ press: 'Enter' });
    await sessionReaches(session, 'awaiting-consent');
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('[part="question"] h2'));
    expect(identity(el)[0]).to.equal('HARGREAVES, Ada');
  });

  it('keeps the record shown when part of it failed, and says which part', async () => {
    const el = await gate(exampleSession('granted', { failPath: '/AllergyIntolerance' }));
    await settled(el);
    expect(el.session!.state).to.equal('partial');
    expect(text(shadow(el).querySelector('[part="status"]'))).to.equal(
      'Viewing with the patient’s consent Some parts of the record could not be loaded: allergies. End viewing',
    );
    expect(shadow(el).querySelector('slot')).not.to.equal(null);
  });

  it('lets the clinician record a different answer after a "no"', async () => {
    const { el, session } = await asking();
    await session.recordConsent({ decision: 'declined' });
    await el.updateComplete;
    const again = [...shadow(el).querySelectorAll('button')].find(
      (b) => text(b) === 'Record a different answer',
    )!;
    again.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('[part="question"] h2'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(session.state).to.be.oneOf(['granted', 'loading', 'ready']);
    expect(shadow(el).querySelector('slot')).not.to.equal(null);
  });

  const refusals: [ExampleState, 'calm' | 'attention' | 'error', string, string, string][] = [
    [
      'no-context',
      'calm',
      'No patient record to show',
      'No patient has been set.',
      'Select a patient in your system to view their GP record.',
    ],
    [
      'not-permitted',
      'attention',
      'You cannot view GP records',
      'Your role does not permit viewing GP records.',
      'Ask a colleague with a clinical role, or your registration authority.',
    ],
    [
      'no-agreement',
      'attention',
      'No sharing agreement',
      'Your organisation is not in the information sharing agreement for this record.',
      'Contact the GP practice directly for the information you need.',
    ],
    [
      'source-dissent',
      'attention',
      'GP record not shared',
      'This patient has chosen not to share their GP record, or sharing has not been set up at their practice. Nothing can be shown.',
      'Contact the GP practice if you need information about this patient.',
    ],
    [
      'not-found',
      'attention',
      'No GP record found',
      'No GP record was found for this NHS number.',
      'Check the NHS number, or contact the GP practice.',
    ],
    [
      'identity-mismatch',
      'error',
      'Record does not match this patient',
      'The record returned does not match the patient you selected. Nothing is shown.',
      'Check the patient’s identity in your system. This has been reported.',
    ],
    [
      'unavailable',
      'error',
      'GP record unavailable',
      'The GP record could not be reached. Try again.',
      'Try again',
    ],
    [
      'ended',
      'calm',
      'Viewing ended',
      'Nothing from the GP record is kept on screen or in memory.',
      'To view it again, record the patient’s consent again.',
    ],
  ];
  for (const [state, tone, title, reason, next] of refusals) {
    it(`explains ${state} in plain English, with what to do next, in its one style (${tone}), and shows no record`, async () => {
      const el = await gate(exampleSession(state));
      await settled(el);
      expect(el.session!.state).to.equal(state);
      const message = shadow(el).querySelector('[part="message"]')!;
      expect(message.getAttribute('role')).to.equal(tone === 'error' ? 'alert' : 'status');
      expect([...message.classList]).to.deep.equal(['message', `tone-${tone}`]);
      expect(text(message)).to.equal(`${title} ${reason} ${next}`);
      // Never the same sentence twice.
      const sentences = text(message).split(/(?<=\.) /);
      expect(new Set(sentences).size).to.equal(sentences.length);
      expect(shadow(el).querySelector('slot')).to.equal(null);
    });
  }

  it('explains dissent and "sharing not set" alike, never calling "not set" an opt-out, even after a grant', async () => {
    for (const patient of [optedOut, consentNotSet]) {
      const { session, audit } = sandboxSession();
      const el = await gate(session);
      await viewPatient(session, patient, { decision: 'granted' });
      await sessionReaches(session, 'source-dissent');
      await el.updateComplete;
      expect(text(shadow(el).querySelector('[part="message"] .title'))).to.equal(
        'GP record not shared',
      );
      expect(text(shadow(el).querySelector('[part="message"]'))).not.to.match(/opt(ed)?[- ]out/i);
      expect(shadow(el).querySelector('slot')).to.equal(null);
      expect(identity(el)[2]).to.equal(
        `NHS No. ${patient.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}`,
      );
      expect(audit.some((r) => r.action === 'refusal' && r.detail === 'source-dissent')).to.equal(
        true,
      );
    }
  });

  it('without a session: a neutral message for the clinician, a console warning for the developer', async () => {
    const warnings = expectDeveloperWarnings();
    const el = await gate(undefined);
    const message = shadow(el).querySelector('[part="message"]')!;
    expect(text(message)).to.equal(
      'GP record not available here This part of the page is not connected to the GP record. If this continues, tell your IT service desk.',
    );
    expect(message.getAttribute('role')).to.equal('status');
    expect(message.classList.contains('tone-calm')).to.equal(true);
    expect(warnings.filter((w) => w.startsWith('dcr-elements: <dcr-consent-gate>'))).to.deep.equal([
      'dcr-elements: <dcr-consent-gate> has no care record session. Put it inside <dcr-session> or <dcr-consent-gate>, or set its .session property.',
    ]);
  });

  it('offers "Try again" by keyboard when the record is unreachable, asking consent again', async () => {
    let offline = true;
    const { session } = sandboxSession({
      fetch: (input, init) =>
        offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
    });
    const el = await gate(session);
    await viewPatient(session, typical, { decision: 'granted' });
    await sessionReaches(session, 'unavailable');
    await el.updateComplete;
    offline = false;
    const retry = [...shadow(el).querySelectorAll('button')].find((b) => text(b) === 'Try again')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await sessionReaches(session, 'awaiting-consent');
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('[part="question"] h2'));
  });

  it('starts the answer afresh when the host switches patient mid-override', async () => {
    const { el, session } = await asking();
    shadow(el).querySelectorAll('button')[2]!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLInputElement>('input[value="emergency"]')!.click();
    await el.updateComplete;
    const other = SANDBOX_PATIENTS.noKnownAllergies;
    await viewPatient(session, other);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="question"]')).not.to.equal(null);
    expect(identity(el)[0]).to.equal('OKAFOR, Daniel');
    shadow(el).querySelectorAll('button')[2]!.click();
    await el.updateComplete;
    expect(
      [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].some(
        (r) => r.checked,
      ),
    ).to.equal(false);
  });
});
