// `npm start`: the catalogue (demo/) on a dev server, with the sandbox FHIR server mounted on the
// same origin at /fhir/r4, under a strict Content Security Policy. One process: Ctrl-C stops all.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { startDevServer } from '@web/dev-server';
import { docsPages } from './docs-pages.mjs';
import { cspMiddleware, plugins, rootDir, sandboxMiddleware } from './dev-server-setup.mjs';

const port = Number(process.env.PORT ?? 8000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('PORT must be a number from 1 to 65535.');
  process.exit(2);
}

async function catalogueAtRoot(ctx, next) {
  if (ctx.path === '/' || ctx.path === '/index.html') ctx.path = '/demo/index.html';
  // The stand-alone Shared Record Viewer (docs/viewer.md).
  if (['/viewer', '/viewer/', '/demo/viewer', '/demo/viewer/'].includes(ctx.path))
    ctx.path = '/demo/viewer/index.html';
  return next();
}

/** Gzip for what the dev server serves (the sandbox answers on its own), as a host's server would. */
async function compress(ctx, next) {
  await next();
  if (!ctx.body || ctx.response.get('Content-Encoding') || !ctx.acceptsEncodings('gzip')) return;
  let body = ctx.body;
  if (typeof body.pipe === 'function') {
    const chunks = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    body = Buffer.concat(chunks);
  } else if (typeof body !== 'string' && !Buffer.isBuffer(body)) return;
  ctx.body = await promisify(gzip)(body);
  ctx.set('Content-Encoding', 'gzip');
  ctx.vary('Accept-Encoding');
}

try {
  const server = await startDevServer({
    config: {
      rootDir,
      port,
      hostname: 'localhost',
      // Lit's production build (no "Lit is in dev mode"); the tests keep the development one.
      nodeResolve: { exportConditions: ['production'] },
      plugins: plugins(),
      middleware: [
        catalogueAtRoot,
        cspMiddleware,
        compress,
        docsPages(rootDir),
        await sandboxMiddleware(),
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  console.log(
    `dcr-elements catalogue: http://localhost:${port}/  (sandbox FHIR R4: http://localhost:${port}/fhir/r4)`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error?.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Stop what uses it, or run: PORT=<other> npm start`);
  } else {
    console.error(`Could not start the catalogue: ${error?.message ?? error}`);
  }
  process.exit(1);
}
