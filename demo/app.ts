// The catalogue's shell: routes `?page=` to the overview, an element's page, the full record or
// the themes page, and keeps the theme and width switchers. Pages render once: switching the
// theme or width restyles them and never restarts an example's session.
import { html, render } from 'lit';
import { ELEMENTS } from './catalogue.js';
import { renderElementPage } from './element-page.js';
import { renderOverview } from './overview-page.js';
import { renderRecordPage } from './record-page.js';
import { renderThemesPage } from './themes-page.js';
import {
  THEMES,
  WIDTHS,
  applyTheme,
  pageHref,
  readSetting,
  saveSetting,
  type ThemeId,
  type WidthId,
} from './settings.js';

const page = new URLSearchParams(location.search).get('page') ?? 'overview';
const entry = ELEMENTS.find((e) => e.tag === page);
const main = document.getElementById('main')!;

const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'record', label: 'Full record' },
  { id: 'themes', label: 'Themes side by side' },
];

render(
  html`
    <ul class="page-links">
      ${PAGES.map(
        (p) =>
          html`<li>
            <a href=${pageHref(p.id)} aria-current=${p.id === page ? 'page' : 'false'}>${p.label}</a>
          </li>`,
      )}
      <li><a href="/viewer/">Shared Record Viewer</a></li>
      <li><a href="/docs/">Documentation</a></li>
    </ul>
    <h2 id="elements-title">Elements</h2>
    <ul class="element-links" aria-labelledby="elements-title">
      ${ELEMENTS.map(
        (e) =>
          html`<li>
            <a href=${pageHref(e.tag)} aria-current=${e.tag === page ? 'page' : 'false'}
              >&lt;${e.tag}&gt;</a
            >
          </li>`,
      )}
    </ul>
  `,
  document.getElementById('site-nav')!,
);

// The theme is a class on <html>, so the catalogue's own header and page follow it too.
const themePicker = document.getElementById('theme') as HTMLSelectElement;
render(
  Object.entries(THEMES).map(([id, t]) => html`<option value=${id}>${t.label}</option>`),
  themePicker,
);
themePicker.value = readSetting('theme');
applyTheme(document.documentElement, themePicker.value as ThemeId);
themePicker.addEventListener('change', () => {
  applyTheme(document.documentElement, themePicker.value as ThemeId);
  saveSetting('theme', themePicker.value);
});

// The width of every example frame; a frame wider than the page scrolls sideways in its box,
// which is then a focusable, labelled region (keyboard users can scroll it).
const widthPicker = document.getElementById('width') as HTMLSelectElement;
render(
  Object.entries(WIDTHS).map(([id, label]) => html`<option value=${id}>${label}</option>`),
  widthPicker,
);
widthPicker.value = readSetting('width');
function applyWidth(width: WidthId): void {
  main.dataset.width = width;
  for (const box of main.querySelectorAll<HTMLElement>('.frame-box')) {
    if (width === 'fit') {
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      box.removeAttribute('tabindex');
    } else {
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', box.dataset.label ?? 'Live example');
      box.tabIndex = 0;
    }
  }
}
widthPicker.addEventListener('change', () => {
  applyWidth(widthPicker.value as WidthId);
  saveSetting('width', widthPicker.value);
});
// The width applies where there are example frames; elsewhere the switcher is not offered.
widthPicker.closest('label')!.hidden = !(entry || page === 'record');

main.replaceChildren();
if (entry) {
  document.title = `<${entry.tag}>: dcr-elements catalogue`;
  await renderElementPage(main, entry);
} else if (page === 'record') {
  document.title = 'Full record: dcr-elements catalogue';
  renderRecordPage(main);
} else if (page === 'themes') {
  document.title = 'Themes side by side: dcr-elements catalogue';
  renderThemesPage(main, ELEMENTS);
} else {
  renderOverview(main, ELEMENTS);
}
applyWidth(widthPicker.value as WidthId);
// Where the element links are one sideways-scrolling row (narrow screens), show the current one.
document
  .querySelector('.element-links [aria-current="page"]')
  ?.scrollIntoView({ block: 'nearest', inline: 'center' });
// The page is drawn after load, so the browser's own jump to #state found nothing: jump now, and
// again while the examples above it grow as their records arrive, until the reader scrolls.
const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
if (target) {
  target.scrollIntoView();
  const follow = new ResizeObserver(() => target.scrollIntoView());
  follow.observe(main);
  const stop = () => follow.disconnect();
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'])
    addEventListener(type, stop, { once: true, passive: true });
  setTimeout(stop, 30_000);
}
