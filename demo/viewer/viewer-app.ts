/**
 * The stand-alone Shared Record Viewer: sign in (a simulated smartcard), find a patient, then the
 * library's `<dcr-record>` does the rest (consent or override, the record in tabs, end viewing);
 * a privacy officer reads the audit trail instead. One care record session per patient, made
 * when the patient is found and closed when the clinician finishes with them or signs out.
 * Everything is held in memory: a reload signs out, and no patient data reaches the URL,
 * storage or the console.
 */
import { html, nothing, render } from 'lit';
import {
  createCareRecordSession,
  fhirAuditSink,
  fhirR4Source,
  type AuditSink,
  type CareRecordSession,
  type CareSetting,
  type ViewerContext,
} from '@dcr-elements/core';
import '../../packages/elements/src/define/dcr-record.js';
import { SANDBOX_SHARING_AGREEMENT } from '../../packages/sandbox/src/synthetic/roster.js';
import {
  firstInvalidField,
  readPatientForm,
  renderFindPatient,
  type PatientErrors,
} from './find-patient.js';
import { ORGANISATIONS, ROLES, SETTINGS, organisationOf, roleOf } from './roles.js';
import { readTrail, renderTrail, type TrailView } from './audit-trail.js';

type SignInField = 'name' | 'user-id';
type SignInErrors = Partial<Record<SignInField, string>>;

interface SignedIn {
  viewer: ViewerContext;
  auditor: boolean;
}

type Screen =
  | { name: 'sign-in'; errors: SignInErrors }
  | { name: 'find'; errors: PatientErrors }
  | { name: 'record'; session: CareRecordSession }
  | { name: 'trail'; trail: TrailView };

export interface ViewerAppOptions {
  /** The FHIR R4 base the record is read from and audit events are written to. */
  fhirBase?: string;
}

export class ViewerApp {
  readonly #root: HTMLElement;
  readonly #fhirBase: string;
  /** One sink for the page: every session shares one audit pipeline (core's sharedAuditTrail). */
  readonly #auditSink: AuditSink;
  #user: SignedIn | undefined;
  #screen: Screen = { name: 'sign-in', errors: {} };
  #focusHeading = false;

  constructor(root: HTMLElement, options: ViewerAppOptions = {}) {
    this.#root = root;
    this.#fhirBase = options.fhirBase ?? '/fhir/r4';
    this.#auditSink = fhirAuditSink({ url: this.#fhirBase, observer: 'dcr-elements viewer' });
    root.replaceChildren(); // the page's "Loading" line
    this.#render();
  }

