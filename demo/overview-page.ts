// Every element at a glance: a card per element with its summary, its number of states and a
// live preview (not interactive: the card leads to the element's page). Every preview reads one
// session, as a page with all the elements does: one set of requests, not one per element.
import { html, render, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CareRecordSession } from '@dcr-elements/core';
import { exampleSession } from '../packages/elements/src/shared/example-sessions.js';
import type { CatalogueEntry } from './catalogue.js';
import { pageHref } from './settings.js';

function preview(tag: string, session: CareRecordSession): TemplateResult {
  if (tag === 'dcr-session')
    return html`<dcr-session .session=${session}>
      <dcr-patient-banner></dcr-patient-banner>
      <dcr-allergy-banner></dcr-allergy-banner>
    </dcr-session>`;
  const name = unsafeStatic(tag);
  return staticHtml`<${name} .session=${session}></${name}>`;
}

export function renderOverview(main: HTMLElement, elements: CatalogueEntry[]): void {
  const session = exampleSession('granted');
  render(
    html`
      <h1>Every element at a glance</h1>
      <p class="lead">
        Each element on its own page, in every state, live against the sandbox, with its embed
        snippet and API. See also the <a href=${pageHref('record')}>full record</a> with a
        patient of your choice, and the <a href=${pageHref('themes')}>themes side by side</a>.
        Below, every element reads one session for the same synthetic patient.
      </p>
      <ul class="cards">
        ${elements.map(
          (entry) => html`
            <li class="card">
              <h2><a href=${pageHref(entry.tag)}><code>&lt;${entry.tag}&gt;</code></a></h2>
              <p>${entry.summary}</p>
              <p class="card-count">
                ${entry.examples.length} ${entry.examples.length === 1 ? 'state' : 'states'}
              </p>
              <div class="preview" inert>${preview(entry.tag, session)}</div>
            </li>
          `,
        )}
      </ul>
    `,
    main,
  );
}
