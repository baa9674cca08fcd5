// One element's page: its summary and states (each a linkable anchor), every state live against
// the sandbox with the embed snippet for it, then its API from the manifest.
import { html, render, type TemplateResult } from 'lit';
import type { CatalogueEntry } from './catalogue.js';
import type { ElementExample } from '../packages/elements/src/shared/example.js';
import { loadApi, renderApi, renderSummary } from './api-tables.js';
import { embedSnippet } from './embed-snippet.js';
import { slug } from './settings.js';

function showSnippet(event: Event): void {
  const details = event.currentTarget as HTMLDetailsElement;
  if (!details.open) return;
  const frame = details.closest('.example')!.querySelector('.frame')!;
  const snippet = embedSnippet(frame);
  render(
    html`<p>In your page:</p>
      <pre><code>${snippet.html}</code></pre>
      <p><code>embed.js</code>:</p>
      <pre><code>${snippet.module}</code></pre>`,
    details.querySelector<HTMLElement>('.snippet-body')!,
  );
}

/**
 * One live example in a frame the width switcher sizes; a box that scrolls sideways when the
 * frame is wider than the page (app.ts makes it a focusable region then).
 */
export function exampleFrame(example: ElementExample): TemplateResult {
  return html`<div class="frame-box" data-label="${example.name}, live example">
    <div class="frame">${example.template()}</div>
  </div>`;
}

function exampleSection(example: ElementExample): TemplateResult {
  const id = slug(example.name);
  return html`
    <section class="example" id=${id} aria-labelledby="${id}-title">
      <h3 id="${id}-title"><a href="#${id}">${example.name}</a></h3>
      <p>${example.description}</p>
      ${exampleFrame(example)}
      <details class="snippet" @toggle=${showSnippet}>
        <summary>Embed snippet<span class="visually-hidden"> for ${example.name}</span></summary>
        <div class="snippet-body"></div>
      </details>
    </section>
  `;
}

export async function renderElementPage(main: HTMLElement, entry: CatalogueEntry): Promise<void> {
  const api = await loadApi(entry.tag);
  render(
    html`
      <h1><code>&lt;${entry.tag}&gt;</code></h1>
      <div class="lead">${api ? renderSummary(api) : html`<p>${entry.summary}</p>`}</div>
      <nav class="state-index" aria-labelledby="states-title">
        <h2 id="states-title">${entry.examples.length} ${entry.examples.length === 1 ? 'state' : 'states'}</h2>
        <ul>
          ${entry.examples.map(
            (example) => html`<li><a href="#${slug(example.name)}">${example.name}</a></li>`,
          )}
          <li><a href="#api">API</a></li>
        </ul>
      </nav>
      ${entry.examples.map(exampleSection)}
      <section id="api" aria-labelledby="api-title">
        <h2 id="api-title">API</h2>
        ${
          api
            ? renderApi(api)
            : html`<p>Not in the manifest: run <code>npm run manifest</code>.</p>`
        }
      </section>
    `,
    main,
  );
}
