/**
 * Type the back row can read, measured in a real Chromium on a 1280×720 slide:
 * the shared essay in every built-in theme and in a theme that extends one.
 * Body text at least 32 px, nothing but the slide number under 22 px, titles
 * of at most two lines, lines of about 60 characters, no content slide with an
 * empty band of more than 30% of its height, and no word broken at its hyphen.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockRequestsOutside, withPage } from '../src/browser.js';
import { buildEssay } from '../src/build.js';
import { measureFit, measureType, withDeck, type SlideType } from '../src/deck-fit.js';
import { defaultPdfOptions, exportPdfs } from '../src/export-pdf.js';
import { useBrowserSuite } from './helpers/browser-suite.js';

const root = path.resolve(import.meta.dirname, '..');
const sharedEssay = path.join(root, 'content/kerja-sama-selatan-selatan.md');
const hyphens = path.join(root, 'tests/fixtures/essays/hyphens.md');
/** A class's essay with every title slide key; and one as full as a title slide gets: six authors, a title cut to three lines, two lecturers. */
const classEssays = ['kelas.md', 'kelas-penuh.md'].map((name) => path.join(root, 'tests/fixtures/essays', name));
const themes = ['default', 'gelap', 'merah-putih', path.join(root, 'examples/themes/kampus')];

/** Layouts whose text is the body of the slide (tables, code and reference lists are smaller by design). */
const prose = new Set(['bullets', 'statement', 'quote']);

const browser = useBrowserSuite('paparan-type-');

