// The repository's Markdown docs as pages of the catalogue (`npm start`): /docs/, /docs/*.md,
// /README.md and /CHANGELOG.md rendered to HTML by `marked`, in the catalogue's own style and
// under the same strict CSP (no script at all; headings get ids so in-page links work).
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { Marked } from 'marked';

const marked = new Marked({
  renderer: {
    heading({ tokens, depth }) {
      const text = this.parser.parseInline(tokens);
      const id = text
        .replace(/<[^>]+>/g, '')
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .trim()
        .replace(/\s+/g, '-');
      return `<h${depth} id="${id}">${text}</h${depth}>\n`;
    },
  },
});

const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Markdown file a path names, inside the repository, or undefined. */
function markdownFile(rootDir, path) {
  const file = path === '/docs/' || path === '/docs' ? '/docs/README.md' : path;
  if (!/^\/(docs\/[\w/-]+|README|CHANGELOG)\.md$/.test(file)) return undefined;
  const full = normalize(join(rootDir, file));
  return full.startsWith(normalize(rootDir)) && existsSync(full) ? full : undefined;
}

/** A koa middleware serving the docs as HTML pages. */
export function docsPages(rootDir) {
  return async (ctx, next) => {
    const file = ctx.method === 'GET' ? markdownFile(rootDir, ctx.path) : undefined;
    if (!file) return next();
    const source = readFileSync(file, 'utf8');
    const title = /^#\s+(.+)$/m.exec(source)?.[1] ?? 'dcr-elements';
    ctx.type = 'html';
    ctx.body = `<!doctype html>
<html lang="en-GB" class="catalogue-theme-nhs-light">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} · dcr-elements</title>
    <link rel="icon" href="/demo/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/demo/themes.css" />
    <link rel="stylesheet" href="/demo/catalogue.css" />
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="site-title" href="/">dcr-elements <span>catalogue</span></a>
      <p class="site-note"><a href="/docs/">Documentation</a> · <a href="/viewer/">Shared Record Viewer</a></p>
    </header>
    <main id="main" class="doc-page">
${marked.parse(source)}
    </main>
  </body>
</html>
`;
  };
}
