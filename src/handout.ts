/**
 * The print pages behind handout.pdf and notes.pdf: where each slide goes on
 * the paper (pure geometry), and the HTML of handout.html and notes.html. The
 * slides themselves are the deck's own <section> markup, scaled down, so the
 * printed slide is the projected one, with real text. For printing, each frame
 * holds a marked slot instead, and the slide printed for slides.pdf is drawn
 * into it afterwards (compose-pdf.ts).
 */
import { displayDate, labelsFor } from './language.js';
import type { Deck, Slide } from './model.js';
import { slideSizeFor } from './layout.js';
import { authorsOf, renderInline, renderNote } from './render.js';
import { builtinTemplatesDir, loadTemplates } from './templates.js';
import { slotMarkup } from './print-slot.js';

export type Paper = 'a4' | 'letter' | 'a5';
export type PerPage = 1 | 2 | 3 | 4 | 6 | 9;

export interface PageSetup {
  paper: Paper;
  landscape: boolean;
  /** Template folders, later ones overriding earlier (built-in, project, theme); built-in only when absent. */
  templateDirs?: string[];
}

export interface PrintMode {
  /** For printing: every frame an empty slot marked with its slide's number, for the printed slide to be drawn into. */
  slots?: boolean;
}

/** What the print pages take from the built deck (read from its index.html), so they look as it does. */
export interface DeckMarkup {
  /** Attributes of index.html's <html> element (a theme's CSS may select on them), as [name, value]. */
  htmlAttributes: [string, string][];
  /** The <link rel="stylesheet"> and <style> elements of its <head>, as HTML, in order. */
  styles: string[];
  /** The outer HTML of each slide's <section>, in deck order. */
  sections: string[];
}

/** Paper sizes in millimetres, portrait. */
const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
  a5: { width: 148, height: 210 },
};

/** CSS pixels per millimetre (CSS has 96 px to the inch). */
const PX_PER_MM = 96 / 25.4;

export interface Margins {
  /** Room for the header (deck title). */
  top: number;
  /** Room for the footer (author, date, page X of Y). */
  bottom: number;
  side: number;
}

/** Page margins in mm; A5 is small enough that every millimetre counts. */
export function marginsFor(paper: Paper): Margins {
  return paper === 'a5' ? { top: 12, bottom: 12, side: 10 } : { top: 16, bottom: 16, side: 14 };
}

/** The paper size in mm, turned for landscape. */
export function paperSize(setup: PageSetup): { width: number; height: number } {
  const { width, height } = PAPER_MM[setup.paper];
  return setup.landscape ? { width: height, height: width } : { width, height };
}

/** Where the writing lines of a handout go. */
export type NotesPlace = 'beside' | 'below' | 'none';

/** Columns, rows and writing room for each layout: 1–3 slides a page leave room to write, 4–9 fill the page. */
const ARRANGEMENTS: Record<'portrait' | 'landscape', Record<PerPage, [cols: number, rows: number, notes: NotesPlace]>> = {
  portrait: { 1: [1, 1, 'below'], 2: [1, 2, 'below'], 3: [1, 3, 'beside'], 4: [2, 2, 'none'], 6: [2, 3, 'none'], 9: [3, 3, 'none'] },
  landscape: { 1: [1, 1, 'beside'], 2: [2, 1, 'below'], 3: [3, 1, 'below'], 4: [2, 2, 'none'], 6: [3, 2, 'none'], 9: [3, 3, 'none'] },
};

/** Everything about a handout page's layout, in CSS px. */
export interface HandoutGeometry {
  sheetWidth: number;
  sheetHeight: number;
  cols: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  gapX: number;
  gapY: number;
  notes: NotesPlace;
  /** Space between a slide and its writing lines. */
  notesGap: number;
  frameWidth: number;
  frameHeight: number;
  /** Slide design size → frame size. */
  scale: number;
  /** Writing lines per slide, and their spacing. */
  lines: number;
  lineGap: number;
}

const mm = (value: number) => value * PX_PER_MM;
/** Rounded down to 1/100 px so that boxes never add up to more than the page. */
const floor2 = (value: number) => Math.floor(value * 100) / 100;