/** Builds an essay in a theme and measures every slide of its deck. */
async function measure(essay: string, theme: string): Promise<SlideType[]> {
  const result = await buildEssay(essay, { outDir: path.join(browser.out, `${path.basename(essay)}-${path.basename(theme)}`), projectDir: root, cli: { theme } });
  if (!result.ok) throw result.error;
  const { value, errors } = await withDeck(browser.session, result.outDir, (page) => page.evaluate(measureType));
  expect(errors).toEqual([]);
  return value;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

describe.each(themes)('the shared essay in %s', (theme) => {
  let slides: SlideType[];
  beforeAll(async () => {
    slides = await measure(sharedEssay, theme);
  });

  it('sets nothing but the slide number under 22 px, and the body at 32 px or more', () => {
    for (const slide of slides) expect(slide.minFontPx, `${slide.id}: "${slide.minFontText}"`).toBeGreaterThanOrEqual(22);
    const body = slides.filter((s) => s.kind === 'content' && prose.has(s.layout));
    expect(body.length).toBeGreaterThanOrEqual(6);
    for (const slide of body) expect(slide.bodyFontPx, slide.id).toBeGreaterThanOrEqual(32);
  });

  it('keeps content titles to two lines and body lines to about 60 characters', () => {
    for (const slide of slides.filter((s) => s.kind === 'content')) {
      expect(slide.titleLines, slide.id).toBeGreaterThanOrEqual(1);
      expect(slide.titleLines, slide.id).toBeLessThanOrEqual(2);
      expect(slide.longestLine, slide.id).toBeLessThanOrEqual(64);
    }
  });

  it('leaves no content slide with an empty band of more than 30% of its height', () => {
    const bands = slides.filter((s) => s.kind === 'content').map((s) => `${s.id} ${pct(s.emptyBand)}`);
    expect(bands.filter((band) => Number(/(\d+)%$/.exec(band)![1]) > 30)).toEqual([]);
  });

  it('never breaks a hyphenated word at its hyphen', () => {
    expect(slides.flatMap((s) => s.hyphenBreaks)).toEqual([]);
  });
});

describe.each(themes)('the title slide a class expects, in %s', (theme) => {
  it.each(classEssays)('fits %s, logo loaded, nothing under 22 px, and each divider previews its slides on one line', async (essay) => {
    const result = await buildEssay(essay, { outDir: path.join(browser.out, `${path.basename(essay)}-${path.basename(theme)}`), projectDir: root, cli: { theme } });
    if (!result.ok) throw result.error;
    const { value, errors } = await withDeck(browser.session, result.outDir, async (page) => ({
      fit: await page.evaluate(measureFit),
      type: await page.evaluate(measureType),
      page: await page.evaluate(() => {
        // Only the present slide is laid out: show each in turn.
        const reveal = (window as unknown as { Reveal: { getSlides(): HTMLElement[]; slide(h: number): void } }).Reveal;
        const slides = reveal.getSlides();
        reveal.slide(0);
        const logo = Array.from(slides[0]!.querySelectorAll<HTMLImageElement>('img.title-logo')).map((img) => ({ loaded: img.complete && img.naturalWidth > 0, height: img.getBoundingClientRect().height }));
        const previews: { text: string; cut: boolean }[] = [];
        slides.forEach((slide, index) => {
          const preview = slide.querySelector<HTMLElement>('.section-preview');
          if (!preview) return;
          reveal.slide(index);
          previews.push({ text: preview.textContent ?? '', cut: preview.scrollWidth > preview.clientWidth });
        });
        return { logo, previews };
      }),
    }));
    expect(errors).toEqual([]);
    const [title] = value.fit;
    expect(title).toMatchObject({ kind: 'title', overflowX: 0 });
    expect(title!.overflowY).toBeLessThanOrEqual(1);
    expect(value.type[0]!.minFontPx, value.type[0]!.minFontText).toBeGreaterThanOrEqual(22);
    // The essay's logo, and only it, on the title slide.
    expect(value.page.logo).toHaveLength(1);
    expect(value.page.logo[0]!.loaded).toBe(true);
    expect(value.page.logo[0]!.height).toBeGreaterThanOrEqual(30);
    for (const slide of value.type.filter((s) => s.kind === 'section')) expect(slide.minFontPx, slide.id).toBeGreaterThanOrEqual(22);
    // Shortened by paparan at a word (with "…"), never cut off by the browser.
    expect(value.page.previews.length).toBeGreaterThanOrEqual(1);
    for (const preview of value.page.previews) expect(preview.cut, preview.text).toBe(false);
  });
});

describe('hyphenated names and reduplications', () => {
  it.each(['default', 'gelap'])('stay whole at line ends in %s, and keep their characters', async (theme) => {
    const result = await buildEssay(hyphens, { outDir: path.join(browser.out, `hyphens-${theme}`), projectDir: root, cli: { theme } });
    if (!result.ok) throw result.error;
    const { value } = await withDeck(browser.session, result.outDir, async (page) => ({
      slides: await page.evaluate(measureType),
      text: await page.evaluate(() => Array.from(document.querySelectorAll('.slides > section')).map((s) => s.textContent).join(' ')),
    }));
    expect(value.slides.flatMap((s) => s.hyphenBreaks)).toEqual([]);
    // Many hyphenated words were laid out, so a break at a hyphen had every chance to happen.
    expect(value.slides.reduce((sum, s) => sum + s.hyphenated, 0)).toBeGreaterThanOrEqual(30);
    // The same characters as the essay: plain hyphens, nothing inserted.
    for (const word of ['Selatan-Selatan', 'negara-negara', 'South-South', 'bahu-membahu', 'puskesmas-puskesmas']) expect(value.text).toContain(word);
    expect(value.text).not.toMatch(/[\u2011\u00ad\u200b\u2060]/u);
  });
});

describe('the PDFs of the shared essay', () => {
  let deckDir: string;
  let kinds: string[];
  beforeAll(async () => {
    const result = await buildEssay(sharedEssay, {
      outDir: path.join(browser.out, 'pdfs'),
      afterWrite: ({ compiled, dir }) => exportPdfs(browser.session, compiled.deck, dir, { ...defaultPdfOptions, kinds: ['slides', 'handout', 'notes'] }),
    });
    if (!result.ok) throw result.error;
    deckDir = result.outDir;
    kinds = (await withDeck(browser.session, deckDir, (page) => page.evaluate(measureType))).value.map((s) => s.kind);
  }, 120_000);

  it('slides.pdf: no word but the slide number under 22 px, no content page more than 30% empty', () => {
    const xml = execFileSync('pdftotext', ['-bbox', path.join(deckDir, 'slides.pdf'), '-'], { encoding: 'utf8' });
    const pages = xml.split('<page ').slice(1);
    expect(pages).toHaveLength(kinds.length);
    pages.forEach((page, i) => {
      // Points to slide pixels (a 1280×720 px slide prints on 960×540 pt).
      const words = [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        left: (Number(m[1]) * 4) / 3,
        top: (Number(m[2]) * 4) / 3,
        bottom: (Number(m[3]) * 4) / 3,
        text: m[4]!,
      }));
      // The slide number stands alone in the bottom right corner.
      const text = words.filter((w) => !(w.left > 1200 && w.top > 660 && /^\d+$/.test(w.text)));
      // A word's box is the font's ascent to descent: 1.362 times its size in Noto Sans.
      const smallest = Math.min(...text.map((w) => (w.bottom - w.top) / 1.362));
      expect(smallest, `page ${i + 1}`).toBeGreaterThanOrEqual(21.5);
      if (kinds[i] !== 'content') return;
      let reached = 44;
      let band = 0;
      for (const word of text.sort((a, b) => a.top - b.top)) {
        band = Math.max(band, word.top - reached);
        reached = Math.max(reached, word.bottom);
      }
      band = Math.max(band, 720 - 28 - reached);
      expect(band / 720, `page ${i + 1}`).toBeLessThanOrEqual(0.3);
    });
  });

  it.each(['handout', 'notes'])('%s.html shows each slide as on screen: no text under 22 px, content balanced', async (kind) => {
    const slides = await withPage(browser.session, async (page) => {
      await blockRequestsOutside(page, deckDir);
      await page.goto(pathToFileURL(path.join(deckDir, `${kind}.html`)).href);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.evaluate(measureType, '.frame .slides > section');
    });
    expect(slides.map((s) => s.kind)).toEqual(kinds);
    for (const slide of slides) {
      expect(slide.minFontPx, `${slide.id}: "${slide.minFontText}"`).toBeGreaterThanOrEqual(22);
      if (slide.kind !== 'content') continue;
      if (prose.has(slide.layout)) expect(slide.bodyFontPx, slide.id).toBeGreaterThanOrEqual(32);
      expect(slide.titleLines, slide.id).toBeLessThanOrEqual(2);
      expect(slide.emptyBand, slide.id).toBeLessThanOrEqual(0.3);
      expect(slide.hyphenBreaks, slide.id).toEqual([]);
    }
  });
});
