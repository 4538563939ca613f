/**
 * The files formulas and diagrams need next to a deck, copied only when the deck
 * uses them: KaTeX's stylesheet with its WOFF2 fonts (the older formats left out,
 * so the single-file deck stays small), all from node_modules, nothing from a CDN.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const katexDist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');

/** KaTeX's stylesheet, each font by its WOFF2 file only (every browser that runs reveal.js reads WOFF2). */
export async function katexCss(): Promise<string> {
  const css = await readFile(path.join(katexDist, 'katex.min.css'), 'utf8');
  return css.replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
}

/** Writes what the deck's HTML links to: KaTeX when it shows a formula. */
export async function writeRichAssets(outDir: string, html: string): Promise<void> {
  if (!html.includes('assets/katex/katex.css')) return;
  const target = path.join(outDir, 'assets', 'katex');
  await mkdir(path.join(target, 'fonts'), { recursive: true });
  const fonts = (await readdir(path.join(katexDist, 'fonts'))).filter((name) => name.endsWith('.woff2'));
  await Promise.all([
    katexCss().then((css) => writeFile(path.join(target, 'katex.css'), css)),
    ...fonts.map((name) => copyFile(path.join(katexDist, 'fonts', name), path.join(target, 'fonts', name))),
  ]);
}
