#!/usr/bin/env node
// Compiles src/ into lib/ when lib/ is missing or older than a source or template, so that working on
// paparan never runs stale code: `npm run build`/`paparan`/`start` and the tests (through
// vitest's global setup) call it first. A stat of each source costs a few ms; compiling (esbuild,
// then tsc for the types) costs about 5 s, hence the check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** What scripts/compile.mjs writes that the command and the package entry need. */
const outputs = ['lib/cli.js', 'lib/index.js', 'lib/index.d.ts', 'lib/templates.precompiled.cjs'].map((file) => path.join(root, file));

/** What lib/ is made from: the sources, the built-in templates (precompiled), the compile settings and script. */
function inputs() {
  const under = (dir) => readdirSync(path.join(root, dir), { recursive: true }).map((name) => path.join(root, dir, String(name)));
  const templates = under('templates').filter((file) => file.endsWith('.hbs'));
  return [path.join(root, 'tsconfig.json'), path.join(root, 'scripts', 'compile.mjs'), ...under('src'), ...templates];
}

/** True when an output is missing or an input changed after lib/ was compiled. */
export function isLibStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const compiledAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return inputs().some((file) => statSync(file).mtimeMs > compiledAt);
}

/** Compiles when lib/ is stale. Type errors are printed but do not stop it (lib/ is still written); returns 1 only when lib/ is still not there. */
export function compileIfStale() {
  if (!isLibStale()) return 0;
  console.error('paparan: src/ or templates/ changed since lib/ was compiled: compiling (node scripts/compile.mjs)');
  spawnSync(process.execPath, [path.join(root, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
  if (!isLibStale()) return 0;
  console.error('paparan: compiling src/ into lib/ failed: see the messages above');
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = compileIfStale();
