// After a build: every file each package's `exports` map (and `bin`) names must exist, so a
// published package never points at nothing. Run by .ci/run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const missing = [];
for (const name of ['core', 'elements', 'sandbox']) {
  const dir = join('packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.bin);
  for (const target of targets) if (!existsSync(join(dir, target))) missing.push(join(dir, target));
}
if (missing.length > 0) {
  console.error(`Missing files named by package exports:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log('package exports: every file present');
