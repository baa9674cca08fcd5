/* global document, customElements -- in the page (page.evaluate) */
// The packed-tarball test (issues 12 and 15): `npm pack` of core and elements, then what a user
// of the tarballs gets. Each package holds only what it should (dist, themes, manifest, README,
// LICENSE; no tests, examples or sandbox); every module a user may import is in `exports`; the
// tarballs install into a scratch project; core imports in Node (no DOM, no side effects); a
// TypeScript host compiles against them with `skipLibCheck: false` and no @types/fhir; and two
// copies of the elements run on one page in Chromium, one under another prefix. Prints its own
// totals as JSON on its last line for scripts/test.mjs. Needs a build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { checks, launchBrowser, serve, watchedPage } from './browser-checks.mjs';
import { packPackages } from './pack-packages.mjs';

const { check, results } = checks('packaging');
const scratch = mkdtempSync(join(tmpdir(), 'dcr-packaging-'));
const run = (command, args, cwd = scratch) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let packs;
await check('npm pack of core and elements', () => {
  packs = packPackages(join(scratch, 'packs'));
});

await check(
  'each tarball holds dist, README, LICENSE (elements: themes, manifest) and no tests, examples or sandbox',
  () => {
    for (const name of ['core', 'elements']) {
      const files = packs[`${name}Files`];
      const allowed =
        /^(package\.json|README\.md|LICENSE|dist\/.+\.(js|js\.map|d\.ts)|themes\/[\w-]+\.css|custom-elements\.json)$/;
      const stray = files.filter(
        (f) => !allowed.test(f) || /\.test\.|examples|example-sessions|sandbox/.test(f),
      );
      if (stray.length > 0) throw new Error(`${name} ships ${stray.join(', ')}`);
      for (const needed of [
        'README.md',
        'LICENSE',
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
      ])
        if (!files.includes(needed)) throw new Error(`${name} lacks ${needed}`);
    }
    for (const needed of [
      'custom-elements.json',
      'dist/react/index.js',
      'dist/define/define-elements.js',
    ])
      if (!packs.elementsFiles.includes(needed)) throw new Error(`elements lacks ${needed}`);
  },
);

await check('every define module, theme and entry a user may import is in the exports map', () => {
  const manifest = JSON.parse(readFileSync('packages/elements/package.json', 'utf8'));
  const exported = new Set(Object.keys(manifest.exports));
  const wanted = packs.elementsFiles.flatMap((f) => {
    const define = /^dist\/(define\/(?!define-once)[\w-]+\.js)$/.exec(f);
    if (define) return [`./${define[1]}`];
    return /^themes\/[\w-]+\.css$/.test(f) ? [`./${f}`] : [];
  });
  const missing = [...wanted, '.', './events.js', './react', './custom-elements.json'].filter(
    (k) => !exported.has(k),
  );
  if (missing.length > 0) throw new Error(`not exported: ${missing.join(', ')}`);
  if (manifest.customElements !== 'custom-elements.json')
    throw new Error('no customElements field');
  const core = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
  if (core.sideEffects !== false) throw new Error('core must be side-effect free');
});

await check('the tarballs install into a scratch project', () => {
  const rootVersion = (name) =>
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({
      name: 'scratch-host',
      private: true,
      type: 'module',
      dependencies: {
        '@dcr-elements/core': `file:${packs.core}`,
        '@dcr-elements/elements': `file:${packs.elements}`,
        // A second copy of the elements, as a page embedding two versions has.
        'dcr-elements-next': `file:${packs.elements}`,
        react: '^19.2.0',
        '@types/react': rootVersion('@types/react'),
      },
    }),
  );
  run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    '--no-package-lock',
  ]);
});

await check('core imports in Node (no DOM)', () => {
  const out = run(process.execPath, [
    '--input-type=module',
    '-e',
    "const core = await import('@dcr-elements/core'); console.log(typeof core.createCareRecordSession, typeof core.toAuditEvent)",
  ]);
  if (out.trim() !== 'function function') throw new Error(`core exports: ${out}`);
});

await check('a TypeScript host type-checks with skipLibCheck false, no @types/fhir (tsc)', () => {
  for (const file of ['typed-host.ts', 'typed-host-react.tsx', 'tsconfig.json'])
    copyFileSync(join('test/packaging', file), join(scratch, file));
  try {
    run(process.execPath, [
      join(process.cwd(), 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.json',
    ]);
  } catch (error) {
    throw new Error(`tsc:\n${error.stdout}${error.stderr}`);
  }
});

await check('two versions on one page: dcr- and next- records each show the record', async () => {
  const www = join(scratch, 'www');
  mkdirSync(www, { recursive: true });
  copyFileSync('test/packaging/two-versions.html', join(www, 'index.html'));
  await build({
    entryPoints: [join(scratch, 'two-versions.js')].map(
      (p) => (copyFileSync('test/packaging/two-versions.js', p), p),
    ),
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(www, 'two-versions.bundle.js'),
    logLevel: 'error',
  });
  const server = await serve(www);
  const browser = await launchBrowser();
  try {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.url}/index.html`);
    for (const tag of ['dcr-record', 'next-record']) {
      await page.locator(tag).getByRole('button', { name: 'Patient consents' }).click();
      await page.locator(tag).getByText('Penicillin').first().waitFor({ timeout: 15_000 });
    }
    const parts = await page.evaluate(() =>
      ['dcr-record', 'next-record'].map((tag) =>
        [...document.querySelector(tag).shadowRoot.querySelectorAll('*')]
          .map((n) => n.localName)
          .filter((t) => t.includes('-')),
      ),
    );
    if (
      !parts[0].every((t) => t.startsWith('dcr-')) ||
      !parts[1].every((t) => t.startsWith('next-'))
    )
      throw new Error(`parts mixed: ${JSON.stringify(parts)}`);
    const distinct = await page.evaluate(
      () =>
        customElements.get('dcr-record') !== customElements.get('next-record') &&
        !(customElements.get('next-record').prototype instanceof customElements.get('dcr-record')),
    );
    if (!distinct) throw new Error('next-record is not a second copy of the library');
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
  }
});

rmSync(scratch, { recursive: true, force: true });
console.log(JSON.stringify(results()));