/** Lays out a handout page: a grid of slides, with writing lines beside or below them for 1–3 a page. */
export function handoutGeometry(perPage: PerPage, setup: PageSetup, slide: { width: number; height: number }): HandoutGeometry {
  const paper = paperSize(setup);
  const margins = marginsFor(setup.paper);
  // A hair under the printable height, so rounding never spills a sheet onto a blank page.
  const sheetWidth = floor2(mm(paper.width - 2 * margins.side));
  const sheetHeight = floor2(mm(paper.height - margins.top - margins.bottom) - 2);
  const [cols, rows, notes] = ARRANGEMENTS[setup.landscape ? 'landscape' : 'portrait'][perPage];
  const small = setup.paper === 'a5';
  const gapX = mm(small ? 6 : 8);
  const gapY = mm(small ? 6 : 8);
  const notesGap = mm(small ? 4 : 6);
  const lineGap = mm(small ? 7 : 8);
  const cellWidth = floor2((sheetWidth - (cols - 1) * gapX) / cols);
  const cellHeight = floor2((sheetHeight - (rows - 1) * gapY) / rows);
  const aspect = slide.width / slide.height;

  let frameWidth: number;
  let linesHeight = 0;
  if (notes === 'beside') {
    // The slide takes a bit more than half the width; the lines run the full cell height beside it.
    frameWidth = Math.min(cellWidth * 0.6, cellHeight * aspect);
    linesHeight = cellHeight;
  } else if (notes === 'below') {
    // At least a third of the cell (and four lines) stays free for writing.
    const writing = Math.max(cellHeight / 3, 4 * lineGap);
    frameWidth = Math.min(cellWidth, (cellHeight - writing - notesGap) * aspect);
    linesHeight = cellHeight - frameWidth / aspect - notesGap;
  } else {
    frameWidth = Math.min(cellWidth, cellHeight * aspect);
  }
  frameWidth = floor2(frameWidth);
  return {
    sheetWidth,
    sheetHeight,
    cols,
    rows,
    cellWidth,
    cellHeight,
    gapX,
    gapY,
    notes,
    notesGap,
    frameWidth,
    frameHeight: floor2(frameWidth / aspect),
    scale: frameWidth / slide.width,
    lines: Math.max(0, Math.floor(linesHeight / lineGap)),
    lineGap,
  };
}

/** Slide frame size on a notes page: the slide above its notes, leaving most of the page to the text. */
export function notesFrame(setup: PageSetup, slide: { width: number; height: number }): { width: number; height: number; scale: number } {
  const paper = paperSize(setup);
  const margins = marginsFor(setup.paper);
  const width = mm(paper.width - 2 * margins.side);
  const height = mm(paper.height - margins.top - margins.bottom);
  const aspect = slide.width / slide.height;
  const frameWidth = floor2(Math.min(width * 0.62, height * 0.36 * aspect));
  return { width: frameWidth, height: floor2(frameWidth / aspect), scale: frameWidth / slide.width };
}

// --- Views and HTML -----------------------------------------------------------

/** What every print page shares: language, title, the deck's CSS, the slide size. */
function pageView(deck: Deck, markup: DeckMarkup, grayscale: boolean, slots = false, look: 'paper' | 'screen' = 'paper') {
  const size = slideSizeFor(deck.meta.aspect);
  const deckClass = markup.htmlAttributes.find(([name]) => name === 'class')?.[1] ?? '';
  return {
    lang: deck.lang,
    title: deck.meta.title,
    author: authorsOf(deck),
    styles: markup.styles,
    // `print-pdf` keeps reveal.css's rules for printing a live deck away from these pages.
    // `paparan-print` marks paper (a theme's print colours and print CSS apply); `paparan-frames`, slides as projected.
    htmlClass: [deckClass, 'print-pdf', look === 'paper' ? 'paparan-print' : 'paparan-frames', grayscale ? 'paparan-grayscale' : '', slots ? 'paparan-slots' : '']
      .filter(Boolean)
      .join(' '),
    htmlAttributes: markup.htmlAttributes.filter(([name]) => name !== 'class' && name !== 'lang').map(([name, value]) => ({ name, value })),
    slideWidth: size.width,
    slideHeight: size.height,
    // Diagrams (main's Mermaid blocks, drawn by a script in the page as in the deck): only where slides are shown, not in slots.
    diagrams: !slots && markup.sections.some((section) => section.includes('mermaid-source')),
  };
}

