/**
 * The PDF promises, checked on real PDFs printed by the real browser and read
 * back as a reader would (poppler's pdfinfo, pdftotext, pdffonts, pdftoppm):
 * slides.pdf is the deck page for page; handout.pdf and notes.pdf are paper
 * with the real slides on it; nothing is lost, nothing leaves the machine.
 *
 * Reference images guard the look: tests/fixtures/reference/*.png (pages of
 * slides.pdf, handout.pdf and notes.pdf in each layout, 40 dpi). After a
 * reviewed change of the look, regenerate them with
 *   UPDATE_REFERENCE=1 npx vitest run tests/export-pdf.test.ts
 * and look at the new PNGs before committing them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, missingBrowserMessage, startBrowser, type BrowserSession } from '../src/browser.js';
import { buildEssay, type CompiledEssay } from '../src/build.js';
import { BrowserError, ExitCode } from '../src/errors.js';
import { defaultPdfOptions, exportPdfs, type PdfOptions, type PdfResult } from '../src/export-pdf.js';
import { readOutline } from '../src/pdf-metadata.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const shared = path.join(repoRoot, 'content', 'kerja-sama-selatan-selatan.md');
const english = path.join(repoRoot, 'tests', 'fixtures', 'essays', 'english.md');
const longNotes = path.join(repoRoot, 'tests', 'fixtures', 'essays', 'long-notes.md');
const backgrounds = path.join(repoRoot, 'tests', 'fixtures', 'essays', 'backgrounds.md');
const referenceDir = path.join(repoRoot, 'tests', 'fixtures', 'reference');
const reference = path.join(referenceDir, 'handout-page1.png');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-pdf-test-'));

// --- Reading PDFs back -------------------------------------------------------

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

/** Page size in points, e.g. [595.92, 841.92]. */
function pageSize(file: string): [number, number] {
  const match = /([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(file)['Page size'] ?? '');
  if (!match) throw new Error(`no page size in ${file}`);
  return [Number(match[1]), Number(match[2])];
}

/** The text of each page (pdftotext ends every page with a form feed). */
function pageTexts(file: string): string[] {
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
}

/** Text with line breaks and hyphenated wraps joined, for looking phrases up. */
const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');

function fonts(file: string): { name: string; embedded: string }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return { name: cells[0]!, embedded: cells.at(-5)! };
    });
}

/** How many pixels of two same-sized PNGs differ by more than `fuzz` (0–1) in any channel; every pixel when the sizes differ. */
function countDifferingPixels(a: Buffer, b: Buffer, fuzz: number): number {
  const one = PNG.sync.read(a);
  const two = PNG.sync.read(b);
  if (one.width !== two.width || one.height !== two.height) return one.width * one.height;
  let count = 0;
  for (let i = 0; i < one.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(one.data[i + c]! - two.data[i + c]!) > fuzz * 255) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** One page as RGB pixels, through pdftoppm's PPM output. */
function renderPage(file: string, page: number, dpi: number): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 256 * 1024 * 1024 });
  // P6 <width> <height> <maxval> then the bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, rgb: ppm.subarray(header[0].length) };
}

/** Pixels whose channels differ by more than `tolerance` levels: anything not grey. */
function colouredPixels(image: { rgb: Buffer }, tolerance = 6): number {
  let count = 0;
  for (let i = 0; i + 2 < image.rgb.length; i += 3) {
    const [r, g, b] = [image.rgb[i]!, image.rgb[i + 1]!, image.rgb[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > tolerance) count++;
  }
  return count;
}

function isSingleColour(image: { rgb: Buffer }): boolean {
  const [r, g, b] = [image.rgb[0], image.rgb[1], image.rgb[2]];
  for (let i = 0; i + 2 < image.rgb.length; i += 3) {
    if (image.rgb[i] !== r || image.rgb[i + 1] !== g || image.rgb[i + 2] !== b) return false;
  }
  return true;
}

/** How many pictures a PDF draws (pdfimages lists one per use). */
function pictures(file: string): number {
  return run('pdfimages', ['-list', file]).trim().split('\n').length - 2;
}

/** The alternative texts of the Figure elements of a tagged PDF, in the order they were written. */
async function figureAlts(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure'))
    .map((figure) => figure.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString)?.decodeText() ?? '')
    .sort((a, b) => Number(/^Slide (\d+)/.exec(a)?.[1]) - Number(/^Slide (\d+)/.exec(b)?.[1]));
}

