// The host smoke tests (issue 15): the packed packages installed once into demo/hosts (one
// install shared by the React, Vue and Angular hosts; the plain page imports the same files
// through an import map), each framework host built with its usual tool, then each page walked
// in Chromium against the sandbox under the strict CSP: consent -> allergies and medicines shown
// -> the consent's AuditEvent received by the sandbox, with no console error or CSP violation.
// Prints each step's time, and its totals as JSON on its last line for scripts/test.mjs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checks, consentAndView, launchBrowser, serve, watchedPage } from './browser-checks.mjs';
import { packPackages } from './pack-packages.mjs';

const HOSTS_DIR = 'demo/hosts';
/** Each host's built page, the viewer id its session audits under, and its Trusted Types policies. */
const HOSTS = [
  { name: 'plain HTML (import map, no build)', page: 'html/index.html', userId: 'host-html' },
  { name: 'React', page: 'react/dist/index.html', userId: 'host-react', build: 'build:react' },
  // Vue writes static markup through its own Trusted Types policy, which the CSP must name.
  {
    name: 'Vue',
    page: 'vue/dist/index.html',
    userId: 'host-vue',
    build: 'build:vue',
    trustedTypes: ['vue'],
  },
  {
    name: 'Angular',
    page: 'angular/dist/index.html',
    userId: 'host-angular',
    build: 'build:angular',
  },
];

const { check, results } = checks('hosts');
const run = (command, args) => {
  try {
    return execFileSync(command, args, {
      cwd: HOSTS_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
};

await check('pack core and elements, one install for every host', () => {
  rmSync(join(HOSTS_DIR, 'node_modules/@dcr-elements'), { recursive: true, force: true });
  packPackages(join(HOSTS_DIR, '.packs'));
  // No lockfile: the tarballs change with every build; every version is pinned in package.json.
  run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    '--no-package-lock',
  ]);
});

await check("the README's embed and the host docs' code are the hosts' files, verbatim", () => {
  const docs = ['README.md', ...readdirSync('docs/hosts').map((f) => `docs/hosts/${f}`)];
  const embedded = new Set();
  for (const doc of docs) {
    const text = readFileSync(doc, 'utf8');
    for (const [, path, code] of text.matchAll(
      /<!-- embed: (\S+) -->\s*```\w+\n([\s\S]*?)\n```/g,
    )) {
      if (code.trimEnd() !== readFileSync(path, 'utf8').trimEnd())
        throw new Error(`${doc}'s block differs from ${path}`);
      embedded.add(`${doc} ${path}`);
    }
  }
  for (const needed of [
    'README.md demo/hosts/html/index.html',
    'README.md demo/hosts/html/main.js',
  ])
    if (!embedded.has(needed)) throw new Error(`no embed block: ${needed}`);
});

const built = new Set(['plain HTML (import map, no build)']);
for (const host of HOSTS.filter((h) => h.build))
  await check(`build the ${host.name} host`, () => {
    run('npm', ['run', '--silent', host.build]);
    built.add(host.name);
  });

const server = await serve(HOSTS_DIR, {
  trustedTypes: (path) =>
    HOSTS.find((h) => path.startsWith(`/${h.page.split('/')[0]}/`))?.trustedTypes ?? [],
});
const browser = await launchBrowser();
try {
  for (const host of HOSTS.filter((h) => built.has(h.name)))
    await check(
      `${host.name}: consent, allergies and medicines shown, audit received`,
      async () => {
        const { page, problems } = await watchedPage(browser);
        try {
          await page.goto(`${server.url}/${host.page}`);
          await consentAndView(page, server.url, host.userId);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        } finally {
          await page.close();
        }
      },
    );
} finally {
  await browser.close();
  await server.stop();
}
console.log(JSON.stringify(results()));
