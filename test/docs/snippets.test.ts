// Every code block in the documentation runs (issue 12: "every code snippet in the docs is executed
// by a test"). The test server (scripts/docs-plugin.mjs) finds README.md, CHANGELOG.md and every
// docs/**/*.md, and serves each block: ```ts and ```js blocks are imported as modules (against the
// sandbox on this origin at /fhir/r4 and /fhir/gpconnect), ```html blocks are put in the page with
// their scripts imported in order, ```css blocks are parsed. A block preceded by
// `<!-- not-run: reason -->` is skipped, with its reason printed; blocks in other languages (sh,
// json, mermaid, http) are not code to run. A snippet fails on a thrown error, a rejected
// top-level await, or any console error or warning (test-support); ```ts blocks are also
// type-checked against the packages' own types (scripts/typecheck-snippets.mjs).
import '@dcr-elements/test-support';
import type { CareRecordSession } from '@dcr-elements/core';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface Snippet {
  id: string;
  file: string;
  line: number;
  lang: string;
  code: string;
  notRun?: string;
  scripts: ({ src: string } | { code: string })[];
}

const RUN = new Set(['ts', 'typescript', 'js', 'javascript', 'html', 'css']);
const snippets = (await (await fetch('/__docs/snippets.json')).json()) as Snippet[];
const toRun = snippets.filter((s) => RUN.has(s.lang) && s.notRun === undefined);
const notRun = snippets.filter((s) => RUN.has(s.lang) && s.notRun !== undefined);
console.log(
  `doc snippets: ${toRun.length} run, ${notRun.length} marked not-run, ` +
    `${snippets.length - toRun.length - notRun.length} in other languages (not code to run), ` +
    `in ${new Set(snippets.map((s) => s.file)).size} files`,
);
for (const s of notRun) console.log(`  not run: ${s.file}:${s.line} (${s.notRun})`);

/** Runs one HTML snippet: its markup in the page, then its scripts as modules, in order. */
async function runHtml(snippet: Snippet): Promise<void> {
  const template = document.createElement('template');
  template.innerHTML = snippet.code;
  for (const script of template.content.querySelectorAll('script')) script.remove();
  document.body.append(template.content);
  for (const [index, script] of snippet.scripts.entries()) {
    if ('src' in script) {
      await import(new URL(script.src, new URL(`/${snippet.file}`, location.href)).href);
    } else {
      await import(`/__docs/snippet/${snippet.id}-s${index}.js`);
    }
  }
}

async function run(snippet: Snippet): Promise<void> {
  if (snippet.lang === 'css') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(snippet.code);
    expect(sheet.cssRules.length, 'CSS rules parsed').to.be.greaterThan(0);
  } else if (snippet.lang === 'html') {
    await runHtml(snippet);
  } else {
    const ext = snippet.lang.startsWith('t') ? 'ts' : 'js';
    await import(`/__docs/snippet/${snippet.id}.${ext}`);
  }
  // What a snippet renders settles before the console is checked (test-support's afterEach).
  await new Promise((resolve) => setTimeout(resolve, 50));
  // An example whose viewer or patient the session refuses as input is a broken example.
  for (const element of document.body.querySelectorAll('*')) {
    const session = (element as { session?: CareRecordSession }).session;
    if (element.localName.startsWith('dcr-') && session?.state === 'no-context') {
      expect(session.stateReason, `<${element.localName}>'s session refused its input`).to.equal(
        undefined,
      );
    }
  }
}

describe('documentation snippets', () => {
  let present: Set<Node>;
  beforeEach(() => {
    present = new Set(document.body.childNodes);
  });
  afterEach(() => {
    for (const node of [...document.body.childNodes]) if (!present.has(node)) node.remove();
  });

  it('finds the documentation', () => {
    expect(snippets.some((s) => s.file === 'README.md')).to.equal(true);
    expect(toRun.length).to.be.greaterThan(0);
  });

  it('type-checks every ```ts block against the packages’ types', async function () {
    this.timeout(180_000); // compiling the packages' types takes a while on a loaded machine
    const { checked, problems } = (await executeServerCommand('dcr-typecheck-snippets')) as {
      checked: number;
      problems: string[];
    };
    console.log(`doc snippets: ${checked} TypeScript blocks type-checked`);
    expect(problems).to.deep.equal([]);
  });

  for (const snippet of toRun) {
    it(`${snippet.file}:${snippet.line} (${snippet.lang})`, async () => {
      await run(snippet);
    });
  }
});