  /** Signs out (the session, if any, is ended and closed) and empties the page. */
  dispose(): void {
    this.#closeSession();
    render(nothing, this.#root);
  }

  #go(screen: Screen): void {
    if (this.#screen.name === 'record' && this.#screen !== screen) this.#closeSession();
    this.#screen = screen;
    this.#focusHeading = true;
    this.#render();
  }

  #closeSession(): void {
    if (this.#screen.name === 'record') this.#screen.session.close();
  }

  #render(): void {
    const screen = this.#screen;
    document.title = `${TITLES[screen.name]} – Shared Record Viewer`;
    render(
      html`<a class="skip-link" href="#main">Skip to main content</a>
        <header class="app-header">
          <p class="app-title">Shared Record Viewer <span>GP record for urgent and emergency care</span></p>
          ${this.#user ? this.#renderUser(this.#user) : nothing}
        </header>
        <main id="main" tabindex="-1" class=${screen.name === 'record' ? 'wide' : ''}>
          ${this.#renderScreen(screen)}
        </main>
        <footer class="app-footer">
          Synthetic patients from the sandbox FHIR server. No real patient data.
        </footer>`,
      this.#root,
    );
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.#root.querySelector<HTMLElement>('main h1')?.focus();
    }
  }

  #renderUser({ viewer, auditor }: SignedIn) {
    const role = roleOf(viewer.roles[0]!);
    const organisation = organisationOf(viewer.organisation);
    return html`<div class="signed-in">
      <p>
        <span class="visually-hidden">Signed in as</span>
        <strong>${viewer.name}</strong>
        <span>${role?.label} (${viewer.roles[0]})</span>
        <span>${organisation?.name ?? ''} (${viewer.organisation})</span>
      </p>
      <nav aria-label="Viewer">
        ${
          auditor
            ? nothing
            : this.#screen.name === 'record'
              ? html`<button type="button" class="button button--inverse" @click=${this.#findAnother}>
                Finish with this patient
              </button>`
              : nothing
        }
        <button type="button" class="button button--inverse" @click=${this.#signOut}>Sign out</button>
      </nav>
    </div>`;
  }

  #renderScreen(screen: Screen) {
    switch (screen.name) {
      case 'sign-in':
        return this.#renderSignIn(screen.errors);
      case 'find':
        return renderFindPatient(screen.errors, this.#findPatient);
      case 'record':
        return html`<h1 tabindex="-1" class="visually-hidden">GP record</h1>
          <dcr-record .session=${screen.session}></dcr-record>`;
      case 'trail':
        return renderTrail(screen.trail, {
          refresh: () => void this.#loadTrail(),
          older: () => void this.#loadTrail(screen.trail.next),
          showEverything: (everything) => {
            screen.trail.everything = everything;
            this.#render();
          },
        });
    }
  }

  #renderSignIn(errors: SignInErrors) {
    const text = (id: SignInField, label: string, hint: string) => html`<div
      class="field ${errors[id] ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${
        errors[id]
          ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error:</span> ${errors[id]}</p>`
          : nothing
      }
      <input id=${id} name=${id} type="text" autocomplete="off" spellcheck="false" size="24"
        aria-invalid=${errors[id] ? 'true' : 'false'}
        aria-describedby=${errors[id] ? `${id}-hint ${id}-error` : `${id}-hint`} />
    </div>`;
    const select = (id: string, label: string, options: { value: string; label: string }[]) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name=${id}>
          ${options.map((o) => html`<option value=${o.value}>${o.label}</option>`)}
        </select>
      </div>`;
    return html`<h1 tabindex="-1">Sign in</h1>
      <p class="lede">
        This stands in for your smartcard: it says who you are, your role and your organisation.
        Every view of a record is audited under this name.
      </p>
      <form class="card" novalidate @submit=${this.#signIn}>
        ${text('name', 'Your name', 'As audit records will show it, for example Dr Sam Patel')}
        ${text('user-id', 'Smartcard user ID', 'The number on your smartcard, for example 555021935107')}
        ${select(
          'role',
          'Role',
          ROLES.map((r) => ({ value: r.code, label: `${r.label} (${r.code})` })),
        )}
        ${select(
          'organisation',
          'Organisation',
          ORGANISATIONS.map((o) => ({ value: o.ods, label: `${o.name} (${o.ods})` })),
        )}
        ${select(
          'setting',
          'Care setting',
          SETTINGS.map((s) => ({ value: s.value, label: s.label })),
        )}
        <button type="submit" class="button">Sign in</button>
      </form>`;
  }

  readonly #signIn = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const errors: SignInErrors = {};
    if (!value('name')) errors.name = 'Enter your name';
    else if (value('name').length > 100) errors.name = 'Enter a name of 100 characters or fewer';
    if (!value('user-id')) errors['user-id'] = 'Enter your smartcard user ID';
    else if (!/^\d{6,20}$/.test(value('user-id')))
      errors['user-id'] = 'A smartcard user ID has digits only';
    if (Object.keys(errors).length > 0) {
      this.#screen = { name: 'sign-in', errors };
      this.#render();
      this.#root.querySelector<HTMLElement>(`#${errors.name ? 'name' : 'user-id'}`)?.focus();
      return;
    }
    const role = roleOf(value('role')) ?? ROLES[0]!;
    this.#user = {
      auditor: role.auditor === true,
      viewer: {
        userId: value('user-id'),
        name: value('name'),
        roles: [role.code],
        organisation: organisationOf(value('organisation'))?.ods ?? ORGANISATIONS[0]!.ods,
        setting:
          SETTINGS.find((s) => s.value === value('setting'))?.value ?? ('emergency' as CareSetting),
      },
    };
    if (this.#user.auditor) {
      this.#go({ name: 'trail', trail: this.#emptyTrail(this.#user.viewer.organisation) });
      void this.#loadTrail();
    } else this.#go({ name: 'find', errors: {} });
  };

  readonly #findPatient = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const reading = readPatientForm({
      nhsNumber: value('nhs-number'),
      family: value('family'),
      birthDate: value('birth-date'),
    });
    if (!reading.ok) {
      this.#screen = { name: 'find', errors: reading.errors };
      this.#render();
      this.#root.querySelector<HTMLElement>(`#${firstInvalidField(reading.errors)}`)?.focus();
      return;
    }
    form.reset();
    const session = createCareRecordSession({
      source: fhirR4Source({ baseUrl: this.#fhirBase }),
      viewer: this.#user!.viewer,
      audit: this.#auditSink,
      policy: { agreement: [...SANDBOX_SHARING_AGREEMENT] },
    });
    session.setPatient(reading.patient);
    this.#go({ name: 'record', session });
  };

  readonly #findAnother = (): void => this.#go({ name: 'find', errors: {} });

  readonly #signOut = (): void => {
    this.#closeSession();
    this.#user = undefined;
    this.#screen = { name: 'sign-in', errors: {} };
    this.#focusHeading = true;
    this.#render();
  };

  #emptyTrail(organisation: string): TrailView {
    return {
      rows: [],
      total: 0,
      next: undefined,
      everything: false,
      status: 'loading',
      organisation,
    };
  }

  async #loadTrail(older?: string): Promise<void> {
    const screen = this.#screen;
    if (screen.name !== 'trail') return;
    const trail = screen.trail;
    if (!older)
      Object.assign(trail, this.#emptyTrail(trail.organisation), { everything: trail.everything });
    trail.status = 'loading';
    this.#render();
    try {
      const page = await readTrail(this.#fhirBase, trail.organisation, older);
      if (this.#screen !== screen) return;
      trail.rows = [...trail.rows, ...page.rows];
      trail.total = page.total;
      trail.next = page.next;
      trail.status = 'ready';
    } catch (error) {
      if (this.#screen !== screen) return;
      trail.status = 'error';
      trail.error = error instanceof Error ? error.message : 'The audit trail could not be read.';
    }
    this.#render();
  }
}

const TITLES: Record<Screen['name'], string> = {
  'sign-in': 'Sign in',
  find: 'Find a patient',
  record: 'GP record',
  trail: 'Audit trail',
};
