// Type-checks the ```ts blocks of the docs against the packages' own types (as a TypeScript host
// would compile them), for test/docs/snippets.test.ts through the docs plugin. Each block is a
// module of its own, as if it were a file beside the docs; only errors in the blocks themselves
// are reported (the packages' own are `npm run typecheck`'s).
import { join } from 'node:path';
import ts from 'typescript';
import { allSnippets } from './doc-snippets.mjs';

const TS_LANGS = new Set(['ts', 'typescript']);

/** `file:line: message` for every type error in a docs ```ts block. */
export function typecheckSnippets(rootDir) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(rootDir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const options = { ...config.options, noEmit: true, types: ['fhir'] };
  const virtual = new Map();
  for (const snippet of allSnippets(rootDir)) {
    if (!TS_LANGS.has(snippet.lang) || snippet.notRun !== undefined) continue;
    // One line less than the fence's, so a block's first line is the fence line + 1.
    virtual.set(join(rootDir, '.doc-snippets', `${snippet.id}.ts`), {
      snippet,
      text: `${snippet.code}\nexport {};\n`,
    });
  }
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) =>
    virtual.has(name)
      ? ts.createSourceFile(name, virtual.get(name).text, language)
      : getSourceFile.call(host, name, language, ...rest);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems = [];
  // Diagnostics of the blocks only: asking for the whole program's would check every package
  // source body too (a minute on a loaded machine), which `npm run typecheck` already does.
  const diagnostics = [...virtual.keys()].flatMap((name) => {
    const file = program.getSourceFile(name);
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  });
  for (const diagnostic of diagnostics) {
    const entry = diagnostic.file && virtual.get(diagnostic.file.fileName);
    if (!entry) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    problems.push(`${entry.snippet.file}:${entry.snippet.line + 1 + line}: ${message}`);
  }
  return { checked: virtual.size, problems };
}
