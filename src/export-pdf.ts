/**
 * Prints a built deck to PDF with the build's one browser: slides.pdf through
 * reveal.js's own print view, handout.pdf and notes.pdf through print pages
 * (handout.html, notes.html) that reuse the deck's slide markup and CSS. Every
 * page is offline, closed in a finally, and bounded by a timeout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, PDFOptions as ChromePdfOptions } from 'puppeteer-core';
import { blockRequestsOutside, withPage, type BrowserSession } from './browser.js';
import { BrowserError, ExitCode, firstLine } from './errors.js';
import { type DeckMarkup, marginsFor, type Paper, type PerPage, renderHandout, renderMargins, renderNotes } from './handout.js';
import type { Deck } from './model.js';
import { type Bookmark, finishPdf, type PdfInfo } from './pdf-metadata.js';
import { slideSizeFor } from './layout.js';
import { authorsOf } from './render.js';
import { builtinTemplatesDir } from './templates.js';

import { defaults, type PdfKind } from './config.js';
export type { PdfKind };

export interface PdfOptions {
  /** Which PDFs to make. */
  kinds: PdfKind[];
  /** Slides per handout page; 1 and 2 leave room to write below (portrait) or beside, 3 has lines beside. */
  perPage: PerPage;
  /** Paper for the handout and the notes (slides.pdf is always the slide's own size). */
  paper: Paper;
  landscape: boolean;
  /** No colour at all on any page: for black-and-white printers and photocopies. */
  grayscale: boolean;
  /** Template folders for the print pages (built-in, project, theme); built-in only when absent. */
  templateDirs?: string[];
  /** How long one PDF may take, in ms. */
  timeoutMs?: number;
  /** Told when each PDF is done, e.g. "slides.pdf 1.2 s (30 pages)". */
  onProgress?: (message: string) => void;
}

export const defaultPdfOptions: PdfOptions = {
  kinds: ['slides', 'handout', 'notes'], // all three: projector, class and speaker
  perPage: 3, // the classic handout: three slides with writing lines beside them
  paper: 'a4', // the paper of Indonesia and most of the world (letter: US)
  landscape: false, // portrait suits writing lines beside the slides
  grayscale: false, // colour, as the deck looks
  timeoutMs: defaults.timeout * 1000,
};

export interface PdfResult {
  kind: PdfKind;
  /** Absolute path of the written PDF. */
  file: string;
  pages: number;
  ms: number;
  /** Requests the page tried to make outside the deck folder (all refused); empty for a deck that is truly offline. */
  blocked: string[];
}

/** The order PDFs are made and reported in. */
const KINDS: PdfKind[] = ['slides', 'handout', 'notes'];

/** Prints the requested PDFs of a deck whose index.html and assets are in `dir`. */
export async function exportPdfs(session: BrowserSession, deck: Deck, dir: string, options: PdfOptions): Promise<PdfResult[]> {
  const kinds = KINDS.filter((kind) => options.kinds.includes(kind));
  const timeoutMs = options.timeoutMs ?? defaultPdfOptions.timeoutMs!;
  // The header/footer font: read and encoded once, for the handout and the notes alike.
  const marginFont = kinds.some((kind) => kind !== 'slides') ? headerFont(dir) : Promise.resolve(undefined);
  const job: Job = { session, deck, dir, options, timeoutMs, marginFont };

  // Handout and notes both need the deck's markup: read it once, while slides.pdf prints.
  let markup: Promise<DeckMarkup & { blocked: string[] }> | undefined;
  const readMarkupOnce = () => (markup ??= readDeckMarkup(job));

  // All PDFs print side by side: on two cores about a third faster than one after another (measured).
  const settled = await Promise.allSettled(
    kinds.map(async (kind): Promise<PdfResult> => {
      const started = performance.now();
      const printed = kind === 'slides' ? await printSlides(job) : await printPage(job, kind, await readMarkupOnce());
      const file = path.join(dir, `${kind}.pdf`);
      const { bytes, pages } = await finishPdf(printed.pdf, pdfInfo(deck), kind === 'slides' ? sectionBookmarks(deck) : []);
      await writeFile(file, bytes);
      const ms = Math.round(performance.now() - started);
      options.onProgress?.(`${kind}.pdf ${(ms / 1000).toFixed(1)} s (${pages} ${pages === 1 ? 'page' : 'pages'})`);
      return { kind, file, pages, ms, blocked: printed.blocked };
    }),
  );
  // Every page is closed by now; report the first failure.
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<PdfResult>).value);
}

