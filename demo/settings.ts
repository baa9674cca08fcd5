// The catalogue's theme and width: from the URL (?theme=, ?width=, for links and screenshots),
// else the last choice (localStorage; a preference, never patient data), else the default.

export const THEMES = {
  'nhs-light': { label: 'NHS light', className: 'catalogue-theme-nhs-light' },
  'nhs-dark': { label: 'NHS dark', className: 'dcr-theme-nhs-dark' },
  neutral: { label: 'Neutral', className: 'dcr-theme-neutral' },
  'high-contrast': { label: 'High contrast', className: 'catalogue-theme-high-contrast' },
} as const;
export type ThemeId = keyof typeof THEMES;

/** The example frame's width: the page's own, or a device's. */
export const WIDTHS = {
  fit: 'Fit the page',
  '1440': '1440 px, A&E wide screen',
  '1024': '1024 px, laptop',
  '768': '768 px, tablet',
  '390': '390 px, phone',
} as const;
export type WidthId = keyof typeof WIDTHS;

type Setting = 'theme' | 'width';
const CHOICES: Record<Setting, Record<string, unknown>> = { theme: THEMES, width: WIDTHS };
const DEFAULTS: Record<Setting, string> = { theme: 'nhs-light', width: 'fit' };

export function readSetting(name: 'theme'): ThemeId;
export function readSetting(name: 'width'): WidthId;
export function readSetting(name: Setting): string {
  const fromUrl = new URLSearchParams(location.search).get(name);
  const value = fromUrl ?? localStorage.getItem(`dcr-catalogue-${name}`);
  return value && value in CHOICES[name] ? value : DEFAULTS[name];
}

/** Keeps a choice for the next page, and in this page's URL where the URL named one. */
export function saveSetting(name: Setting, value: string): void {
  localStorage.setItem(`dcr-catalogue-${name}`, value);
  const url = new URL(location.href);
  if (url.searchParams.has(name)) {
    url.searchParams.set(name, value);
    history.replaceState(null, '', url);
  }
}

export function applyTheme(root: HTMLElement, theme: ThemeId): void {
  for (const { className } of Object.values(THEMES)) root.classList.remove(className);
  root.classList.add(THEMES[theme].className);
}

/** A state's anchor: its name in lower case, words joined by hyphens. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A catalogue page's address: `?page=<id>` (the overview has none), then an optional anchor. */
export function pageHref(page: string, anchor = ''): string {
  return `${page === 'overview' ? '/' : `/?page=${encodeURIComponent(page)}`}${anchor && `#${anchor}`}`;
}
