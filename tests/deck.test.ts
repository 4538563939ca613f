/**
 * The built deck, opened in a real Chromium the way a presenter would open it
 * from a USB stick: from file://, with the network blocked.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockRequestsOutside, withPage } from '../src/browser.js';
import { buildEssay } from '../src/build.js';
import { decodeEssayBytes } from '../src/decode.js';
import { splitSentences } from '../src/sentences.js';
import { measureFit, withDeck, type SlideFit } from '../src/deck-fit.js';
import { useBrowserSuite } from './helpers/browser-suite.js';

const root = path.resolve(import.meta.dirname, '..');
const sharedEssay = path.resolve(root, '../shared/essays/kerja-sama-selatan-selatan.txt');
const fixtures = path.join(root, 'tests/fixtures/essays');

const browser = useBrowserSuite('paparan-deck-');

interface SlideReport extends SlideFit {
  notes: string;
  text: string;
  minFontPx: number;
  /** Lines the slide's heading (deck title, section title or slide title) wraps to. */
  titleLines: number;
  /** Words of table cells that wrap onto two lines. */
  brokenWords: string[];
}

interface DeckReport {
  ready: boolean;
  total: number;
  lang: string;
  title: string;
  fontLoaded: boolean;
  slides: SlideReport[];
  blocked: string[];
  errors: string[];
  images: { alt: string; loaded: boolean }[];
}

/** Builds an essay and opens its deck offline; reports what a viewer would see on every slide. */
async function openDeck(essay: string): Promise<DeckReport & { slideCount: number }> {
  const result = await buildEssay(essay, { outDir: browser.out });
  if (!result.ok) throw result.error;
  const { value, blocked, errors } = await withDeck(browser.session, result.outDir, readDeck);
  return { ...value, blocked, errors, slideCount: result.slides };
}

/** Fit of every slide (the shared measurement) joined with what each slide shows. */
async function readDeck(page: Page): Promise<Omit<DeckReport, 'blocked' | 'errors'>> {
  const fit = await page.evaluate(measureFit);
  const report = await page.evaluate(describeSlides);
  return { ...report, slides: report.slides.map((slide, i) => ({ ...slide, ...fit[i]! })) };
}

