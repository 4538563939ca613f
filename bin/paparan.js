#!/usr/bin/env node
// paparan's command. It runs the compiled lib/ only (made by `npm ci`/`npm install` through
// the "prepare" script, or by `npm run compile`): tsx is a development tool, not installed
// with paparan. Working on paparan itself, `npm run paparan`/`npm run build` compile first
// when src/ changed, and `npm run dev` runs the sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(compiled)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  console.error(`paparan: ${fileURLToPath(compiled)} is missing: run \`npm run compile\` (or \`npm ci\`) in ${root}`);
  process.exit(1);
}
const { runCli } = await import(compiled.href);
process.exitCode = await runCli(process.argv.slice(2));
