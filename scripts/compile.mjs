#!/usr/bin/env node
// Compiles src/ into lib/ (`npm run compile`, and "prepare" on `npm ci`):
//  - esbuild bundles the code from src/cli.ts and src/index.ts, with the packages it uses at every
//    build, into a few files: Node then reads a handful of files instead of ~80 of ours and ~120 of
//    the packages' (zod alone is 95), which was most of `paparan build --no-pdf`'s time (issue 13).
//    What only some commands or essays need stays in chunks of its own, loaded when needed;
//  - the built-in Handlebars templates are precompiled into lib/templates.precompiled.cjs, which
//    src/templates.ts uses for a template whose text is the same (compiling them at every build
//    took ~40 ms);
//  - tsc type-checks and writes the type declarations (lib/*.d.ts) for the package entry.
// Every chunk sits directly in lib/, where tsc put each module, so the paths src/ computes from
// import.meta.url (../templates, ../themes, ../package.json) still resolve.
// Exits non-zero on a type error, after writing lib/ all the same (as tsc did alone).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const lib = path.join(root, 'lib');

/**
 * Packages left out of the bundle, loaded from node_modules when used: large ones that only some
 * commands or essays need (PDF writing, Word import, PowerPoint, diagrams), so that bundling does not
 * put megabytes into lib/ for nothing, and css-tree, which reads its data files
 * by paths relative to its own modules (a package that does so must stay out). (katex, citation-js, culori, css-tree and
 * highlight.js's languages are loaded through createRequire where used, so esbuild leaves them out too.)
 */
// puppeteer-core is bundled: every build with PDFs (the default) loads it, as some 300 ES modules that take
// 0.15 s to read and link, 0.07 s as chunks of the bundle (measured); src/browser-connect.ts takes only its CDP connector
// (0.7 MB, not the 2.5 MB of its main entry with the launcher and browser downloader a build never uses).
export const external = ['mermaid', 'pdf-lib', 'pptxgenjs', 'mammoth', 'jszip', 'css-tree'];

/**
 * sanitize-html loads postcss (and source-map-js, 250 KB) as it starts, only to parse style
 * attributes, which only an essay with `allowHtml` keeps: in the bundle, sanitize-html gets a
 * postcss that loads the real one from node_modules at the first style attribute.
 */
const lazyPostcss = {
  name: 'lazy-postcss',
  setup(build) {
    build.onResolve({ filter: /^postcss$/ }, ({ importer, namespace }) => {
      if (namespace === 'lazy-postcss') return { path: 'postcss', external: true };
      return /[\\/]sanitize-html[\\/]/.test(importer) ? { path: 'postcss', namespace: 'lazy-postcss' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-postcss' }, () => ({
      contents: "module.exports = { parse: (...args) => require('postcss').parse(...args) };",
      loader: 'js',
    }));
  },
};

/** Bundles src/ into lib/ with esbuild; throws on a syntax error. */
export async function bundle() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts', 'src/index.ts'],
    outdir: lib,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    plugins: [lazyPostcss],
    // No source maps: the bundle is not minified and names each module it holds (`// src/build.ts`),
    // so a stack trace reads as it is; maps of the packages' code would point to files they do not ship.
    // CommonJS packages in the bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __paparanRequire } from 'node:module'; const require = __paparanRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** Precompiles the built-in templates with src/templates.ts's own function (through tsx, a dev dependency like esbuild). */
export async function precompile() {
  const { tsImport } = await import('tsx/esm/api');
  const { precompileTemplates } = await tsImport('../src/templates.ts', import.meta.url);
  writeFileSync(path.join(lib, 'templates.precompiled.cjs'), precompileTemplates());
}

/** Type-checks src/ and writes lib/'s type declarations; returns tsc's exit status. */
export function declarations() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return spawnSync(process.execPath, [tsc, '-p', root, '--emitDeclarationOnly'], { stdio: 'inherit' }).status ?? 1;
}

/** Rebuilds lib/ from nothing (no chunk of an earlier build is left behind); returns the exit status. */
export async function compile() {
  rmSync(lib, { recursive: true, force: true });
  await bundle();
  await precompile();
  return declarations();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await compile();