/** Runs in the page: each slide's text, notes and smallest font, and the deck's state. */
function describeSlides() {
  const images = Array.from(document.querySelectorAll<HTMLImageElement>('.slides img')).map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 }));
  type RevealApi = { getSlides(): HTMLElement[]; getTotalSlides(): number; isReady(): boolean; slide(h: number): void };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const slides = reveal.getSlides().map((section, index) => {
    // Only the present slide is laid out.
    reveal.slide(index);
    let minFontPx = Infinity;
    for (const element of Array.from(section.querySelectorAll<HTMLElement>('*'))) {
      if (element.closest('aside.notes')) continue;
      if (Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())) {
        minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(element).fontSize));
      }
    }
    const heading = section.querySelector<HTMLElement>('.deck-title, .section-title, .slide-title');
    let titleLines = 0;
    if (heading) {
      // Lines of text, told apart by the tops of their boxes (a smaller "(continued)" sits a little lower on its line).
      const range = document.createRange();
      range.selectNodeContents(heading);
      const pitch = parseFloat(getComputedStyle(heading).lineHeight);
      let top = -Infinity;
      for (const rect of Array.from(range.getClientRects()).sort((a, b) => a.top - b.top)) {
        if (rect.height === 0 || rect.top < top + pitch / 2) continue;
        titleLines++;
        top = rect.top;
      }
    }
    const brokenWords: string[] = [];
    for (const cell of Array.from(section.querySelectorAll('th, td'))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (range.getClientRects().length > 1) brokenWords.push(word[0]);
        }
      }
    }
    const notes = section.querySelector('aside.notes')?.textContent ?? '';
    const clone = section.cloneNode(true) as HTMLElement;
    clone.querySelector('aside.notes')?.remove();
    return { notes, text: clone.textContent ?? '', minFontPx, titleLines, brokenWords };
  });
  return {
    ready: reveal.isReady(),
    total: reveal.getTotalSlides(),
    lang: document.documentElement.lang,
    title: document.title,
    fontLoaded: document.fonts.check('30px "Noto Sans"') && Array.from(document.fonts).some((f) => f.family.includes('Noto Sans') && f.status === 'loaded'),
    slides,
    images,
  };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the deck of the shared essay', () => {
  let deck: Awaited<ReturnType<typeof openDeck>>;
  beforeAll(async () => {
    deck = await openDeck(path.join(root, 'content/kerja-sama-selatan-selatan.md'));
  });

  it('loads reveal.js with every planned slide, offline and without errors', () => {
    expect(deck.ready).toBe(true);
    expect(deck.total).toBe(deck.slideCount);
    expect(deck.blocked).toEqual([]);
    expect(deck.errors).toEqual([]);
    expect(deck.lang).toBe('id');
    expect(deck.title).toBe('Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia');
  });

  it('uses the bundled Noto Sans font, not a fallback', () => {
    expect(deck.fontLoaded).toBe(true);
  });

  it('fits every slide inside the slide area, with text no smaller than 16px', () => {
    const overflowing = deck.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1).map((s) => `${s.id}: ${s.overflowY}px down, ${s.overflowX}px right`);
    expect(overflowing).toEqual([]);
    for (const slide of deck.slides) expect(slide.minFontPx, slide.id).toBeGreaterThanOrEqual(16);
  });

  it('has speaker notes on every content slide that shows prose', () => {
    const prose = deck.slides.filter((s) => s.kind === 'content');
    expect(prose.length).toBeGreaterThanOrEqual(8);
    for (const slide of prose) expect(normalize(slide.notes).length, slide.id).toBeGreaterThan(20);
  });

  it('loses no sentence of the essay: each is on a slide or in the notes', () => {
    const essay = decodeEssayBytes(readFileSync(sharedEssay), sharedEssay).text;
    const shown = normalize(deck.slides.map((s) => `${s.text} ${s.notes}`).join(' '));
    const sentences = essay
      .split('\n')
      .filter((line) => line.trim())
      .flatMap((line) => splitSentences(line));
    expect(sentences.length).toBeGreaterThanOrEqual(30);
    const missing = sentences.filter((sentence) => !shown.includes(normalize(sentence)));
    expect(missing).toEqual([]);
  });

  it('shows the title, outline, section dividers, references and closing in order', () => {
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds[1]).toBe('outline');
    expect(kinds.filter((k) => k === 'section')).toHaveLength(3);
    expect(kinds.at(-2)).toBe('references');
    expect(kinds.at(-1)).toBe('closing');
    expect(deck.slides.at(-1)!.text).toContain('Terima kasih');
    expect(deck.slides[1]!.text).toContain('Daftar Isi');
  });

  it('keeps citations visible as a source line', () => {
    const withSource = deck.slides.filter((s) => s.text.includes('Sumber: Pujayanti (2015)'));
    expect(withSource.length).toBeGreaterThan(0);
  });
});

