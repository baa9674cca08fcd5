// The code blocks of the documentation, so a browser test can run every one of them
// (test/docs/snippets.test.ts). Files are discovered, not listed: README.md, CHANGELOG.md and
// every Markdown file under docs/, so a page added later is covered without a change here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Languages whose blocks are executed (modules) or parsed (CSS). Every other block is not code to run. */
export const RUN_LANGUAGES = new Set(['ts', 'typescript', 'js', 'javascript', 'html', 'css']);

/** `<!-- not-run: reason -->` on the line before a fence (blank lines between are allowed). */
const NOT_RUN = /^\s*<!--\s*not-run:\s*(.+?)\s*-->\s*$/;
/**
 * `<!-- embed: path -->` before a fence: the block is that file of an example host, copied
 * verbatim; scripts/hosts-test.mjs checks the copy, and it or scripts/packaging-test.mjs runs the file.
 */
const EMBED = /^\s*<!--\s*embed:\s*(\S+)\s*-->\s*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([\w-]*)/;

/** Every Markdown file the snippet test reads, relative to the repository root, sorted. */
export function docFiles(rootDir) {
  const files = ['README.md', 'CHANGELOG.md'].filter((name) => existsSync(join(rootDir, name)));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md'))
        files.push(relative(rootDir, path).split('\\').join('/'));
    }
  };
  walk(join(rootDir, 'docs'));
  return files.sort();
}

/**
 * The fenced blocks of one Markdown text: `{ line, lang, code, notRun? }`, `line` 1-based (the
 * fence's own line), `notRun` the reason given by a `<!-- not-run: reason -->` marker, or the
 * file an `<!-- embed: path -->` marker says the block copies (run by the host tests instead).
 */
export function extractSnippets(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j].trimStart();
      if (close.startsWith(fence) && close.slice(fence.length).trim() === '') break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const marker = k >= 0 ? NOT_RUN.exec(lines[k]) : null;
    const embed = k >= 0 ? EMBED.exec(lines[k]) : null;
    const notRun = marker
      ? marker[1]
      : embed && `${embed[1]}, copied verbatim: checked and run by the host and packaging tests`;
    blocks.push({
      line: i + 1,
      lang: lang.toLowerCase(),
      code: body.join('\n'),
      ...(notRun && { notRun }),
    });
    i = j;
  }
  return blocks;
}

/** Inline module scripts of an HTML snippet, in order: `{ src }` or `{ code }`. */
export function htmlScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(match[1]);
    scripts.push(src ? { src: src[1] } : { code: match[2] });
  }
  return scripts;
}

/** Every snippet of every doc file, with a stable id the test server serves it under. */
export function allSnippets(rootDir) {
  const snippets = [];
  for (const file of docFiles(rootDir)) {
    const markdown = readFileSync(join(rootDir, file), 'utf8');
    for (const block of extractSnippets(markdown)) {
      const id = `${file.replace(/[^\w]+/g, '-')}-L${block.line}`;
      const scripts = block.lang === 'html' ? htmlScripts(block.code) : [];
      snippets.push({ id, file, ...block, scripts });
    }
  }
  return snippets;
}