interface Job {
  session: BrowserSession;
  deck: Deck;
  dir: string;
  options: PdfOptions;
  timeoutMs: number;
  marginFont: Promise<string | undefined>;
}

interface Printed {
  pdf: Uint8Array;
  blocked: string[];
}

/** slides.pdf: reveal.js's print view, one slide a page at the slide's own size, every fragment shown. */
async function printSlides(job: Job): Promise<Printed> {
  const { deck, dir } = job;
  const { width, height } = slideSizeFor(deck.meta.aspect);
  return onPage(job, 'slides.pdf', async (page) => {
    const blocked = await blockRequestsOutside(page, dir);
    await page.setViewport({ width, height });
    // Listen before reveal.js starts: it fires `pdf-ready` once the print layout is done.
    await page.evaluateOnNewDocument(
      "window.__paparanPdfReady = new Promise((resolve) => document.addEventListener('pdf-ready', () => resolve(true), { once: true }));",
    );
    // margin=0: the page is exactly the slide (reveal.js otherwise adds its screen margin to the paper).
    const url = `${pathToFileURL(path.join(dir, 'index.html')).href}?print-pdf&margin=0`;
    await page.goto(url, { waitUntil: 'load', timeout: 0 });
    await page.evaluate('window.__paparanPdfReady');
    // Each slide now sits in a .pdf-page; marked as .slides too, rules for `.slides > section` still
    // reach it (the page keeps its height: reveal's print CSS sets .slides to height: auto).
    await page.evaluate(`for (const sheet of document.querySelectorAll('.reveal .slides > .pdf-page')) {
      sheet.style.setProperty('height', sheet.style.height, 'important');
      sheet.classList.add('slides');
    }`);
    // reveal's print CSS drops the slides' padding and flex layout; print.css gives them back.
    await page.addStyleTag({ url: pathToFileURL(path.join(dir, 'assets', 'print.css')).href });
    await preparePage(page, job.options.grayscale);
    const pdf = await page.pdf({ ...PDF_COMMON, preferCSSPageSize: true });
    return { pdf, blocked };
  });
}

