// `npm pack` of each publishable package (core, elements) into `dir`, under names without the
// version (dcr-elements-core.tgz, dcr-elements-elements.tgz), so a package.json can name them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PUBLISHED = ['core', 'elements'];

export function packPackages(dir) {
  mkdirSync(dir, { recursive: true });
  const tarballs = {};
  for (const name of PUBLISHED) {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(dir)], {
        cwd: join('packages', name),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    tarballs[name] = join(resolve(dir), `dcr-elements-${name}.tgz`);
    renameSync(join(resolve(dir), packed.filename), tarballs[name]);
    tarballs[`${name}Files`] = packed.files.map((f) => f.path);
  }
  return tarballs;
}
