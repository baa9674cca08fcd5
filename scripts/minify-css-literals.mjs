// Rollup plugin: minifies the CSS inside Lit's css`` templates as the elements' dist/ is built.
// A host's minifier leaves template literals as they are, so without this every stylesheet ships
// with its indentation and comments (about 15 KB of the elements' source). The CSS is minified by
// esbuild, the same tool that compiles the TypeScript; no target is given, so nothing is lowered or
// prefixed, only whitespace and comments go and values are shortened. packages/elements/src/shared/
// styles-minified.test.ts checks that the browser reads each minified stylesheet exactly as the
// source one.
//
// Rules kept so a surprise fails the build instead of shipping wrong styles:
// - a template may hold `${name}` (another stylesheet) only between rules: each piece around it is
//   minified on its own, and a piece that is not a whole list of rules is an esbuild warning;
// - any esbuild warning fails the build;
// - the lines a template took are kept after it, so the source map of the rest of the module holds.
import { transform } from 'esbuild';

const TEMPLATE = /\bcss`((?:[^`\\]|\\[\s\S])*)`/g;
const HOLE = /(\$\{[\w.]+\})/;

async function minifyPiece(css, id) {
  if (css.includes('\\'))
    throw new Error(`${id}: a css\`\` template with a backslash is not minified`);
  if (css.includes('${'))
    throw new Error(`${id}: a css\`\` template may hold \${name} (another stylesheet) only`);
  if (css.trim() === '') return '';
  const { code, warnings } = await transform(css, { loader: 'css', minify: true, charset: 'utf8' });
  if (warnings.length > 0)
    throw new Error(`${id}: esbuild warned minifying a stylesheet: ${warnings[0].text}`);
  return code.trim().replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** The module's source with each css`` template minified, keeping the module's line count. */
export async function minifyCssTemplates(code, id = 'module') {
  const replacements = [];
  for (const match of code.matchAll(TEMPLATE)) {
    const pieces = match[1].split(HOLE);
    const minified = await Promise.all(
      pieces.map((piece, i) => (i % 2 === 1 ? piece : minifyPiece(piece, id))),
    );
    const lines = match[0].split('\n').length - 1;
    replacements.push({
      start: match.index,
      end: match.index + match[0].length,
      text: `css\`${minified.join('')}\`${'\n'.repeat(lines)}`,
    });
  }
  let result = code;
  for (const { start, end, text } of replacements.reverse())
    result = result.slice(0, start) + text + result.slice(end);
  return { code: result, count: replacements.length };
}

export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    async transform(code, id) {
      if (!code.includes('css`')) return null;
      const { code: minified, count } = await minifyCssTemplates(code, id);
      return count === 0 ? null : { code: minified, map: null };
    },
  };
}