/** One slide in a frame: the section's markup and what reveal.js would have added around it, or the slot the printed slide goes into. */
function frameView(slide: Slide, index: number, markup: DeckMarkup, slots = false) {
  if (slots) return { number: index + 1, sectionHtml: slotMarkup(index + 1), backgroundStyle: undefined };
  return {
    number: index + 1,
    sectionHtml: markup.sections[index] ?? '',
    backgroundStyle: slide.background ? backgroundStyle(slide.background) : undefined,
  };
}

/** A chart's table as printed text in a cell of the handout: its caption names the slide; rows sized to the frame. */
function chartTableView(table: { header: string[]; rows: string[][]; align: (string | null)[] }, number: number, lang: string, geometry: HandoutGeometry) {
  // Numbers line up on the right unless the essay aligned the column itself.
  const cell = (text: string, i: number) => ({ html: renderInline(text), align: table.align[i] ?? (i > 0 ? 'right' : undefined) });
  // The caption and header take two rows; type between 7 and 10.5 pt (CSS px at 96 dpi), as the rows allow.
  const rowHeight = geometry.frameHeight / (table.rows.length + 2.5);
  const fontSize = Math.round(Math.max(9.3, Math.min(14, rowHeight / 1.45)) * 100) / 100;
  return {
    number,
    data: {
      caption: labelsFor(lang).chartData(String(number)),
      header: table.header.map(cell),
      rows: table.rows.map((row) => row.map(cell)),
      style: `font-size: ${fontSize}px`,
    },
  };
}

/** reveal.js reads `data-background` as an image when it looks like one, else as a CSS background. */
function backgroundStyle(value: string): string {
  const v = value.trim();
  // images.ts has already reduced a background to a colour or a local image under media/.
  const isImage = /\.(svg|png|jpe?g|gif|webp)$/i.test(v);
  return isImage ? `background-image: url("${v.replace(/["\\\n\r]/g, encodeURIComponent)}")` : `background: ${v.replace(/[;{}]/g, '')}`;
}

export interface HandoutOptions extends PageSetup, PrintMode {
  perPage: PerPage;
  grayscale: boolean;
}

/** The HTML of handout.html: sheets of slides with writing lines, one sheet per printed page. */
export function renderHandout(deck: Deck, markup: DeckMarkup, options: HandoutOptions): string {
  const base = pageView(deck, markup, options.grayscale, options.slots);
  const geometry = handoutGeometry(options.perPage, options, { width: base.slideWidth, height: base.slideHeight });
  const frames = deck.slides.flatMap((slide, i) => {
    const frame = frameView(slide, i, markup, options.slots);
    // A chart's audience needs its numbers too: the table follows the chart, in a cell of its own.
    return slide.body?.layout === 'chart' ? [frame, chartTableView(slide.body.table, i + 1, deck.lang, geometry)] : [frame];
  });
  const sheets: { cells: ((ReturnType<typeof frameView> | ReturnType<typeof chartTableView>) & { lines: number[] })[] }[] = [];
  for (let start = 0; start < frames.length; start += options.perPage) {
    const cells = frames.slice(start, start + options.perPage).map((frame) => ({ ...frame, lines: Array.from({ length: geometry.lines }, (_, i) => i) }));
    sheets.push({ cells });
  }
  const px = (value: number) => `${value}px`;
  const view = {
    ...base,
    notes: geometry.notes,
    sheetStyle: [
      `--sheet-width: ${px(geometry.sheetWidth)}`,
      `--sheet-height: ${px(geometry.sheetHeight)}`,
      `--cols: ${geometry.cols}`,
      `--rows: ${geometry.rows}`,
      `--cell-width: ${px(geometry.cellWidth)}`,
      `--cell-height: ${px(geometry.cellHeight)}`,
      `--gap-x: ${px(geometry.gapX)}`,
      `--gap-y: ${px(geometry.gapY)}`,
      `--notes-gap: ${px(geometry.notesGap)}`,
      `--frame-width: ${px(geometry.frameWidth)}`,
      `--frame-height: ${px(geometry.frameHeight)}`,
      `--scale: ${geometry.scale}`,
      `--line-gap: ${px(geometry.lineGap)}`,
      `--slide-width: ${px(base.slideWidth)}`,
      `--slide-height: ${px(base.slideHeight)}`,
    ].join('; '),
    sheets,
  };
  return printTemplate('handout', options.templateDirs)(view);
}

