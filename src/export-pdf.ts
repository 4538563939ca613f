/**
 * Prints a built deck to PDF with the build's one browser. Chrome lays the
 * slides out once, one a page at the slide's own size, from the deck's own
 * slide markup and CSS, with no script to run (print-slides.hbs): that is
 * slides.pdf. handout.pdf and notes.pdf are paper pages (handout.hbs,
 * notes.hbs) that Chrome prints next, in the same tab, with an empty slot in
 * each slide's frame; the printed slides are then drawn into the slots as
 * vectors (compose-pdf.ts). handout.html and notes.html, the same pages with
 * the slides in them, are written next to index.html for printing from a
 * browser. Every page is offline, closed in a finally, and bounded by a timeout.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocument } from './pdf-lib.js';
import type { Page, PDFOptions as ChromePdfOptions } from 'puppeteer-core';
import { blockRequestsOutside, withPage, type BrowserSession } from './browser.js';
import type { SlideForms } from './compose-pdf.js';
import { type DeckPage, readDeckPage } from './deck-markup.js';
import { BrowserError, ExitCode, firstLine } from './errors.js';
import { type MarginTemplates, marginsFor, type Paper, type PerPage, renderHandout, renderMargins, renderNotes, renderSlidePages } from './handout.js';
import { labelsFor } from './language.js';
import type { Deck } from './model.js';
import type { Bookmark, PdfInfo } from './pdf-metadata.js';
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
  /**
   * Told once, as soon as the browser has printed its last page (or failed to), before the PDFs are composed and
   * written: the browser may be closed then, and the tab with it.
   */
  onPrinted?: () => void;
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

type PaperKind = Exclude<PdfKind, 'slides'>;

/**
 * pdf-lib and the code that composes and finishes the PDFs with it: half a megabyte of JavaScript, loaded while
 * Chrome prints the first page. Loaded before, it held that page up by some 30 ms (issue 13).
 */
let pdfTools: Promise<[typeof import('./compose-pdf.js'), typeof import('./pdf-metadata.js')]> | undefined;
function loadPdfTools() {
  return (pdfTools ??= Promise.all([import('./compose-pdf.js'), import('./pdf-metadata.js')]));
}

