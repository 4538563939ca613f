/**
 * slides.pptx as a user meets it: written by `paparan build --pptx`, opened by
 * an office suite (LibreOffice converts it to PDF, which poppler reads back
 * word by word) and unzipped to check what PowerPoint relies on: a title in
 * every slide's title placeholder, the notes as paragraphs, the language, and
 * paragraphs the schema allows (PowerPoint would open anything else in
 * "repair" mode).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEssay, type CompiledEssay } from '../src/build.js';
import { labelsFor } from '../src/language.js';
import type { Deck, Slide } from '../src/model.js';
import { renderPptx } from '../src/export-pptx.js';
import { layoutWriters, textsOf } from '../src/pptx-layouts.js';
import { convertWithLibreOffice, readPdfWords, wordsOf, type PdfPage } from './helpers/office.js';
import { runCapturing } from './helpers/run-cli.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const shared = path.join(repoRoot, 'content', 'kerja-sama-selatan-selatan.md');
const english = path.join(repoRoot, 'tests', 'fixtures', 'essays', 'english.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-pptx-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const compile = (file: string, theme?: string): CompiledEssay => compileEssay(readFileSync(file, 'utf8'), { file, projectDir: repoRoot, cli: theme ? { theme } : {} });

/** The text of every `<a:t>` in a piece of slide XML, joined. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The `<p:sp>` shapes of a slide. */
const shapesOf = (xml: string) => [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]);

/** Every slide's XML and its notes page's XML. */
async function unzipSlides(file: string): Promise<{ zip: JSZip; slides: string[]; notes: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  const read = (name: string) => zip.file(name)!.async('string');
  const slides = await Promise.all(Array.from({ length: count }, (_, i) => read(`ppt/slides/slide${i + 1}.xml`)));
  const notes = await Promise.all(Array.from({ length: count }, (_, i) => read(`ppt/notesSlides/notesSlide${i + 1}.xml`)));
  return { zip, slides, notes };
}

/** What a slide shows, as words: its title, its body's text (a picture's caption, not its alt text), its source line. */
function shownWords(slide: Slide, deck: Deck): string[] {
  const labels = labelsFor(deck.lang);
  const body = slide.body?.layout === 'image' ? [slide.body.caption ?? ''] : slide.body ? textsOf(slide.body).map((text) => text.replace(/<[^>]*>/g, ' ')) : [];
  const sources = slide.sources?.length ? [slide.sources.length > 1 ? labels.sources : labels.source, ...slide.sources] : [];
  return wordsOf([slide.title, slide.subtitle ?? '', slide.continued ? labels.continued : '', ...body, ...sources].join(' '));
}

/** Words whose boxes overlap another word's by more than half their height: text drawn over text (lines set 1.3 apart overlap a little by their fonts' boxes). */
function overlappingWords(page: PdfPage): string[] {
  const overlaps: string[] = [];
  page.words.forEach((a, i) => {
    for (const b of page.words.slice(i + 1)) {
      const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (width > 1 && height > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) overlaps.push(`"${a.text}" over "${b.text}"`);
    }
  });
  return overlaps;
}

/** Words outside the slide, or (but the slide number) outside its padding: 64px each side, 28px at the bottom (less a font's descent), in points. */
function wordsOutside(page: PdfPage, number: number): string[] {
  const side = 64 * 0.75 - 1;
  const bottom = page.height - 28 * 0.75 + 3;
  return page.words
    .filter((w) => {
      const isNumber = w.text === String(number) && w.xMin < side;
      if (w.xMin < 0 || w.yMin < 0 || w.xMax > page.width || w.yMax > page.height) return true;
      return !isNumber && (w.xMin < side || w.xMax > page.width - side || w.yMax > bottom);
    })
    .map((w) => `"${w.text}" at ${w.xMin.toFixed(0)},${w.yMin.toFixed(0)}–${w.xMax.toFixed(0)},${w.yMax.toFixed(0)}`);
}