/** The HTML of notes.html: each slide with its speaker notes below it, flowing over as many pages as the notes need. */
export function renderNotes(deck: Deck, markup: DeckMarkup, options: PageSetup & PrintMode & { grayscale: boolean }): string {
  const base = pageView(deck, markup, options.grayscale, options.slots);
  const frame = notesFrame(options, { width: base.slideWidth, height: base.slideHeight });
  const labels = labelsFor(deck.lang);
  const sections = deck.slides.filter((s) => s.kind === 'section');
  const view = {
    ...base,
    frameStyle: [
      `--frame-width: ${frame.width}px`,
      `--frame-height: ${frame.height}px`,
      `--scale: ${frame.scale}`,
      `--slide-width: ${base.slideWidth}px`,
      `--slide-height: ${base.slideHeight}px`,
    ].join('; '),
    notes: deck.slides.map((slide, i) => ({
      ...frameView(slide, i, markup, options.slots),
      caption: `${labels.slide} ${i + 1} / ${deck.slides.length}`,
      title: slide.title,
      section: slide.kind === 'section' ? undefined : sections[slide.section]?.title,
      paragraphs: slide.notes.map(renderNote),
    })),
  };
  return printTemplate('notes', options.templateDirs)(view);
}

/**
 * The HTML of the slides one a page at the slide's size, each in a frame as on the handout, without a script:
 * slides.pdf (`look: 'screen'`, as projected), or the slides on paper (`'paper'`) for a theme that styles paper
 * differently from the screen (print colours, print CSS).
 */
export function renderSlidePages(deck: Deck, markup: DeckMarkup, options: { grayscale: boolean; look: 'paper' | 'screen' }): string {
  const base = pageView(deck, markup, options.grayscale, false, options.look);
  // reveal.js's print view, which made slides.pdf until paparan 0.1, lays each slide out a pixel short of its page
  // (its pdfPageHeightOffset); slides.pdf keeps that look to the pixel.
  const slideHeight = options.look === 'screen' ? base.slideHeight - 1 : base.slideHeight;
  const view = {
    ...base,
    frameStyle: [
      `--frame-width: ${base.slideWidth}px`,
      `--frame-height: ${base.slideHeight}px`,
      '--scale: 1',
      `--slide-width: ${base.slideWidth}px`,
      `--slide-height: ${slideHeight}px`,
    ].join('; '),
    frames: deck.slides.map((slide, i) => frameView(slide, i, markup)),
  };
  // Built-in only: it must frame the slides exactly as the PDFs' frames are sized.
  return printTemplate('print-slides')(view);
}

export interface MarginTemplates {
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * The header (deck title) and footer (author, date, "page X of Y" in the deck's
 * language) Chrome draws in the page margins. They are separate little documents
 * that see none of the page's CSS, so they carry their own font, as a data: URL.
 */
export function renderMargins(deck: Deck, setup: PageSetup, fontDataUrl: string | undefined): MarginTemplates {
  const labels = labelsFor(deck.lang);
  const view = {
    fontDataUrl,
    padding: `${marginsFor(setup.paper).side}mm`,
    title: deck.meta.title,
    byline: [authorsOf(deck), deck.meta.date === undefined ? undefined : displayDate(deck.meta.date, deck.lang)].filter(Boolean).join(' · '),
    // Chrome fills the two spans in; the words around them come from the essay's language.
    pageOfHtml: labels.pageOf('<span class="pageNumber"></span>', '<span class="totalPages"></span>'),
  };
  return { headerTemplate: printTemplate('print-header', setup.templateDirs)(view), footerTemplate: printTemplate('print-footer', setup.templateDirs)(view) };
}

const compiled = new Map<string, (view: object) => string>();

/** A print template by name, compiled once per set of template folders (a project or theme may override it). */
function printTemplate(name: string, dirs: string[] = [builtinTemplatesDir]): (view: object) => string {
  const key = `${dirs.join('\0')}\0${name}`;
  let template = compiled.get(key);
  if (!template) {
    template = loadTemplates(dirs, name).layout;
    compiled.set(key, template);
  }
  return template;
}
