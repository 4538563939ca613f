/**
 * `paparan themes --preview`: builds a sample essay with each theme, photographs
 * its title, section, content and references slides in one headless browser,
 * and writes the PNGs and an index.html that shows them side by side.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockRequestsOutside, startBrowser, withPage, type BrowserSession } from './browser.js';
import { buildEssay } from './build.js';
import { BrowserError, ExitCode, type Diagnostic } from './errors.js';
import { builtinTemplatesDir, loadTemplates } from './templates.js';
import { checkContrast, listThemes, minimumContrast, type Theme } from './themes.js';
import { version } from './version.js';

/** The essay the gallery shows unless another is named: short, with every kind of slide. */
export const gallerySample = path.join(builtinTemplatesDir, 'gallery-sample.md');

/** The slides photographed for each theme, in the order shown. */
export const galleryShots = ['title', 'section', 'content', 'references'] as const;
export type GalleryShot = (typeof galleryShots)[number];

export interface GalleryOptions {
  /** Folder whose themes/ is listed and whose templates/ overrides apply. */
  projectDir: string;
  /** Where the PNGs and index.html go (the CLI's default: dist/themes). */
  outDir: string;
  /** Theme names or folders; all the project's and built-in themes when absent. */
  themes?: string[];
  /** The essay to show; the built-in sample when absent. */
  essay?: string;
  /** A browser executable instead of the one found automatically. */
  browser?: string;
}

export interface GalleryTheme {
  name: string;
  title: string;
  description: string;
  builtin: boolean;
  extends?: string;
  /** PNG files written, relative to outDir. */
  shots: { kind: GalleryShot; file: string }[];
  /** The lowest contrast among the theme's text/background pairs. */
  minContrast: number;
  /** Build warnings (for a user theme: contrast and size problems). */
  diagnostics: Diagnostic[];
}

export interface GalleryResult {
  /** The gallery page. */
  index: string;
  themes: GalleryTheme[];
}

/** Builds the sample deck with each theme and writes `<outDir>/<theme>-<slide>.png` and `<outDir>/index.html`. */
export async function renderThemeGallery(options: GalleryOptions): Promise<GalleryResult> {
  const names = options.themes?.length ? options.themes : listThemes(options.projectDir);
  const essay = options.essay ?? gallerySample;
  const work = await mkdtemp(path.join(os.tmpdir(), 'paparan-gallery-'));
  let session: BrowserSession | undefined;
  try {
    // Build every deck first: a broken theme fails before a browser is started.
    const decks: { theme: Theme; dir: string; diagnostics: Diagnostic[] }[] = [];
    for (const [i, name] of names.entries()) {
      let theme: Theme | undefined;
      const result = await buildEssay(essay, {
        outDir: path.join(work, String(i)),
        projectDir: options.projectDir,
        cli: { theme: name },
        afterWrite: async (staged) => {
          theme = staged.compiled.theme;
        },
      });
      if (!result.ok) throw result.error;
      decks.push({ theme: theme!, dir: result.outDir, diagnostics: result.diagnostics });
    }
    await mkdir(options.outDir, { recursive: true });
    session = await startBrowser({ executablePath: options.browser });
    const themes: GalleryTheme[] = [];
    for (const deck of decks) {
      const shots = await photographDeck(session, deck.dir, options.outDir, deck.theme.name);
      themes.push({
        name: deck.theme.name,
        title: deck.theme.title,
        description: deck.theme.description,
        builtin: deck.theme.builtin,
        extends: deck.theme.chain.at(-1)!.config.extends,
        shots,
        minContrast: Math.min(...checkContrast(deck.theme).map((c) => c.ratio)),
        diagnostics: deck.diagnostics,
      });
    }
    const index = path.join(options.outDir, 'index.html');
    await writeFile(index, renderGalleryPage(themes));
    return { index, themes };
  } finally {
    await session?.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Opens one deck offline and screenshots the first slide of each kind in `galleryShots`. */
async function photographDeck(session: BrowserSession, deckDir: string, outDir: string, name: string): Promise<GalleryTheme['shots']> {
  return withPage(session, async (page) => {
    const blocked = await blockRequestsOutside(page, deckDir);
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: 15_000 });
    // The slide fills the picture, with no transition caught half-way and no navigation arrows.
    await page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { configure(o: object): void } }).Reveal;
      reveal.configure({ margin: 0, transition: 'none', backgroundTransition: 'none', controls: false, progress: false });
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const kinds = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section')).map((s) => s.dataset.kind ?? ''));
    const shots: GalleryTheme['shots'] = [];
    for (const kind of galleryShots) {
      const index = kinds.indexOf(kind);
      if (index < 0) continue;
      await page.evaluate((n) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(n), index);
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll<HTMLImageElement>('.reveal .present img')).every((img) => img.complete) && document.fonts.status === 'loaded',
        { timeout: 10_000 },
      );
      const file = `${name}-${kind}.png`;
      await page.screenshot({ path: path.join(outDir, file), type: 'png' });
      shots.push({ kind, file });
    }
    if (blocked.length) {
      throw new BrowserError(`the "${name}" theme's deck asked for files outside its folder: ${blocked.slice(0, 3).join(', ')}`, { exitCode: ExitCode.exportFailed });
    }
    return shots;
  });
}

/** The gallery's index.html (templates/gallery.hbs). */
export function renderGalleryPage(themes: GalleryTheme[]): string {
  const template = loadTemplates([builtinTemplatesDir], 'gallery').layout;
  return template({
    version,
    minimumContrast,
    themes: themes.map((t) => ({
      ...t,
      minContrast: t.minContrast.toFixed(1),
      passes: t.minContrast >= minimumContrast,
      warnings: t.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message),
    })),
  });
}