/** handout.pdf or notes.pdf: writes handout.html / notes.html next to index.html and prints it on paper. */
async function printPage(job: Job, kind: 'handout' | 'notes', markup: DeckMarkup & { blocked: string[] }): Promise<Printed> {
  const { deck, dir, options } = job;
  const html =
    kind === 'handout'
      ? renderHandout(deck, markup, { perPage: options.perPage, paper: options.paper, landscape: options.landscape, grayscale: options.grayscale, templateDirs: options.templateDirs })
      : renderNotes(deck, markup, { paper: options.paper, landscape: options.landscape, grayscale: options.grayscale, templateDirs: options.templateDirs });
  const htmlFile = path.join(dir, `${kind}.html`);
  await writeFile(htmlFile, html);
  const margins = renderMargins(deck, options, await job.marginFont);
  const m = marginsFor(options.paper);
  return onPage(job, `${kind}.pdf`, async (page) => {
    const blocked = await blockRequestsOutside(page, dir);
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
    await preparePage(page, options.grayscale);
    const pdf = await page.pdf({
      ...PDF_COMMON,
      format: options.paper,
      landscape: options.landscape,
      displayHeaderFooter: true,
      ...margins,
      margin: { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.side}mm`, right: `${m.side}mm` },
    });
    return { pdf, blocked: [...markup.blocked, ...blocked] };
  });
}

/** Options every PDF shares. */
const PDF_COMMON: ChromePdfOptions = {
  printBackground: true, // slide backgrounds and colours are part of the slide
  tagged: true, // an accessible PDF: screen readers follow headings and lists
  timeout: 0, // onPage's timeout covers the whole PDF, with a message that names it
};

/** Waits until diagrams are drawn and fonts and pictures are in, then greys the page if asked. */
async function preparePage(page: Page, grayscale: boolean): Promise<void> {
  await page.evaluate(
    `Promise.resolve(window.__paparanDiagrams).then(() => document.fonts.ready).then(() => Promise.all([...document.images].map((img) =>
       img.complete ? null : new Promise((resolve) => { img.addEventListener('load', resolve); img.addEventListener('error', resolve); }))))
     .then(() => true)`,
  );
  if (grayscale) await page.evaluate(await grayscaleScript());
}

let grayscaleSource: Promise<string> | undefined;
function grayscaleScript(): Promise<string> {
  return (grayscaleSource ??= readFile(path.join(builtinTemplatesDir, 'print-grayscale.js'), 'utf8'));
}

/** The deck's slide markup and stylesheets, read from index.html as written (scripts off, so reveal.js changes nothing). */
async function readDeckMarkup(job: Job): Promise<DeckMarkup & { blocked: string[] }> {
  const { deck, dir } = job;
  return onPage(job, 'handout and notes (reading index.html)', async (page) => {
    await page.setJavaScriptEnabled(false);
    const blocked = await blockRequestsOutside(page, dir);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href, { waitUntil: 'domcontentloaded', timeout: 0 });
    const markup = (await page.evaluate(`({
      htmlAttributes: [...document.documentElement.attributes].map((a) => [a.name, a.value]),
      styles: [...document.head.querySelectorAll('link[rel~="stylesheet"][href], style')].map((element) => element.outerHTML),
      sections: [...document.querySelectorAll('.reveal .slides > section')].map((section) => section.outerHTML),
    })`)) as DeckMarkup;
    if (markup.sections.length !== deck.slides.length) {
      throw new BrowserError(
        `index.html has ${markup.sections.length} slides where ${deck.slides.length} were planned: ` +
          'a custom layout.hbs must keep each slide a <section> directly inside <div class="slides">',
        { file: deck.file, exitCode: ExitCode.exportFailed },
      );
    }
    return { ...markup, blocked };
  });
}

/** Runs one printing step on its own page within the time limit; any failure becomes a BrowserError naming the essay and the PDF. */
async function onPage<T>(job: Job, what: string, work: (page: Page) => Promise<T>): Promise<T> {
  const { deck, timeoutMs } = job;
  const seconds = Number((timeoutMs / 1000).toFixed(3));
  return withPage(job.session, async (page) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BrowserError(
              `${what}: printing took longer than ${seconds} s and was stopped: check that the deck opens in a browser, ` +
                `or give a big deck on a slow machine more time with --timeout ${Math.max(1, Math.ceil(seconds * 2))}`,
              { file: deck.file, exitCode: ExitCode.exportFailed },
            ),
          ),
        timeoutMs,
      );
    });
    const working = work(page);
    working.catch(() => {}); // after a timeout the page closes under it; that late error is not news
    try {
      return await Promise.race([working, expired]);
    } catch (error) {
      if (error instanceof BrowserError) throw error;
      throw new BrowserError(`${what}: printing failed: ${firstLine(error)}`, { file: deck.file, cause: error, exitCode: ExitCode.exportFailed });
    } finally {
      clearTimeout(timer);
    }
  });
}

/** The essay's details for the PDF's document properties. */
function pdfInfo(deck: Deck): PdfInfo {
  return {
    title: deck.meta.title,
    author: authorsOf(deck),
    subject: deck.meta.description ?? deck.meta.subtitle,
    keywords: deck.meta.keywords,
    lang: deck.lang,
  };
}

/** One bookmark per section divider, opening its page (slides.pdf has one page per slide). */
function sectionBookmarks(deck: Deck): Bookmark[] {
  return deck.slides.flatMap((slide, page) => (slide.kind === 'section' ? [{ title: slide.title, page }] : []));
}

/** The deck's body font as a data: URL, for the header and footer (they cannot load files). */
async function headerFont(dir: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(path.join(dir, 'assets', 'fonts', 'noto-sans-latin-400-normal.woff2'));
    return `data:font/woff2;base64,${bytes.toString('base64')}`;
  } catch {
    return undefined; // a theme without Noto Sans: the margins use a system sans-serif
  }
}


