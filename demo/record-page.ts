// The full record for a sandbox patient of the reader's choice: <dcr-record> waiting for consent,
// as a clinician meets it, so the whole journey can be tried (consent, tabs, print, end viewing).
import { html, render } from 'lit';
import {
  exampleSession,
  type ExamplePatient,
} from '../packages/elements/src/shared/example-sessions.js';
import { SANDBOX_PATIENTS } from '../packages/sandbox/src/synthetic/roster.js';
import { exampleFrame } from './element-page.js';
import { pageHref } from './settings.js';
import '../packages/elements/src/define/dcr-record.js';

export function renderRecordPage(main: HTMLElement): void {
  const asked = new URLSearchParams(location.search).get('patient') ?? '';
  const patient = (asked in SANDBOX_PATIENTS ? asked : 'typical') as ExamplePatient;
  const choose = (event: Event) => {
    const url = new URL(pageHref('record'), location.href);
    url.searchParams.set('patient', (event.target as HTMLSelectElement).value);
    location.assign(url);
  };
  render(
    html`
      <h1>The full record</h1>
      <p class="lead">
        <code>&lt;dcr-record&gt;</code> for a synthetic patient, waiting for the patient’s answer
        as a clinician meets it: record consent (or an override), move through the tabs, print,
        end viewing. Every state on its own is on the
        <a href=${pageHref('dcr-record')}>dcr-record page</a>.
      </p>
      <label class="field"
        >Sandbox patient
        <select @change=${choose}>
          ${Object.entries(SANDBOX_PATIENTS).map(
            ([key, p]) =>
              html`<option value=${key} ?selected=${key === patient}>
                ${p.given} ${p.family}: ${p.purpose}
              </option>`,
          )}
        </select>
      </label>
      ${exampleFrame({
        name: 'Full record',
        description: '',
        template: () =>
          html`<dcr-record .session=${exampleSession('awaiting-consent', { patient })}></dcr-record>`,
      })}
    `,
    main,
  );
}
