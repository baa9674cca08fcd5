#!/usr/bin/env node
// Thin launcher: the sandbox is written in TypeScript and built to dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('dcr-sandbox: not built yet. Run `npm run build` at the repository root first.');
  process.exit(1);
}
await import(cli.href);
