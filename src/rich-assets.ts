/**
 * The files formulas and diagrams need next to a deck, copied only when the deck
 * uses them: KaTeX's stylesheet with its WOFF2 fonts (the older formats left out,
 * so the single-file deck stays small) and mermaid's browser bundle with the
 * script that draws the diagrams, all from node_modules, nothing from a CDN.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtinTemplatesDir } from './templates.js';

const require = createRequire(import.meta.url);
const katexDist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
const mermaidDist = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist');

/** KaTeX's stylesheet, each font by its WOFF2 file only (every browser that runs reveal.js reads WOFF2). */
export async function katexCss(): Promise<string> {
  const css = await readFile(path.join(katexDist, 'katex.min.css'), 'utf8');
  return css.replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
}

/** Writes what the deck's HTML links to: KaTeX when it shows a formula, mermaid when it shows a diagram. */
export async function writeRichAssets(outDir: string, html: string): Promise<void> {
  await Promise.all([writeKatex(outDir, html), writeMermaid(outDir, html)]);
}

async function writeMermaid(outDir: string, html: string): Promise<void> {
  if (!html.includes('assets/mermaid/mermaid.min.js')) return;
  await mkdir(path.join(outDir, 'assets', 'mermaid'), { recursive: true });
  await Promise.all([
    copyFile(path.join(mermaidDist, 'mermaid.min.js'), path.join(outDir, 'assets', 'mermaid', 'mermaid.min.js')),
    copyFile(path.join(builtinTemplatesDir, 'assets', 'diagrams.js'), path.join(outDir, 'assets', 'diagrams.js')),
  ]);
}

async function writeKatex(outDir: string, html: string): Promise<void> {
  if (!html.includes('assets/katex/katex.css')) return;
  const target = path.join(outDir, 'assets', 'katex');
  await mkdir(path.join(target, 'fonts'), { recursive: true });
  const fonts = (await readdir(path.join(katexDist, 'fonts'))).filter((name) => name.endsWith('.woff2'));
  await Promise.all([
    katexCss().then((css) => writeFile(path.join(target, 'katex.css'), css)),
    ...fonts.map((name) => copyFile(path.join(katexDist, 'fonts', name), path.join(target, 'fonts', name))),
  ]);
}
