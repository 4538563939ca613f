#!/usr/bin/env node
// Compiles src/ into lib/ when lib/ is missing or older than a source, so that working on
// paparan never runs stale code: `npm run build`/`paparan`/`start` and the tests (through
// vitest's global setup) call it first. A stat of each source costs a few ms; `tsc -p .`
// costs about 4 s, and 1.5 s even incremental with nothing to do (measured), hence the check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** What tsc writes that the command and the package entry need. */
const outputs = ['lib/cli.js', 'lib/index.js', 'lib/index.d.ts'].map((file) => path.join(root, file));

/** True when an output is missing or a file in src/ (or tsconfig.json) changed after lib/ was compiled. */
export function isLibStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const compiledAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const src = path.join(root, 'src');
  const inputs = [path.join(root, 'tsconfig.json'), ...readdirSync(src, { recursive: true }).map((name) => path.join(src, String(name)))];
  return inputs.some((file) => statSync(file).mtimeMs > compiledAt);
}

/** Runs `tsc -p .` when lib/ is stale. Type errors are printed but do not stop it (tsc still writes lib/); returns 1 only when lib/ is still not there. */
export function compileIfStale() {
  if (!isLibStale()) return 0;
  console.error('paparan: src/ changed since lib/ was compiled: compiling (tsc -p .)');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  spawnSync(process.execPath, [tsc, '-p', root], { stdio: 'inherit' });
  if (!isLibStale()) return 0;
  console.error('paparan: compiling src/ into lib/ failed: see the messages above');
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = compileIfStale();