/** Prints the requested PDFs of a deck whose index.html and assets are in `dir`. */
export async function exportPdfs(session: BrowserSession, deck: Deck, dir: string, options: PdfOptions): Promise<PdfResult[]> {
  const started = performance.now();
  const kinds = KINDS.filter((kind) => options.kinds.includes(kind));
  const paperKinds = kinds.filter((kind): kind is PaperKind => kind !== 'slides');
  const timeoutMs = options.timeoutMs ?? defaultPdfOptions.timeoutMs!;
  // The header/footer font: read and encoded once, for the handout and the notes alike.
  const marginFont = paperKinds.length > 0 ? headerFont(dir) : Promise.resolve(undefined);
  const job: Job = { session, deck, dir, options, timeoutMs, marginFont };
  // The deck's markup, read once (no browser page) for every print page.
  const deckPage = readDeckPage(dir, { file: deck.file, slides: deck.slides.length });
  deckPage.catch(() => {}); // reported through the prints that wait for it

  const results: PdfResult[] = [];
  const finish = async (kind: PdfKind, doc: PDFDocument, bookmarks: Bookmark[], blocked: string[], yielding = false) => {
    const [, { describePdf, savePdf }] = await loadPdfTools();
    const pages = describePdf(doc, pdfInfo(deck), bookmarks);
    const file = path.join(dir, `${kind}.pdf`);
    await writeFile(file, await savePdf(doc, yielding));
    const ms = Math.round(performance.now() - started);
    options.onProgress?.(`${kind}.pdf ${(ms / 1000).toFixed(1)} s (${pages} ${pages === 1 ? 'page' : 'pages'})`);
    results.push({ kind, file, pages, ms, blocked });
  };
  /** Node's share of the work, done while the tab prints the next page: awaited, whatever happens, before returning. */
  const pending: Promise<unknown>[] = [];
  const meanwhile = <T>(work: Promise<T>): Promise<T> => {
    pending.push(work);
    work.catch(() => {}); // reported below, once the tab is closed
    return work;
  };
  /**
   * A printed PDF read by pdf-lib: after the tab has asked for its next page (a turn of the event loop later),
   * and pausing now and then, so that the tab is not kept waiting.
   */
  const read = (printed: Printed) =>
    meanwhile(
      new Promise((next) => setImmediate(next))
        .then(loadPdfTools)
        .then(([, { loadPdf }]) => loadPdf(printed.pdf, true))
        .then((doc) => ({ doc, blocked: printed.blocked })),
    );
  const printFiles: string[] = [];
  let toldPrinted = false;
  const printedAll = () => {
    if (toldPrinted) return;
    toldPrinted = true;
    options.onPrinted?.();
  };

  // One tab, one page after another (a second tab side by side gains next to nothing on two cores, measured, and
  // costs memory): the slides first, laid out once, so that slides.pdf is written while the paper pages print, and
  // each paper PDF composed as soon as it is printed, while the next one prints.
  const printing = onTab(job, async (tab) => {
    const page = await deckPage;
    const forPaper = `${paperKinds.map((kind) => `${kind}.pdf`).join(' and ')} (the slides)`;
    // What the tab prints after the first page, written while Chrome prints that page (before, the first page
    // would wait for it): the paper pages, and the slides again when paper shows them otherwise.
    let rest: { paperSlides?: Promise<string>; paperPages: ReturnType<typeof writePaper>[] } | undefined;
    const prepareRest = () => {
      if (rest) return rest;
      void loadPdfTools().catch(() => {}); // a failure to load is reported where the tools are used
      const paperSlides = paperKinds.length > 0 && (page.paperStyles || !kinds.includes('slides')) ? meanwhile(writeSlidePages(job, page, page.paperStyles ? 'paper' : 'screen', printFiles)) : undefined;
      return (rest = { paperSlides, paperPages: paperKinds.map((kind) => meanwhile(writePaper(job, kind, page, printFiles))) });
    };
    let source: ReturnType<typeof read> | undefined;
    let slidesSaved: Promise<unknown> = Promise.resolve();
    if (kinds.includes('slides')) {
      const slides = read(await printSlidePages(tab, job, await writeSlidePages(job, page, 'screen', printFiles), 'slides.pdf', prepareRest));
      slidesSaved = meanwhile(slides.then(({ doc, blocked }) => finish('slides', doc, sectionBookmarks(deck), blocked, true)));
      // What the paper's frames show: slides.pdf's pages, unless the theme styles slides on paper otherwise (print colours, print CSS).
      if (!page.paperStyles) source = slides;
    }
    if (paperKinds.length === 0) return printedAll();
    const { paperSlides, paperPages } = prepareRest();
    source ??= read(await printSlidePages(tab, job, await paperSlides!, forPaper));
    // slides.pdf is saved before its pages are drawn from.
    const forms = meanwhile(Promise.all([source, slidesSaved, loadPdfTools()]).then(([{ doc, blocked }, , [{ slideForms }]]) => ({ forms: slideFormsOf(doc, deck, slideForms), blocked })));
    const label = labelsFor(deck.lang).slide;
    for (const [i, kind] of paperKinds.entries()) {
      const printed = read(await printPaper(tab, job, kind, await paperPages[i]!));
      if (i === paperKinds.length - 1) printedAll();
      meanwhile(
        Promise.all([printed, forms, loadPdfTools()]).then(async ([{ doc, blocked }, slides, [{ composeSlides }]]) => {
          try {
            composeSlides(doc, slides.forms, (n) => `${label} ${n}: ${page.texts[n - 1] ?? ''}`.trim());
          } catch (error) {
            throw new BrowserError(`${kind}.pdf: placing the slides on the pages failed: ${firstLine(error)}`, { file: deck.file, cause: error, exitCode: ExitCode.exportFailed });
          }
          // What the slides' page could not load, the slides on paper lack too.
          await finish(kind, doc, [], [...slides.blocked, ...blocked]);
        }),
      );
    }
  });
  // The tab is closed by now (or went with the browser); once Node's work is done too, report the first failure.
  const printed = await Promise.allSettled([printing]);
  printedAll();
  const settled = [...printed, ...(await Promise.allSettled(pending))];
  await Promise.all(printFiles.map((file) => rm(file, { force: true })));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

/** The printed slides, ready to draw; one printed page per planned slide, or the layout lost a slide. */
function slideFormsOf(doc: PDFDocument, deck: Deck, slideForms: (doc: PDFDocument) => SlideForms): SlideForms {
  if (doc.getPageCount() !== deck.slides.length) {
    throw new BrowserError(
      `the slides printed as ${doc.getPageCount()} pages where ${deck.slides.length} slides were planned: ` +
        'a custom layout.hbs must keep each slide a <section> directly inside <div class="slides">',
      { file: deck.file, exitCode: ExitCode.exportFailed },
    );
  }
  return slideForms(doc);
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

/**
 * Writes the page of the slides one a page at the slide's own size, every fragment shown: as projected (`screen`,
 * slides.pdf), or as on paper (`paper`). A file beside index.html (listed in `printFiles`, removed after).
 */
async function writeSlidePages(job: Job, deckPage: DeckPage, look: 'paper' | 'screen', printFiles: string[]): Promise<string> {
  const { deck, dir, options } = job;
  const printFile = path.join(dir, `.slides-${look}.print.html`);
  printFiles.push(printFile);
  await writeFile(printFile, renderSlidePages(deck, deckPage, { grayscale: options.grayscale, look }));
  return printFile;
}

/** Prints a page written by writeSlidePages; `whilePrinting` runs once Chrome has the page and is asked to print it. */
async function printSlidePages(tab: Tab, job: Job, printFile: string, what: string, whilePrinting?: () => void): Promise<Printed> {
  const { options } = job;
  return step(tab, job, what, async (page) => {
    await page.goto(pathToFileURL(printFile).href, { waitUntil: 'load', timeout: 0 });
    await preparePage(page, options.grayscale);
    const pdf = page.pdf({ ...PDF_COMMON, preferCSSPageSize: true });
    whilePrinting?.();
    return pdf;
  });
}

/**
 * Writes handout.html or notes.html (the real slides in the frames, for printing from a browser) next to
 * index.html, and the page that prints handout.pdf or notes.pdf, each frame an empty slot (listed in
 * `printFiles`, removed after); returns that page and its header and footer.
 */
async function writePaper(job: Job, kind: PaperKind, deckPage: DeckPage, printFiles: string[]): Promise<{ printFile: string; margins: MarginTemplates }> {
  const { deck, dir, options } = job;
  const setup = { perPage: options.perPage, paper: options.paper, landscape: options.landscape, grayscale: options.grayscale, templateDirs: options.templateDirs };
  // For printing, the frames are empty: reveal.js's own stylesheet, the biggest, has nothing to style there.
  const slotPage = { ...deckPage, styles: deckPage.styles.filter((style) => !/href="[^"]*\/reveal\.css"/.test(style)) };
  const render = (slots: boolean) => {
    const markup = slots ? slotPage : deckPage;
    return kind === 'handout' ? renderHandout(deck, markup, { ...setup, slots }) : renderNotes(deck, markup, { ...setup, slots });
  };
  const printFile = path.join(dir, `.${kind}.print.html`);
  printFiles.push(printFile);
  await Promise.all([writeFile(path.join(dir, `${kind}.html`), render(false)), writeFile(printFile, render(true))]);
  return { printFile, margins: renderMargins(deck, options, await job.marginFont) };
}

/** Prints handout.pdf or notes.pdf from the page writePaper wrote. */
async function printPaper(tab: Tab, job: Job, kind: PaperKind, { printFile, margins }: { printFile: string; margins: MarginTemplates }): Promise<Printed> {
  const { options } = job;
  const m = marginsFor(options.paper);
  return step(tab, job, `${kind}.pdf`, async (page) => {
    await page.goto(pathToFileURL(printFile).href, { waitUntil: 'load', timeout: 0 });
    await preparePage(page, options.grayscale);
    return page.pdf({
      ...PDF_COMMON,
      format: options.paper,
      landscape: options.landscape,
      displayHeaderFooter: true,
      ...margins,
      margin: { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.side}mm`, right: `${m.side}mm` },
    });
  });
}

/** Options every PDF shares. */
const PDF_COMMON: ChromePdfOptions = {
  printBackground: true, // slide backgrounds and colours are part of the slide
  tagged: true, // an accessible PDF: screen readers follow headings and lists
  timeout: 0, // step's timeout covers the whole PDF, with a message that names it
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

/** A browser tab kept offline, and every request it refused so far. */
interface Tab {
  page: Page;
  blocked: string[];
}

/** Runs `work` on a tab of its own (when `needed`), closed afterwards whatever happens. */
async function onTab<T>(job: Job, work: (tab: Tab) => Promise<T>, needed = true): Promise<T | undefined> {
  if (!needed) return undefined;
  return withPage(job.session, async (page) => work({ page, blocked: await blockRequestsOutside(page, job.dir) }));
}

/**
 * One printing step on a tab, within the time limit: any failure becomes a BrowserError naming the essay
 * and the PDF. Returns the PDF and the requests the tab refused during the step.
 */
async function step(tab: Tab, job: Job, what: string, work: (page: Page) => Promise<Uint8Array>): Promise<Printed> {
  const { deck, timeoutMs } = job;
  const seconds = Number((timeoutMs / 1000).toFixed(3));
  const blockedBefore = tab.blocked.length;
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
  const working = work(tab.page);
  working.catch(() => {}); // after a timeout the tab closes under it; that late error is not news
  try {
    const pdf = await Promise.race([working, expired]);
    return { pdf, blocked: tab.blocked.slice(blockedBefore) };
  } catch (error) {
    if (error instanceof BrowserError) throw error;
    throw new BrowserError(`${what}: printing failed: ${firstLine(error)}`, { file: deck.file, cause: error, exitCode: ExitCode.exportFailed });
  } finally {
    clearTimeout(timer);
  }
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


