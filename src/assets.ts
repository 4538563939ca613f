/**
 * Copies what a deck needs to run offline next to its index.html: reveal.js
 * and its notes plugin, the fonts, paparan's CSS (screen and print) and start-up script, the
 * theme and the essay's images. Nothing is loaded from a network.
 */
import { copyFile, cp, lstat, mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isWithin } from './paths.js';
import { builtinTemplatesDir } from './templates.js';
import type { Theme } from './themes.js';

const require = createRequire(import.meta.url);
const revealDist = path.dirname(require.resolve('reveal.js'));
const fontFiles = path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');

/** The Noto Sans files the themes use: Latin and Latin Extended (Indonesian, English, European names). */
const fonts = ['latin', 'latin-ext'].flatMap((subset) =>
  ['400-normal', '700-normal', '400-italic', '700-italic'].map((style) => `noto-sans-${subset}-${style}.woff2`),
);

/** Every file copied into a deck folder, as [source, destination relative to the deck]. */
export function deckAssetList(theme: Theme): [string, string][] {
  return [
    [path.join(revealDist, 'reveal.css'), 'assets/reveal/reveal.css'],
    [path.join(revealDist, 'reveal.js'), 'assets/reveal/reveal.js'],
    [path.join(revealDist, 'plugin', 'notes.js'), 'assets/reveal/plugin/notes.js'],
    [path.join(builtinTemplatesDir, 'assets', 'paparan.css'), 'assets/paparan.css'],
    // For handout.html, notes.html and reveal.js's print view (see src/export-pdf.ts).
    [path.join(builtinTemplatesDir, 'assets', 'print.css'), 'assets/print.css'],
    [path.join(builtinTemplatesDir, 'assets', 'deck.js'), 'assets/deck.js'],
    // Formulas, code, charts and diagrams (KaTeX's own files come with src/rich-assets.ts).
    [path.join(builtinTemplatesDir, 'assets', 'rich.css'), 'assets/rich.css'],
    ...fonts.map((name): [string, string] => [path.join(fontFiles, name), `assets/fonts/${name}`]),
    // Each theme of the chain (its folder and font files) under assets/themes/; see src/themes.ts.
    ...theme.copies,
  ];
}

/** Copies the deck's runtime files and the given images into `outDir`. */
export async function copyDeckAssets(outDir: string, theme: Theme, images: { from: string; to: string }[]): Promise<void> {
  const copies = [...deckAssetList(theme), ...images.map((i): [string, string] => [i.from, i.to])];
  // Theme folders first: files (a theme's fonts) may be copied into them.
  const themeDirs = new Set(theme.chain.map((layer) => layer.dir));
  // Only what the deck loads: not the theme's templates (used at build time), settings, dotfiles or packages.
  const deckFile = async (from: string, source: string) => {
    const top = path.relative(from, source).split(path.sep)[0] ?? '';
    if (top.startsWith('.') || ['templates', 'node_modules', 'theme.json', 'theme.yaml', 'theme.yml'].includes(top)) return false;
    return source === from || !(await lstat(source)).isSymbolicLink() || linkStaysInside(source, from);
  };
  await Promise.all(
    copies
      .filter(([from]) => themeDirs.has(from))
      .map(([from, to]) => cp(from, path.join(outDir, to), { recursive: true, dereference: true, filter: (source) => deckFile(from, source) })),
  );
  await Promise.all(
    copies
      .filter(([from]) => !themeDirs.has(from))
      .map(async ([from, to]) => {
        const target = path.join(outDir, to);
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(from, target);
      }),
  );
  // The CSS made from theme.json settings, written after the folders it sits in are copied.
  await Promise.all(theme.generated.map(([to, css]) => mkdir(path.dirname(path.join(outDir, to)), { recursive: true }).then(() => writeFile(path.join(outDir, to), css))));
}

/**
 * A link in a theme folder is copied as what it leads to only when that stays inside the theme: never
 * /etc/passwd, never a folder holding the link itself (which would copy forever). Broken links are left out.
 */
async function linkStaysInside(link: string, themeDir: string): Promise<boolean> {
  try {
    const [target, realTheme] = await Promise.all([realpath(link), realpath(themeDir)]);
    if (!isWithin(target, realTheme)) return false;
    return (await stat(target)).isFile() || !isWithin(await realpath(path.dirname(link)), target);
  } catch {
    return false;
  }
}