describe('slides.pptx of the shared essay', () => {
  const out = path.join(tmp, 'shared');
  const deckDir = path.join(out, 'kerja-sama-selatan-selatan');
  const pptx = path.join(deckDir, 'slides.pptx');
  const { deck } = compile(shared);
  let cli: Awaited<ReturnType<typeof runCapturing>>;
  let pages: PdfPage[];
  let xml: Awaited<ReturnType<typeof unzipSlides>>;

  beforeAll(async () => {
    cli = await runCapturing('build', shared, '--pptx', '--no-pdf', '--out', out);
    pages = readPdfWords(convertWithLibreOffice(pptx, path.join(tmp, 'shared-pdf')));
    xml = await unzipSlides(pptx);
  }, 180_000);

  it('is written beside the deck by --pptx, named in the summary line and in .paparan.json', () => {
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/✓ kerja-sama-selatan-selatan: \d+ slides, 0 warnings, [\d.]+ s, slides\.pptx [\d.]+ s →/);
    const manifest = JSON.parse(readFileSync(path.join(deckDir, '.paparan.json'), 'utf8'));
    expect(manifest.pptx.file).toBe('slides.pptx');
    expect(manifest.pdfs).toEqual([]);
  });

  it('opens in LibreOffice as one 16:9 page per slide', () => {
    expect(pages).toHaveLength(deck.slides.length);
    for (const page of pages) expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
  });

  it('shows every slide\'s title and text on its page, and its number', () => {
    const missing = deck.slides.flatMap((slide, i) => {
      const onPage = new Set(pages[i]!.words.flatMap((w) => wordsOf(w.text)));
      return [...shownWords(slide, deck), String(i + 1)].filter((word) => !onPage.has(word)).map((word) => `slide ${i + 1}: ${word}`);
    });
    expect(missing).toEqual([]);
  });

  it('keeps every text box inside its slide, and no text over other text', () => {
    expect(pages.flatMap((page, i) => wordsOutside(page, i + 1).map((w) => `slide ${i + 1}: ${w}`))).toEqual([]);
    expect(pages.flatMap((page, i) => overlappingWords(page).map((w) => `slide ${i + 1}: ${w}`))).toEqual([]);
  });

  it('puts every slide\'s title in its title placeholder, for the outline view and the accessibility checker', () => {
    const labels = labelsFor(deck.lang);
    xml.slides.forEach((slideXml, i) => {
      const slide = deck.slides[i]!;
      const titles = shapesOf(slideXml).filter((shape) => /<p:ph\b[^>]*type="title"/.test(shape));
      expect(titles, `slide ${i + 1}`).toHaveLength(1);
      expect(textOf(titles[0]!)).toBe(`${slide.title}${slide.continued ? ` (${labels.continued})` : ''}`);
    });
  });

  it('puts the speaker notes in each slide\'s notes page, one paragraph for each paragraph of the essay', () => {
    xml.notes.forEach((notesXml, i) => {
      const body = /name="Notes Placeholder 2"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(notesXml)![1]!;
      const paragraphs = [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => textOf(m[1]!)).filter(Boolean);
      expect(paragraphs.map(wordsOf), `slide ${i + 1}`).toEqual(deck.slides[i]!.notes.map(wordsOf));
    });
    // Every content slide has notes: the paragraphs it summarises.
    expect(deck.slides.filter((s) => s.kind === 'content').every((s) => s.notes.length > 0)).toBe(true);
  });

  it('writes paragraphs as the schema has them: one paragraph-properties element, first', () => {
    for (const slideXml of xml.slides) {
      for (const [, inner] of slideXml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const properties = inner!.match(/<a:pPr\b/g) ?? [];
        expect(properties.length).toBeLessThanOrEqual(1);
        if (properties.length === 1) expect(inner!.startsWith('<a:pPr')).toBe(true);
      }
    }
  });

  it('marks the text and the document as Indonesian, with the title and subject in its properties', async () => {
    for (const part of [...xml.slides, ...xml.notes]) {
      expect(part).not.toMatch(/(?<![A-Za-z])lang="en-US"/);
      expect(part).toMatch(/ lang="id-ID"/);
    }
    const core = await xml.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia</dc:title>');
    expect(core).toContain('<dc:subject>Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia</dc:subject>');
    expect(core).toContain('<dc:language>id</dc:language>');
  });
});

