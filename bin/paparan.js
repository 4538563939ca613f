#!/usr/bin/env node
// paparan's command. Runs the compiled lib/ (made by `npm install`/`npm ci` through the
// "prepare" script) for a fast start; when src/ is newer than lib/ (a developer editing
// the code), it runs the TypeScript sources through tsx instead, so it is never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const compiled = new URL('lib/cli.js', root);

function isCompiledCurrent() {
  if (!existsSync(compiled)) return false;
  const builtAt = statSync(compiled).mtimeMs;
  const src = new URL('src/', root);
  return readdirSync(src, { recursive: true }).every((name) => statSync(new URL(String(name), src)).mtimeMs <= builtAt);
}

let cli;
if (isCompiledCurrent()) {
  cli = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('src/cli.ts', root).href);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
