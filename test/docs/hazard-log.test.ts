// docs/hazard-log.md cites, for each control, the file that implements it and the test that proves
// it (`file` › “test name”). Every cited file must exist and every cited test name must be in its
// file, so a test renamed, moved or deleted fails here until the hazard log says what proves the
// control now.
import '@dcr-elements/test-support';
import { expect } from '@open-wc/testing';

const raw = async (path: string): Promise<string | undefined> => {
  const response = await fetch(`/__docs/raw?path=${encodeURIComponent(path)}`);
  return response.ok ? response.text() : undefined;
};

describe('hazard log (docs/hazard-log.md)', () => {
  it('cites files that exist and test names that are in their files', async () => {
    const log = (await raw('docs/hazard-log.md'))!;
    const cited = [...log.matchAll(/`([\w./-]+\.test\.ts)` › “([^”]+)”/g)].map(
      ([, file, name]) => ({
        file: file!,
        name: name!,
      }),
    );
    const files = new Set(
      [...log.matchAll(/`((?:packages|test)\/[\w./-]+\.ts)`/g)].map((m) => m[1]!),
    );
    expect(cited.length, 'cited tests').to.be.greaterThan(60);
    const problems: string[] = [];
    for (const file of files) if ((await raw(file)) === undefined) problems.push(`no file ${file}`);
    for (const { file, name } of cited) {
      const text = await raw(file);
      if (text !== undefined && !text.includes(name)) problems.push(`no test “${name}” in ${file}`);
    }
    console.log(`hazard log: ${cited.length} cited tests in ${files.size} files checked`);
    expect(problems).to.deep.equal([]);
  });

  it('gives every hazard a control and a test', async () => {
    const log = (await raw('docs/hazard-log.md'))!;
    const rows = log.split('\n').filter((line) => /^\| H\d+ /.test(line));
    expect(rows.length).to.be.greaterThan(30);
    for (const row of rows) {
      const evidence = row.split(' | ').at(-1)!;
      expect(evidence, row.slice(0, 12)).to.match(/\.test\.ts` › “/);
    }
  });
});
