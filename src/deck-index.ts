/**
 * The page at `/` of the preview server when more than one deck (or none
 * built yet) is served: each deck's title, slide count, link, PDFs and slides.pptx.
 * Titles are content: Handlebars escapes every value.
 */
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pdfKinds } from './config.js';
import { MANIFEST_FILE, PPTX_FILE } from './manifest.js';
import { builtinTemplatesDir } from './templates.js';

/** What the preview knows of one served essay. */
export interface DeckEntry {
  slug: string;
  /** The essay file as the user named it. */
  file: string;
  /** From the last good build. */
  title?: string;
  slides?: number;
  /** The last build's error, when it failed. */
  error?: string;
}

/** The PDFs the deck's manifest marks as not made for this deck (carried over from an earlier build). */
function earlierFiles(dir: string): Set<string> {
  try {
    type Entry = { file: string; current: boolean };
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { pdfs?: Entry[]; pptx?: Entry };
    return new Set([...(manifest.pdfs ?? []), ...(manifest.pptx ? [manifest.pptx] : [])].filter((entry) => entry.current === false).map((entry) => entry.file));
  } catch {
    return new Set(); // no manifest yet, or a deck paparan did not write
  }
}

/** Where the page's stylesheet is served. */
export const deckIndexStylesheet = path.join(builtinTemplatesDir, 'assets', 'deck-index.css');

let template: Handlebars.TemplateDelegate | undefined;

/** The index page of `decks` as served from `root`: a deck links only once built, a PDF only when printed. */
export function renderDeckIndex(root: string, decks: DeckEntry[], stylesheetUrl: string): string {
  template ??= Handlebars.compile(readFileSync(path.join(builtinTemplatesDir, 'deck-index.hbs'), 'utf8'));
  const view = decks.map((deck) => {
    const dir = path.join(root, deck.slug);
    const href = `/${encodeURIComponent(deck.slug)}/`;
    const earlier = earlierFiles(dir);
    return {
      title: deck.title ?? deck.slug,
      file: deck.file,
      href: existsSync(path.join(dir, 'index.html')) ? href : undefined,
      slides: deck.slides === undefined ? undefined : deck.slides === 1 ? '1 slide' : `${deck.slides} slides`,
      // The PDFs and slides.pptx, those that were made; one kept from an earlier build (the preview makes none) says so.
      pdfs: [...pdfKinds.map((kind) => `${kind}.pdf`), PPTX_FILE]
        .filter((name) => existsSync(path.join(dir, name)))
        .map((name) => ({ name, href: `${href}${name}`, earlier: earlier.has(name) })),
      error: deck.error,
    };
  });
  return template({ decks: view, stylesheetUrl });
}