describe('decks that push the planner', () => {
  it('builds the plain-text essay directly and keeps every sentence of it', async () => {
    const deck = await openDeck(sharedEssay);
    expect(deck.errors).toEqual([]);
    expect(deck.lang).toBe('id');
    expect(deck.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
    const shown = normalize(deck.slides.map((s) => `${s.text} ${s.notes}`).join(' '));
    const essay = decodeEssayBytes(readFileSync(sharedEssay), sharedEssay).text;
    const missing = essay.split('\n').flatMap((line) => splitSentences(line)).filter((s) => s !== 'Â' && !shown.includes(normalize(s)));
    expect(missing).toEqual([]);
  });

  it('fits an essay of long headings, long lists, a long table, a long quote and code', async () => {
    const deck = await openDeck(path.join(fixtures, 'stress.md'));
    expect(deck.errors).toEqual([]);
    const overflowing = deck.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1).map((s) => `${s.id}: ${s.overflowY}px`);
    expect(overflowing).toEqual([]);
    // Short words in a table stay whole ("No", not "N" over "o").
    expect(deck.slides.flatMap((s) => s.brokenWords)).toEqual([]);
    // The 30-row table is split, never cut off: every row is on some slide.
    const text = deck.slides.map((s) => s.text).join(' ');
    for (let row = 1; row <= 30; row++) expect(text).toContain(`Negara ${row}`);
  });

  it('fits a 200-column table, 5,000-character words and links, 500 nested quotes and 50-word titles, losing none of them', async () => {
    const deck = await openDeck(path.join(fixtures, 'overflow.md'));
    expect(deck.errors).toEqual([]);
    const overflowing = deck.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1).map((s) => `${s.id}: ${Math.round(s.overflowY)}px down, ${Math.round(s.overflowX)}px right`);
    expect(overflowing).toEqual([]);
    for (const slide of deck.slides) {
      expect(slide.minFontPx, slide.id).toBeGreaterThanOrEqual(18);
      expect(slide.titleLines, slide.id).toBeLessThanOrEqual(3);
      expect(slide.brokenWords, slide.id).toEqual([]);
    }
    const source = readFileSync(path.join(fixtures, 'overflow.md'), 'utf8');
    const everything = normalize(deck.slides.map((s) => `${s.text} ${s.notes}`).join(' '));
    // Shortened titles, links and words are whole in the notes; every cell of the wide table is on a slide.
    const title = /^title: "(.*)"$/m.exec(source)![1]!;
    const headings = [...source.matchAll(/^#{2,3} (.*)$/gm)].map((m) => m[1]!);
    const longWords = source.split(/\s+/).filter((w) => w.length >= 1000).map((w) => w.replace(/"$/, ''));
    expect(longWords.length).toBeGreaterThanOrEqual(5);
    for (const text of [title, ...headings, ...longWords]) expect(everything, text.slice(0, 60)).toContain(text);
    const shown = deck.slides.map((s) => s.text).join(' ');
    for (let column = 1; column <= 200; column++) {
      expect(shown).toMatch(new RegExp(`Column ${column}(?!\\d)`));
      for (let row = 1; row <= 3; row++) expect(shown).toMatch(new RegExp(`r${row}c${column}(?!\\d)`));
    }
    expect(everything).toContain('The innermost of 500 nested quotes.');
    expect(everything).toContain('List level 8');
  });

  it('fits a single 4,000-word sentence over many slides, and keeps all of it in the notes', async () => {
    const deck = await openDeck(path.join(fixtures, 'one-long-sentence.md'));
    const overflowing = deck.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1).map((s) => s.id);
    expect(overflowing).toEqual([]);
    const source = readFileSync(path.join(fixtures, 'one-long-sentence.md'), 'utf8').split('---\n').at(-1)!;
    const notes = normalize(deck.slides.map((s) => s.notes).join(' '));
    expect(notes).toContain(normalize(source));
  });

  it('builds an English essay with English labels, and scales its large image to fit with its alt text', async () => {
    const deck = await openDeck(path.join(fixtures, 'english.md'));
    expect(deck.lang).toBe('en');
    expect(deck.blocked).toEqual([]);
    expect(deck.images).toEqual([{ alt: 'Solar share by island', loaded: true }]);
    expect(deck.slides.some((s) => s.text.includes('References'))).toBe(true);
    expect(deck.slides.at(-1)!.text).toContain('Thank you');
    expect(deck.slides.filter((s) => s.overflowY > 1)).toEqual([]);
  });
});

describe('presenting', () => {
  it('opens the speaker view with the notes when S is pressed', async () => {
    const result = await buildEssay(path.join(fixtures, 'english.md'), { outDir: browser.out });
    if (!result.ok) throw result.error;
    await withPage(browser.session, async (page) => {
      await blockRequestsOutside(page, result.outDir);
      await page.goto(pathToFileURL(path.join(result.outDir, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await goToSlideWith(page, '.notes', 'far from markets');
      const popup = new Promise<Page>((resolve) => page.once('popup', (p) => resolve(p!)));
      await page.keyboard.press('s');
      const speaker = await popup;
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes')?.textContent?.includes('far from markets'), { timeout: 15_000 });
      const notes = await speaker.evaluate(() => document.querySelector('.speaker-controls-notes')?.textContent ?? '');
      expect(notes).toContain('Islands are far from markets');
      await speaker.close();
    });
  });

  it('shows the keyboard help with ?, blacks out with B, and paces slides by the planned duration', async () => {
    const file = path.join(browser.out, 'timed.md');
    writeFileSync(file, '---\ntitle: Timed\nlang: en\nduration: 10\n---\n\n## Part\n\n<!-- paparan: timing=90 class=highlight background=#12355b -->\nA slide with its own pace.\n');
    const result = await buildEssay(file, { outDir: browser.out });
    if (!result.ok) throw result.error;
    await withPage(browser.session, async (page) => {
      await page.goto(pathToFileURL(path.join(result.outDir, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await goToSlideWith(page, '.notes', 'its own pace');
      const section = await page.evaluate(() => {
        const s = document.querySelector('.slides section.present') as HTMLElement;
        return { timing: s.dataset.timing, classes: s.className, background: s.dataset.background };
      });
      expect(section).toMatchObject({ timing: '90', background: '#12355b' });
      expect(section.classes).toContain('highlight');
      expect(await page.evaluate(() => (window as unknown as { Reveal: { getConfig(): { totalTime: number } } }).Reveal.getConfig().totalTime)).toBe(600);
      await page.keyboard.down('Shift');
      await page.keyboard.press('Slash');
      await page.keyboard.up('Shift');
      await page.waitForSelector('.r-overlay-help', { visible: true, timeout: 5_000 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('b');
      await page.waitForFunction(() => document.querySelector('.reveal')!.classList.contains('paused'));
    });
  });

  it('gives every slide its own URL hash', async () => {
    const result = await buildEssay(path.join(fixtures, 'english.md'), { outDir: browser.out });
    if (!result.ok) throw result.error;
    const ids = await withPage(browser.session, async (page) => {
      await page.goto(pathToFileURL(path.join(result.outDir, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash !== '#/title');
      return { hash: await page.evaluate(() => location.hash), ids: await page.evaluate(() => Array.from(document.querySelectorAll('.slides > section')).map((s) => s.id)) };
    });
    expect(new Set(ids.ids).size).toBe(ids.ids.length);
    expect(ids.hash).toBe(`#/${ids.ids[1]}`);
  });
});

describe('a single-file deck', () => {
  it('presents from file:// as one HTML file: no other file or network request, every slide fits, fonts and the theme logo embedded', async () => {
    const theme = path.join(root, 'examples/themes/kampus');
    const result = await buildEssay(path.join(fixtures, 'english.md'), { outDir: browser.out, singleFile: true, cli: { theme }, projectDir: root });
    if (!result.ok) throw result.error;
    // One HTML file, beside paparan's own small manifest (.paparan.json, not needed to present).
    expect(readdirSync(result.outDir).filter((name) => !name.startsWith('.'))).toEqual(['index.html']);
    expect(result.singleFileBytes).toBeGreaterThan(100_000);
    const requests: string[] = [];
    const { value, blocked, errors } = await withDeck(browser.session, result.outDir, readDeck, (page) =>
      page.on('request', (request) => {
        if (!request.url().startsWith('data:')) requests.push(request.url());
      }),
    );
    const report = { ...value, blocked, errors, requests };
    expect(report.requests).toEqual([pathToFileURL(path.join(result.outDir, 'index.html')).href]);
    expect(report.blocked).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.fontLoaded).toBe(true);
    expect(report.images.filter((i) => i.alt === 'Solar share by island')).toEqual([{ alt: 'Solar share by island', loaded: true }]);
    // The campus logo, on every slide: loaded from inside the one file.
    expect(report.images.length).toBeGreaterThan(5);
    expect(report.images.every((i) => i.loaded)).toBe(true);
    expect(report.slides.length).toBeGreaterThan(5);
    expect(report.slides.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
    expect(report.slides.every((s) => s.text.trim().length > 0)).toBe(true);
  });
});

/** Shows the slide whose `selector` element contains `text`, as a presenter would by paging to it. */
async function goToSlideWith(page: Page, selector: string, text: string): Promise<void> {
  const found = await page.evaluate(
    (sel, wanted) => {
      const slides = [...document.querySelectorAll('.slides > section')];
      const index = slides.findIndex((s) => s.querySelector(sel)?.textContent?.includes(wanted));
      (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(index);
      return index;
    },
    selector,
    text,
  );
  expect(found, `a slide whose ${selector} contains "${text}"`).toBeGreaterThanOrEqual(0);
}