async function pdfLang(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lang = doc.catalog.get(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

// --- Building decks with PDFs --------------------------------------------------

interface Built {
  deck: CompiledEssay['deck'];
  pdfs: Record<string, PdfResult>;
}

let session: BrowserSession;

/** Builds an essay into its own folder with the given PDF options; returns the deck and the PDFs by kind. */
async function buildWithPdfs(file: string, name: string, options: Partial<PdfOptions> = {}, theme?: string): Promise<Built> {
  let deck: CompiledEssay['deck'] | undefined;
  let results: PdfResult[] = [];
  const outDir = path.join(tmp, name);
  const result = await buildEssay(file, {
    outDir,
    cli: { theme },
    afterWrite: async ({ compiled, dir }) => {
      deck = compiled.deck;
      results = await exportPdfs(session, compiled.deck, dir, { ...defaultPdfOptions, ...options });
    },
  });
  if (!result.ok) throw result.error;
  // The PDFs were written to the staging folder; after publishing they are in the deck folder.
  const pdfs = Object.fromEntries(results.map((r) => [r.kind, { ...r, file: path.join(result.outDir, path.basename(r.file)) }]));
  return { deck: deck!, pdfs };
}

let idDeck: Built;
let enDeck: Built;
let longDeck: Built;
let grayDeck: Built;
let letterDeck: Built;
let landscapeDeck: Built;
let gelapDeck: Built;
let backgroundsDeck: Built;

beforeAll(async () => {
  // These tests need a browser; fail loudly with the user's instructions rather than skip.
  if (!findBrowser()) throw new Error(missingBrowserMessage());
  session = await startBrowser();
  // One browser for every PDF of every deck, as in a build.
  [idDeck, enDeck, longDeck, grayDeck, letterDeck, landscapeDeck, gelapDeck, backgroundsDeck] = await Promise.all([
    buildWithPdfs(shared, 'shared'),
    buildWithPdfs(english, 'english'),
    buildWithPdfs(longNotes, 'long', { kinds: ['notes'] }),
    buildWithPdfs(shared, 'gray', { kinds: ['handout', 'slides'], perPage: 6, grayscale: true }),
    buildWithPdfs(english, 'letter', { kinds: ['handout'], paper: 'letter' }),
    buildWithPdfs(english, 'landscape', { kinds: ['handout'], landscape: true }),
    // A theme with print colours: black on white on paper, dark on the projector.
    buildWithPdfs(shared, 'gelap', { kinds: ['handout', 'notes'] }, 'gelap'),
    // 4:3 slides on a colour, on a picture, inverted.
    buildWithPdfs(backgrounds, 'backgrounds', { kinds: ['slides'] }),
  ]);
}, 180_000);

afterAll(async () => {
  await session?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const file = (built: Built, kind: string) => built.pdfs[kind]!.file;

// --- The promises ----------------------------------------------------------------

describe('slides.pdf', () => {
  it('has one page per slide, each the size of the slide (1280×720 px = 960×540 pt)', () => {
    for (const built of [idDeck, enDeck]) {
      expect(Number(pdfInfo(file(built, 'slides')).Pages)).toBe(built.deck.slides.length);
      expect(built.pdfs.slides!.pages).toBe(built.deck.slides.length);
      const [w, h] = pageSize(file(built, 'slides'));
      expect(w).toBeCloseTo(960, 0);
      expect(h).toBeCloseTo(540, 0);
    }
  });

  it('shows every slide on its own page, with its title and its number, and no blank page', () => {
    const pages = pageTexts(file(idDeck, 'slides'));
    expect(pages).toHaveLength(idDeck.deck.slides.length);
    idDeck.deck.slides.forEach((slide, i) => {
      expect(flat(pages[i]!), `page ${i + 1}`).toContain(slide.title);
      expect(pages[i]!, `slide number on page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1}(\\s|$)`));
    });
    // Text alone could hide a page that prints nothing: look at one.
    expect(isSingleColour(renderPage(file(idDeck, 'slides'), 3, 20))).toBe(false);
  });

  it('lays the slide out as on screen: padded, not pushed into the corner', () => {
    // reveal.js's own print CSS removes the slide padding; print.css must give it back.
    const page = renderPage(file(idDeck, 'slides'), 3, 20);
    const inkColumns = new Set<number>();
    for (let i = 0; i + 2 < page.rgb.length; i += 3) {
      if (page.rgb[i]! < 200) inkColumns.add((i / 3) % page.width);
    }
    // 64 px of padding at 1280 px wide is 5 % of the width.
    expect(Math.min(...inkColumns)).toBeGreaterThan(page.width * 0.03);
  });

  it('carries the essay in its properties: title, author, subject, language, creator', async () => {
    const info = pdfInfo(file(enDeck, 'slides'));
    expect(info.Title).toBe('Renewable Energy in Small Island States');
    expect(info.Author).toBe('Jane Doe & John Smith');
    expect(info.Subject).toBe('A short essay for class');
    expect(info.Creator).toBe('paparan');
    expect(await pdfLang(file(enDeck, 'slides'))).toBe('en');
    expect(pdfInfo(file(idDeck, 'slides')).Title).toBe('Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia');
    expect(await pdfLang(file(idDeck, 'slides'))).toBe('id');
  });

  it('tells a screen reader each slide\'s heading: the tagged structure has a heading per slide', async () => {
    const doc = await PDFDocument.load(readFileSync(file(idDeck, 'slides')), { updateMetadata: false });
    const headings = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object) => object instanceof PDFDict && /^\/H[1-6]$/.test(String(object.get(PDFName.of('S')))));
    expect(headings.length).toBeGreaterThanOrEqual(idDeck.deck.slides.length);
  });

  it('has a bookmark per section, opening the section divider', async () => {
    for (const built of [idDeck, enDeck]) {
      const sections = built.deck.slides.flatMap((slide, page) => (slide.kind === 'section' ? [{ title: slide.title, page }] : []));
      expect(sections.length).toBeGreaterThan(1);
      expect(await readOutline(readFileSync(file(built, 'slides')))).toEqual(sections);
    }
  });
});

describe('handout.pdf', () => {
  it('is A4 portrait with three slides a page by default', () => {
    const [w, h] = pageSize(file(idDeck, 'handout'));
    expect(Math.abs(w - 595)).toBeLessThanOrEqual(1);
    expect(Math.abs(h - 842)).toBeLessThanOrEqual(1);
    const pages = Math.ceil(idDeck.deck.slides.length / 3);
    expect(Number(pdfInfo(file(idDeck, 'handout')).Pages)).toBe(pages);
    expect(idDeck.pdfs.handout!.pages).toBe(pages);
  });

  it('has the real slides on it: their text can be selected and found', () => {
    const text = flat(pageTexts(file(idDeck, 'handout')).join('\n'));
    for (const slide of idDeck.deck.slides) expect(text).toContain(slide.title);
  });

  it('has the title on top and "page X of Y" in the essay\'s language below', () => {
    const id = pageTexts(file(idDeck, 'handout'));
    const idTotal = id.length;
    expect(id[0]).toContain(`Halaman 1 dari ${idTotal}`);
    expect(id[1]).toContain(`Halaman 2 dari ${idTotal}`);
    expect(flat(id[1]!)).toContain('Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia');
    const en = pageTexts(file(enDeck, 'handout'));
    expect(en[0]).toContain(`Page 1 of ${en.length}`);
    // The footer also names the authors and the date.
    // The date is written 2026-05-01 in the front matter and shown in the essay's language.
    expect(en[0]).toContain('Jane Doe & John Smith · 1 May 2026');
  });

  it('puts six slides on a page when asked', () => {
    expect(Number(pdfInfo(file(grayDeck, 'handout')).Pages)).toBe(Math.ceil(grayDeck.deck.slides.length / 6));
  });

  it('prints on letter paper, and turns the paper for landscape', () => {
    const [lw, lh] = pageSize(file(letterDeck, 'handout'));
    expect(Math.abs(lw - 612)).toBeLessThanOrEqual(1);
    expect(Math.abs(lh - 792)).toBeLessThanOrEqual(1);
    const [aw, ah] = pageSize(file(landscapeDeck, 'handout'));
    expect(Math.abs(aw - 842)).toBeLessThanOrEqual(1);
    expect(Math.abs(ah - 595)).toBeLessThanOrEqual(1);
  });

  it('looks like the reviewed reference (page 1 of the shared essay)', () => {
    const rendered = path.join(tmp, 'handout-page1.png');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file(idDeck, 'handout'), rendered.replace(/\.png$/, '')]);
    if (process.env.UPDATE_REFERENCE) {
      mkdirSync(path.dirname(reference), { recursive: true });
      copyFileSync(rendered, reference);
      return;
    }
    expect(existsSync(reference), 'no reference image: run with UPDATE_REFERENCE=1 and review it').toBe(true);
    // Pixels that differ by more than 10 % count; a few hundred allow for font rasterizing on other machines.
    const differing = countDifferingPixels(readFileSync(rendered), readFileSync(reference), 0.1);
    const { width, height } = renderPage(file(idDeck, 'handout'), 1, 40);
    expect(differing / (width * height)).toBeLessThan(0.01);
  });
});

