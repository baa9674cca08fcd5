// What the catalogue (npm start) and the browser tests share: TypeScript through esbuild, the
// workspace packages served from source, and the sandbox FHIR server mounted on the same origin
// (as a host's own FHIR proxy would be), so pages and tests talk to it over real HTTP.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createSandbox } from '../packages/sandbox/dist/index.js';

export const rootDir = fileURLToPath(new URL('..', import.meta.url));

const SOURCE_ALIASES = {
  '@dcr-elements/core': '/packages/core/src/index.ts',
  '@dcr-elements/test-support': '/test/support/index.ts',
};

/** Dev-server plugins: esbuild for TS (with the root tsconfig for Lit's decorators) and aliases. */
export function plugins() {
  return [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${rootDir}tsconfig.json` }),
    {
      name: 'workspace-sources',
      resolveImport({ source }) {
        return SOURCE_ALIASES[source];
      },
    },
  ];
}

/** A koa middleware that hands the sandbox's paths to the sandbox. */
export async function sandboxMiddleware() {
  const sandbox = await createSandbox();
  return async (ctx, next) => {
    if (!sandbox.owns(ctx.path)) return next();
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      sandbox.handle(ctx.req, ctx.res);
    });
  };
}

/**
 * Serves the published example data in ../shared/fixtures (read in place, never copied into the
 * project) at /__fixtures/: `index.json` lists `{ folder: [file, ...] }`, or 404 where the folder
 * is absent, so conformance tests can report themselves skipped on a machine without it.
 */
export function fixturesMiddleware() {
  const fixturesDir = fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
  const present = existsSync(fixturesDir);
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__fixtures/')) return next();
    if (!present) {
      ctx.status = 404;
      return;
    }
    const name = decodeURIComponent(ctx.path.slice('/__fixtures/'.length));
    if (name === 'index.json') {
      const index = {};
      for (const folder of readdirSync(fixturesDir, { withFileTypes: true })) {
        if (folder.isDirectory()) {
          index[folder.name] = readdirSync(join(fixturesDir, folder.name))
            .filter((f) => f.endsWith('.json'))
            .sort();
          // One level of sub-folders (the GP2GP fragments are grouped by area): `folder/area`.
          for (const sub of readdirSync(join(fixturesDir, folder.name), { withFileTypes: true })) {
            if (!sub.isDirectory()) continue;
            index[`${folder.name}/${sub.name}`] = readdirSync(
              join(fixturesDir, folder.name, sub.name),
            )
              .filter((f) => f.endsWith('.json'))
              .sort();
          }
        }
      }
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(index);
      return;
    }
    const parts = name.split('/');
    const file = parts.at(-1);
    const folders = parts.slice(0, -1);
    if (
      folders.length < 1 ||
      folders.length > 2 ||
      !file ||
      !folders.concat(file).every((p) => /^[\w.-]+$/.test(p) && p !== '..' && p !== '.') ||
      !file.endsWith('.json')
    ) {
      ctx.status = 404;
      return;
    }
    const path = join(fixturesDir, ...folders, file);
    if (!existsSync(path)) {
      ctx.status = 404;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = readFileSync(path, 'utf8');
  };
}

/**
 * The strict Content Security Policy the catalogue is served under: no inline script, no eval,
 * Trusted Types enforced (Lit's own policy only), nothing loaded from elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export async function cspMiddleware(ctx, next) {
  await next();
  if (ctx.response.is('html')) ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
}