describe('slides.pptx of every layout, in a theme of its own', () => {
  const folder = path.join(tmp, 'layouts');
  const essay = path.join(folder, 'layouts.md');
  const out = path.join(tmp, 'layouts-out');
  const pptx = path.join(out, 'layouts', 'slides.pptx');
  let deck: Deck;
  let pages: PdfPage[];
  let xml: Awaited<ReturnType<typeof unzipSlides>>;

  beforeAll(async () => {
    cpSync(path.dirname(english), folder, { recursive: true });
    const text = readFileSync(english, 'utf8')
      .replace('lang: en\n', 'lang: en\nformats: [html, pptx]\nkeywords: [energy, islands]\n')
      .concat('\n## Appendix\n\n```js\nconst share = solar / total;\nconsole.log(share);\n```\n\n<div><p>Raw <b>HTML</b> stays as text.</p></div>\n');
    writeFileSync(essay, text);
    deck = compile(essay, 'gelap').deck;
    // formats in the front matter ask for the PowerPoint file (and, leaving out pdf, for no PDFs).
    const cli = await runCapturing('build', essay, '--theme', 'gelap', '--out', out);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    pages = readPdfWords(convertWithLibreOffice(pptx, path.join(tmp, 'layouts-pdf')));
    xml = await unzipSlides(pptx);
  }, 180_000);

  it('has a writer for every layout the planner made when it was written, all of them in this deck', () => {
    const layouts = ['bullets', 'code', 'html', 'image', 'quote', 'references', 'statement', 'table'] as const;
    expect(deck.slides.flatMap((s) => (s.body ? [s.body.layout] : []))).toEqual(expect.arrayContaining([...layouts]));
    for (const layout of layouts) expect(layoutWriters[layout], layout).toBeTypeOf('function');
    // The layouts the planner chooses by itself have writers of their own too (the shared essay shows them all).
    for (const layout of ['bignumber', 'timeline', 'definition', 'compare', 'steps'] as const) expect(layoutWriters[layout], layout).toBeTypeOf('function');
  });

  it('shows every slide\'s text inside its slide, with no text over other text', () => {
    expect(pages).toHaveLength(deck.slides.length);
    deck.slides.forEach((slide, i) => {
      const onPage = new Set(pages[i]!.words.flatMap((w) => wordsOf(w.text)));
      expect(shownWords(slide, deck).filter((word) => !onPage.has(word)), `slide ${i + 1}`).toEqual([]);
      expect(wordsOutside(pages[i]!, i + 1), `slide ${i + 1}`).toEqual([]);
      expect(overlappingWords(pages[i]!), `slide ${i + 1}`).toEqual([]);
    });
  });

  it('draws the table as a native table and the picture as a picture with its alt text', () => {
    const tableSlide = deck.slides.findIndex((s) => s.body?.layout === 'table');
    expect(xml.slides[tableSlide]).toContain('<a:tbl>');
    const imageSlide = deck.slides.findIndex((s) => s.body?.layout === 'image');
    expect(xml.slides[imageSlide]).toMatch(/<p:pic>[\s\S]*descr="Solar share by island"/);
    const images = execFileSync('pdfimages', ['-list', '-f', String(imageSlide + 1), '-l', String(imageSlide + 1), path.join(tmp, 'layouts-pdf', 'slides.pdf')], { encoding: 'utf8' });
    expect(images.trim().split('\n').slice(2)).toHaveLength(1);
  });

  it('uses the theme\'s colours and fonts', async () => {
    const layout = await xml.zip.file('ppt/slideLayouts/slideLayout3.xml')!.async('string');
    expect(layout).toContain('<a:srgbClr val="0D1117"/>');
    const content = xml.slides[deck.slides.findIndex((s) => s.kind === 'content')]!;
    expect(content).toContain('typeface="Atkinson Hyperlegible"');
    expect(content).toContain('<a:srgbClr val="FFD43B"/>'); // the yellow headings
    expect(content).toContain('<a:srgbClr val="F2F4F7"/>'); // the off-white text
    const core = await xml.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>Jane Doe &amp; John Smith</dc:creator>');
    expect(core).toContain('<cp:keywords>energy, islands</cp:keywords>');
    expect(core).toContain('<dc:language>en</dc:language>');
  });

  it('writes no PDFs when formats leaves pdf out, and --no-pptx takes the PowerPoint file away again', async () => {
    expect(existsSync(path.join(out, 'layouts', 'slides.pdf'))).toBe(false);
    const again = await runCapturing('build', essay, '--no-pptx', '--out', path.join(tmp, 'no-pptx'));
    expect(again.code).toBe(0);
    expect(existsSync(path.join(tmp, 'no-pptx', 'layouts', 'index.html'))).toBe(true);
    expect(existsSync(path.join(tmp, 'no-pptx', 'layouts', 'slides.pptx'))).toBe(false);
  });
});

describe('a picture PowerPoint may not show', () => {
  it('is drawn as its alt text, with a warning naming the slide and saying what to do', async () => {
    const { deck, theme } = compile(english);
    const dir = mkdtempSync(path.join(tmp, 'svg-'));
    writeFileSync(path.join(dir, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const slide: Slide = { ...deck.slides.find((s) => s.kind === 'content')!, body: { layout: 'image', src: 'chart.svg', alt: 'Solar share by island' } };
    const { buffer, diagnostics } = await renderPptx({ ...deck, slides: [slide] }, theme, dir);
    expect(diagnostics.map((d) => d.message)).toEqual(['slides.pptx, slide 1: image "chart.svg" is a SVG file, which PowerPoint may not show: slides.pptx shows its alt text; export it as PNG or JPEG']);
    writeFileSync(path.join(dir, 'svg.pptx'), buffer);
    const { slides } = await unzipSlides(path.join(dir, 'svg.pptx'));
    expect(slides[0]).not.toContain('<p:pic>');
    expect(textOf(slides[0]!)).toContain('Solar share by island');
  });
});

describe('a layout the PowerPoint writer does not know yet', () => {
  it('shows its text as points, in order, so nothing of the slide is lost', async () => {
    const { deck, theme } = compile(english);
    // A layout no writer knows (the planner's are all written; this one is made up for the test).
    const pyramid = { layout: 'pyramid', events: [{ date: '2012', text: 'Tokelau reaches 93% solar' }, { date: '2020', text: 'Samoa reaches 30%' }] };
    const slide: Slide = { ...deck.slides.find((s) => s.kind === 'content')!, body: pyramid as unknown as Slide['body'] };
    const { buffer } = await renderPptx({ ...deck, slides: [slide] }, theme, path.dirname(english));
    const file = path.join(tmp, 'fallback.pptx');
    writeFileSync(file, buffer);
    const { slides } = await unzipSlides(file);
    const paragraphs = [...slides[0]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!).filter((p) => /<a:buChar/.test(p)).map(textOf);
    expect(paragraphs).toEqual(['2012 — Tokelau reaches 93% solar', '2020 — Samoa reaches 30%']);
  });
});
