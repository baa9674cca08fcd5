// A test-server plugin for the documentation's own tests (test/docs/): it serves, under /__docs/,
// the snippets of every doc page, a repository file as written (a test file's names unchanged by
// esbuild), the API reference as rendered now from the elements' manifest, and a page under the
// catalogue's Content Security Policy.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { allSnippets } from './doc-snippets.mjs';
import { renderApiDocs } from './api-docs.mjs';
import { CONTENT_SECURITY_POLICY } from './dev-server-setup.mjs';

const SNIPPET = /^\/__docs\/snippet\/([\w-]+?)(?:-s(\d+))?\.(ts|js)$/;

/** @param {string} rootDir the repository root */
export function docsPlugin(rootDir) {
  /** One CDP session per test page: emulation lasts only while its session is attached. */
  const cdpSessions = new Map();
  return {
    name: 'dcr-docs',
    /**
     * `dcr-forced-colors` { active }: emulates Windows high contrast (`forced-colors: active`),
     * which wtr's emulateMedia command does not offer (test/docs/forced-colours.test.ts).
     */
    async executeCommand({ command, payload, session }) {
      // `dcr-typecheck-snippets`: the docs' ```ts blocks compiled against the packages' types.
      // Loaded on demand: TypeScript is large and only this command needs it.
      if (command === 'dcr-typecheck-snippets') {
        const { typecheckSnippets } = await import('./typecheck-snippets.mjs');
        return typecheckSnippets(rootDir);
      }
      if (command !== 'dcr-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = cdpSessions.get(session.id);
      if (!cdp) {
        cdp = await page.createCDPSession();
        cdpSessions.set(session.id, cdp);
      }
      const value = payload?.active ? 'active' : 'none';
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value }],
      });
      return true;
    },
    serve(context) {
      if (context.path === '/__docs/snippets.json') {
        return { body: JSON.stringify(allSnippets(rootDir)), type: 'json' };
      }
      const snippet = SNIPPET.exec(context.path);
      if (snippet) {
        const [, id, script, ext] = snippet;
        const found = allSnippets(rootDir).find((s) => s.id === id);
        const code = script === undefined ? found?.code : found?.scripts[Number(script)]?.code;
        return code === undefined ? undefined : { body: code, type: ext };
      }
      if (context.path === '/__docs/raw') {
        const path = context.URL.searchParams.get('path') ?? '';
        const full = normalize(join(rootDir, path));
        const safe =
          /^[\w./-]+$/.test(path) && !path.includes('..') && !path.includes('node_modules');
        if (!safe || !full.startsWith(rootDir) || !existsSync(full)) return undefined;
        return { body: readFileSync(full, 'utf8'), type: 'text' };
      }
      if (context.path === '/__docs/csp-page.html') {
        // The whole record under the catalogue's policy (test/docs/csp.test.ts), framed by the
        // test page: frame-ancestors is the one directive relaxed, to 'self'.
        return {
          body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title><script type="module" src="/test/docs/csp-page.ts"></script></head><body></body></html>',
          type: 'html',
          headers: {
            'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace(
              "frame-ancestors 'none'",
              "frame-ancestors 'self'",
            ),
          },
        };
      }
      if (context.path === '/__docs/api.md') {
        const manifest = JSON.parse(
          readFileSync(join(rootDir, 'packages/elements/custom-elements.json'), 'utf8'),
        );
        return { body: renderApiDocs(manifest), type: 'text' };
      }
      return undefined; // a 404 from the static server
    },
  };
}
