// The API of one element, rendered from the custom elements manifest (custom-elements.json, built
// by `npm run manifest`): properties and attributes, events with their classes, slots, parts and
// CSS custom properties. A small renderer of our own: api-viewer-element would weigh more.
import { html, nothing, type TemplateResult } from 'lit';

interface Described {
  name: string;
  description?: string;
}
interface Member extends Described {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  type?: { text: string };
  default?: string;
  attribute?: string;
}
interface ManifestEvent {
  name?: string;
  description?: string;
  type?: { text: string };
}
interface Declaration extends Described {
  tagName?: string;
  summary?: string;
  members?: Member[];
  events?: ManifestEvent[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

export interface ElementApi {
  declaration: Declaration;
  /** Event class name → event name, from the classes in src/events.ts. */
  eventNames: Map<string, string>;
}

export async function loadApi(tag: string): Promise<ElementApi | undefined> {
  const response = await fetch('/packages/elements/custom-elements.json');
  const manifest = (await response.json()) as Manifest;
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const declaration = declarations.find((d) => d.tagName === tag);
  if (!declaration) return undefined;
  const eventNames = new Map<string, string>();
  for (const d of declarations) {
    const eventName = d.members?.find((m) => m.static && m.name === 'eventName')?.default;
    if (eventName) eventNames.set(d.name, eventName.replace(/^'|'$/g, ''));
  }
  return { declaration, eventNames };
}

/** Descriptions are Markdown-lite: `code` and *emphasis*; nothing else is interpreted. */
function prose(text = ''): TemplateResult[] {
  return text
    .split(/(`[^`]+`|\*[^*]+\*)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? html`<code>${part.slice(1, -1)}</code>`
        : part.startsWith('*') && part.endsWith('*') && part.length > 1
          ? html`<em>${part.slice(1, -1)}</em>`
          : html`${part}`,
    );
}

function table(
  id: string,
  title: string,
  head: [string, string],
  rows: [TemplateResult, string | undefined][],
): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  return html`
    <h3 id=${id}>${title}</h3>
    <table class="api-table" aria-labelledby=${id}>
      <thead>
        <tr>
          <th scope="col">${head[0]}</th>
          <th scope="col">${head[1]}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([name, description]) => html`
            <tr>
              <td>${name}</td>
              <td>${prose(description)}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

/** The element's own summary from its class comment, paragraph by paragraph. */
export function renderSummary({ declaration }: ElementApi): TemplateResult[] {
  return (declaration.summary || declaration.description || '')
    .split(/\n\s*\n/)
    .map((paragraph) => html`<p>${prose(paragraph.replace(/\s*\n\s*/g, ' '))}</p>`);
}

export function renderApi({ declaration, eventNames }: ElementApi): TemplateResult {
  const fields = (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.privacy && !m.static,
  );
  // The analyser lists a dispatched event class and a documented @fires name separately.
  const events = (declaration.events ?? []).filter((e) => e.name);
  const classOf = new Map(
    (declaration.events ?? [])
      .filter((e) => !e.name && e.type)
      .map((e) => [eventNames.get(e.type!.text), e.type!.text]),
  );
  return html`
    ${table(
      'api-properties',
      'Properties and attributes',
      ['Property', 'Description'],
      fields.map((f) => [
        html`<code>${f.name}</code>${
          f.attribute
            ? html`<span class="api-meta">attribute <code>${f.attribute}</code></span>`
            : html`<span class="api-meta">property only</span>`
        }
          ${f.type ? html`<span class="api-meta">type <code>${f.type.text}</code></span>` : nothing}
          ${
            f.default
              ? html`<span class="api-meta">default <code>${f.default}</code></span>`
              : nothing
          }${f.readonly ? html`<span class="api-meta">read-only</span>` : nothing}`,
        f.description,
      ]),
    )}
    ${table(
      'api-events',
      'Events',
      ['Event', 'Description'],
      events.map((e) => [
        html`<code>${e.name}</code>${
          classOf.has(e.name)
            ? html`<span class="api-meta"
                ><code>${classOf.get(e.name)}</code>, typed <code>detail</code>, from
                <code>@dcr-elements/elements/events.js</code></span
              >`
            : nothing
        }`,
        e.description,
      ]),
    )}
    ${table(
      'api-slots',
      'Slots',
      ['Slot', 'Description'],
      (declaration.slots ?? []).map((s) => [
        s.name ? html`<code>${s.name}</code>` : html`(default)`,
        s.description,
      ]),
    )}
    ${table(
      'api-parts',
      'CSS parts',
      ['Part', 'Description'],
      (declaration.cssParts ?? []).map((p) => [
        html`<code>::part(${p.name})</code>`,
        p.description,
      ]),
    )}
    ${table(
      'api-css-properties',
      'CSS custom properties',
      ['Property', 'Description'],
      (declaration.cssProperties ?? []).map((p) => [html`<code>${p.name}</code>`, p.description]),
    )}
  `;
}
