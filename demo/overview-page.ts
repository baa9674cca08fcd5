// Every element at a glance: a card per element with its summary, its number of states and a
// live preview of its first state (not interactive: the card leads to the element's page).
import { html, render } from 'lit';
import type { CatalogueEntry } from './catalogue.js';
import { pageHref } from './settings.js';

export function renderOverview(main: HTMLElement, elements: CatalogueEntry[]): void {
  render(
    html`
      <h1>Every element at a glance</h1>
      <p class="lead">
        Each element on its own page, in every state, live against the sandbox, with its embed
        snippet and API. See also the <a href=${pageHref('record')}>full record</a> with a
        patient of your choice, and the <a href=${pageHref('themes')}>themes side by side</a>.
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
              <div class="preview" inert>${entry.examples[0]?.template()}</div>
            </li>
          `,
        )}
      </ul>
    `,
    main,
  );
}