describe('notes.pdf', () => {
  it('gives each slide its speaker notes', () => {
    const text = flat(pageTexts(file(idDeck, 'notes')).join('\n'));
    for (const slide of idDeck.deck.slides) {
      expect(text).toContain(slide.title);
      for (const note of slide.notes) expect(text).toContain(flat(note).slice(0, 60));
    }
  });

  it('continues long notes on the next page and never cuts a word off', () => {
    const slide = longDeck.deck.slides.find((s) => s.notes.length > 0)!;
    const words = slide.notes.join(' ').split(/\s+/).filter(Boolean);
    expect(words.length).toBeGreaterThanOrEqual(1500);
    const pages = pageTexts(file(longDeck, 'notes'));
    const printed = pages.join('\n').split(/\s+/).filter(Boolean);
    // Every word, in order (header, footer and captions may sit between them).
    let at = 0;
    for (const [i, word] of words.entries()) {
      while (at < printed.length && printed[at] !== word) at++;
      expect(at, `word ${i + 1} ("${word}") of the notes is missing`).toBeLessThan(printed.length);
      at++;
    }
    // The notes cross pages: the first and last marker are on different pages.
    const pageOf = (marker: string) => pages.findIndex((p) => p.split(/\W+/).includes(marker));
    expect(pageOf('m001')).toBeGreaterThanOrEqual(0);
    expect(pageOf('m150')).toBeGreaterThan(pageOf('m001'));
    expect(longDeck.pdfs.notes!.pages).toBeGreaterThan(1);
  });

  it('has the title and "Page X of Y" on every page', () => {
    const pages = pageTexts(file(longDeck, 'notes'));
    pages.forEach((text, i) => {
      expect(text).toContain('A Very Long Note');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});

describe('every PDF', () => {
  it('embeds its fonts', () => {
    for (const built of [idDeck, enDeck, longDeck]) {
      for (const pdf of Object.values(built.pdfs)) {
        const list = fonts(pdf.file);
        expect(list.length, pdf.file).toBeGreaterThan(0);
        for (const font of list) expect(font.embedded, `${font.name} in ${path.basename(pdf.file)}`).toBe('yes');
      }
    }
  });

  it('printed offline: no request had to be refused', () => {
    for (const built of [idDeck, enDeck, longDeck, grayDeck, letterDeck, landscapeDeck, gelapDeck, backgroundsDeck]) {
      for (const pdf of Object.values(built.pdfs)) expect(pdf.blocked, pdf.file).toEqual([]);
    }
  });

  it('has no colour at all in grayscale, and keeps its text', () => {
    // The same pages in colour have colour: the check can fail.
    expect(colouredPixels(renderPage(file(idDeck, 'handout'), 1, 40))).toBeGreaterThan(100);
    expect(colouredPixels(renderPage(file(idDeck, 'slides'), 1, 30))).toBeGreaterThan(100);
    for (const [kind, page] of [['handout', 1], ['handout', 2], ['slides', 1], ['slides', 3]] as const) {
      expect(colouredPixels(renderPage(file(grayDeck, kind), page, 40)), `${kind} page ${page}`).toBe(0);
    }
    expect(flat(pageTexts(file(grayDeck, 'handout')).join('\n'))).toContain(grayDeck.deck.slides[2]!.title);
  });

  it('keeps the slides vector on paper: the only pictures are the essay\'s own', () => {
    // The shared essay has no picture; the English one has its chart, once in every PDF.
    for (const kind of ['slides', 'handout', 'notes']) {
      expect(pictures(file(idDeck, kind)), kind).toBe(0);
      expect(pictures(file(enDeck, kind)), kind).toBe(1);
    }
  });

  it('tells a screen reader what each slide on paper shows: tagged, a Figure per slide with its text', async () => {
    for (const kind of ['handout', 'notes']) {
      expect(pdfInfo(file(enDeck, kind)).Tagged, kind).toBe('yes');
      const alts = await figureAlts(file(enDeck, kind));
      expect(alts, kind).toHaveLength(enDeck.deck.slides.length);
      enDeck.deck.slides.forEach((slide, i) => {
        expect(alts[i], `${kind}, slide ${i + 1}`).toMatch(new RegExp(`^Slide ${i + 1}: `));
        expect(alts[i], `${kind}, slide ${i + 1}`).toContain(slide.title);
      });
    }
  });

  it('writes the print pages next to index.html, where they find the deck\'s CSS', () => {
    const dir = path.dirname(file(idDeck, 'handout'));
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['index.html', 'handout.html', 'notes.html', 'slides.pdf', 'handout.pdf', 'notes.pdf']));
    expect(existsSync(path.join(dir, 'assets', 'print.css'))).toBe(true);
  });
});

describe('the look of every PDF', () => {
  // Pages of each kind and layout, as printed before handout.pdf and notes.pdf were composed from slides.pdf
  // and slides.pdf was laid out without reveal.js's print view (reviewed PNGs in tests/fixtures/reference,
  // 40 dpi): neither may change a pixel that counts.
  const pages: [name: string, built: () => Built, kind: string, page: number][] = [
    ['slides-page3', () => idDeck, 'slides', 3],
    ['slides-page5', () => idDeck, 'slides', 5],
    ['backgrounds-slides-page3', () => backgroundsDeck, 'slides', 3],
    ['backgrounds-slides-page4', () => backgroundsDeck, 'slides', 4],
    ['backgrounds-slides-page5', () => backgroundsDeck, 'slides', 5],
    ['backgrounds-slides-page6', () => backgroundsDeck, 'slides', 6],
    ['handout-page2', () => idDeck, 'handout', 2],
    ['notes-page1', () => idDeck, 'notes', 1],
    ['notes-page2', () => idDeck, 'notes', 2],
    ['english-handout-page3', () => enDeck, 'handout', 3],
    ['english-notes-page4', () => enDeck, 'notes', 4],
    ['gray-handout6-page1', () => grayDeck, 'handout', 1],
    ['landscape-handout-page1', () => landscapeDeck, 'handout', 1],
    ['letter-handout-page1', () => letterDeck, 'handout', 1],
    ['gelap-handout-page1', () => gelapDeck, 'handout', 1],
    ['gelap-notes-page2', () => gelapDeck, 'notes', 2],
  ];
  it.each(pages)('%s looks like the reviewed reference', (name, built, kind, page) => {
    expectLikeReference(file(built(), kind), page, name);
  });
});

/** Renders one page at 40 dpi and compares it with tests/fixtures/reference/<name>.png (UPDATE_REFERENCE=1 writes it). */
function expectLikeReference(pdf: string, page: number, name: string): void {
  const picture = path.join(referenceDir, `${name}.png`);
  const rendered = path.join(tmp, `${name}.png`);
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf, rendered.replace(/\.png$/, '')]);
  if (process.env.UPDATE_REFERENCE) {
    mkdirSync(referenceDir, { recursive: true });
    copyFileSync(rendered, picture);
    return;
  }
  expect(existsSync(picture), `no reference image ${name}.png: run with UPDATE_REFERENCE=1 and review it`).toBe(true);
  const { width, height } = PNG.sync.read(readFileSync(rendered));
  // Pixels that differ by more than 10 % count; a few hundred allow for font rasterizing on other machines.
  expect(countDifferingPixels(readFileSync(rendered), readFileSync(picture), 0.1) / (width * height), name).toBeLessThan(0.01);
}

describe('failures', () => {
  it('a timeout names the essay and the PDF, and leaves no page open', async () => {
    const pagesBefore = (await session.browser.pages()).length;
    let dir = '';
    const result = await buildEssay(english, {
      outDir: path.join(tmp, 'timeout'),
      afterWrite: async (staged) => {
        dir = staged.dir;
        await exportPdfs(session, staged.compiled.deck, staged.dir, { ...defaultPdfOptions, kinds: ['slides'], timeoutMs: 1 });
      },
    });
    expect(result.ok).toBe(false);
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).exitCode).toBe(ExitCode.exportFailed);
    expect((error as BrowserError).file).toBe(english);
    expect(String(error)).toMatch(/slides\.pdf.*longer than/);
    expect(existsSync(dir)).toBe(false); // the staging folder was thrown away
    expect((await session.browser.pages()).length).toBe(pagesBefore);
  });
});

describe('the browser', () => {
  it('leaves no process behind once the session closes', async () => {
    const child = session.process;
    const profile = child?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
    expect(profile).toBeDefined();
    await session.close();
    if (process.platform !== 'linux') return;
    const living = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile!);
        } catch {
          return false; // exited while we looked
        }
      });
    expect(living).toEqual([]);
  });
});
