// For designers: one state of one element in every theme side by side, and the colour tokens
// each theme sets.
import { html, render } from 'lit';
import type { CatalogueEntry } from './catalogue.js';
import { THEMES, pageHref, slug } from './settings.js';

const TOKENS = [
  'text',
  'text-secondary',
  'surface',
  'surface-muted',
  'border',
  'brand',
  'brand-strong',
  'on-brand',
  'danger',
  'warning',
  'focus',
].map((name) => `--dcr-color-${name}`);

export function renderThemesPage(main: HTMLElement, elements: CatalogueEntry[]): void {
  const params = new URLSearchParams(location.search);
  const entry =
    elements.find((e) => e.tag === params.get('element')) ??
    elements.find((e) => e.tag === 'dcr-summary')!;
  const example =
    entry.examples.find((e) => slug(e.name) === params.get('state')) ?? entry.examples[0]!;
  const go = (element: string, state: string) => {
    const url = new URL(pageHref('themes'), location.href);
    url.searchParams.set('element', element);
    if (state) url.searchParams.set('state', state);
    location.assign(url);
  };
  render(
    html`
      <h1>Themes side by side</h1>
      <p class="lead">
        One state in every theme, each set by a class on an ancestor (NHS dark and neutral ship in
        <code>@dcr-elements/elements/themes/</code>; NHS light is the default, written out here so
        a dark system setting does not switch it). Windows forced colours cannot be switched on by
        a page: use DevTools, Rendering, “Emulate CSS media feature forced-colors”.
      </p>
      <div class="pickers">
        <label class="field"
          >Element
          <select @change=${(e: Event) => go((e.target as HTMLSelectElement).value, '')}>
            ${elements.map(
              (e) => html`<option value=${e.tag} ?selected=${e === entry}>${e.tag}</option>`,
            )}
          </select>
        </label>
        <label class="field"
          >State
          <select @change=${(e: Event) => go(entry.tag, (e.target as HTMLSelectElement).value)}>
            ${entry.examples.map(
              (e) =>
                html`<option value=${slug(e.name)} ?selected=${e === example}>${e.name}</option>`,
            )}
          </select>
        </label>
      </div>
      <div class="theme-columns">
        ${Object.entries(THEMES).map(
          ([id, theme]) => html`
            <section class="theme-column ${theme.className}" aria-labelledby="theme-${id}">
              <h2 id="theme-${id}">${theme.label}</h2>
              <div class="frame">${example.template()}</div>
              <table class="tokens" aria-label="${theme.label} colours">
                <tbody>
                  ${TOKENS.map(
                    (token) => html`<tr>
                      <th scope="row"><code>${token}</code></th>
                      <td><span class="swatch" data-token=${token}></span></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </section>
          `,
        )}
      </div>
    `,
    main,
  );
  // Each swatch shows its column's token value, read back as the theme resolves it.
  for (const swatch of main.querySelectorAll<HTMLElement>('.swatch')) {
    const value = getComputedStyle(swatch).getPropertyValue(swatch.dataset.token!).trim();
    swatch.style.setProperty('--swatch', value || 'transparent');
    swatch.textContent = value || '(default)';
  }
}
