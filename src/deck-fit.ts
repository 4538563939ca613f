/**
 * Opening a built deck in a browser the way a presenter would (file://,
 * network blocked) and measuring how far each slide's content reaches past it:
 * for `paparan check` and the browser tests alike.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { blockRequestsOutside, withPage, type BrowserSession } from './browser.js';

export interface SlideFit {
  id: string;
  kind: string;
  overflowY: number;
  overflowX: number;
}

/** Opens `<deckDir>/index.html` offline, waits for reveal.js and the fonts, and runs fn; reports blocked requests and page errors. */
export async function withDeck<T>(
  session: BrowserSession,
  deckDir: string,
  fn: (page: Page) => Promise<T>,
  /** Runs on the fresh page before the deck loads (e.g. to record its requests). */
  before?: (page: Page) => void,
): Promise<{ value: T; blocked: string[]; errors: string[] }> {
  return withPage(session, async (page) => {
    before?.(page);
    const blocked = await blockRequestsOutside(page, deckDir);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: 15_000 });
    await page.evaluate(() => {
      (window as unknown as { Reveal: { configure(o: object): void } }).Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
    });
    // Diagrams are drawn when the deck opens (templates/assets/diagrams.js); measure them drawn.
    await page.evaluate(() => Promise.resolve((window as unknown as { __paparanDiagrams?: Promise<unknown> }).__paparanDiagrams).then(() => document.fonts.ready).then(() => undefined));
    return { value: await fn(page), blocked, errors };
  });
}

/** Runs in the page: how far each slide's content reaches past the slide (in slide pixels). */
export function measureFit(): SlideFit[] {
  type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void; getConfig(): { width: number; height: number } };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const { width, height } = reveal.getConfig();
  return reveal.getSlides().map((section, index) => {
    reveal.slide(index);
    const box = section.getBoundingClientRect();
    const scale = box.width / width;
    let bottom = 0;
    let right = 0;
    for (const element of Array.from(section.querySelectorAll<HTMLElement>('*'))) {
      // The notes are not shown, nor is KaTeX's MathML (clipped to a pixel, for screen readers).
      if (element.closest('aside.notes, .katex-mathml')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      bottom = Math.max(bottom, (rect.bottom - box.top) / scale);
      right = Math.max(right, (rect.right - box.left) / scale);
    }
    return {
      id: section.id,
      kind: section.dataset.kind ?? '',
      overflowY: Math.max(0, bottom - height, section.scrollHeight - section.clientHeight),
      overflowX: Math.max(0, right - width, section.scrollWidth - section.clientWidth),
    };
  });
}

export interface SlideType {
  id: string;
  kind: string;
  /** The slide's layout (`bullets`, `statement`, …) for content slides. */
  layout: string;
  /** Smallest font size of any visible text on the slide (the slide number is outside it), and that text. */
  minFontPx: number;
  minFontText: string;
  /** The font size most of the body's characters are set in (0 without a body). */
  bodyFontPx: number;
  /** Lines the slide's heading (deck title, section title or slide title) wraps to. */
  titleLines: number;
  /** Characters of the longest line of body text. */
  longestLine: number;
  /** The tallest horizontal band between the top and bottom padding that no visible box covers, as a share of the slide's height. */
  emptyBand: number;
  /** Hyphenated words ("Selatan-Selatan") on the slide, and those of them that wrap onto two lines. */
  hyphenated: number;
  hyphenBreaks: string[];
}

/**
 * Runs in the page: the type sizes, title lines, line lengths and empty space of every slide (in slide
 * pixels). In a deck, each slide is shown in turn; on a print page (handout.html, notes.html), `selector`
 * names the slides, which are all laid out already, scaled into their frames. Written without inner named
 * functions: a bundler that keeps names would wrap them in a helper the page does not have.
 */
export function measureType(selector?: string): SlideType[] {
  type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void };
  const reveal = selector ? undefined : (window as unknown as { Reveal: RevealApi }).Reveal;
  const sections = reveal ? reveal.getSlides() : Array.from(document.querySelectorAll<HTMLElement>(selector!));
  const range = document.createRange();
  return sections.map((section, index) => {
    reveal?.slide(index);
    // Slide pixels: the section's own layout height, whatever the scale it is shown at.
    const height = section.offsetHeight;
    const box = section.getBoundingClientRect();
    const scale = box.height / height;
    const sectionStyle = getComputedStyle(section);
    const top = parseFloat(sectionStyle.paddingTop);
    const bottom = height - parseFloat(sectionStyle.paddingBottom);
    const covered: [number, number][] = [];
    let minFontPx = Infinity;
    let minFontText = '';
    const bodySizes = new Map<number, number>();
    const lines = new Map<string, number>();
    // Lines are counted per block (a point, a cell, a column of a timeline or comparison), not across columns side by side.
    const blocks = new Map<Element, number>();
    const body = section.querySelector('.slide-body');
    let hyphenated = 0;
    const hyphenBreaks: string[] = [];
    for (const element of Array.from(section.querySelectorAll<HTMLElement>('*'))) {
      const css = getComputedStyle(element);
      if (element.closest('aside.notes') || css.visibility === 'hidden' || Number(css.opacity) === 0 || element.getClientRects().length === 0) continue;
      const ownText = Array.from(element.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const paints =
        ['IMG', 'SVG', 'CANVAS', 'VIDEO'].includes(element.tagName.toUpperCase()) ||
        (css.backgroundColor !== 'rgba(0, 0, 0, 0)' && css.backgroundColor !== 'transparent') ||
        css.backgroundImage !== 'none' ||
        ['top', 'right', 'bottom', 'left'].some((side) => parseFloat(css.getPropertyValue(`border-${side}-width`)) > 0 && css.getPropertyValue(`border-${side}-style`) !== 'none');
      // A box that paints covers its whole height; text covers its lines.
      const rects: DOMRect[] = paints ? [element.getBoundingClientRect()] : [];
      for (const node of ownText) {
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) if (rect.height > 0 && rect.width > 0 && !paints) rects.push(rect);
      }
      for (const rect of rects) covered.push([(rect.top - box.top) / scale, (rect.bottom - box.top) / scale]);
      if (ownText.length === 0) continue;
      for (const node of ownText) {
        for (const word of node.textContent!.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
          hyphenated++;
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) hyphenBreaks.push(word[0]);
        }
      }
      const size = parseFloat(css.fontSize);
      if (size < minFontPx) {
        minFontPx = size;
        minFontText = (element.textContent ?? '').trim().slice(0, 40);
      }
      // The body: points, statements, quotes, tables; a point's subpoints are smaller by design.
      if (!body?.contains(element) || element.closest('.subpoints')) continue;
      const block = element.closest('li, p, td, th, figcaption, blockquote, h3') ?? element;
      if (!blocks.has(block)) blocks.set(block, blocks.size);
      for (const node of ownText) {
        bodySizes.set(size, (bodySizes.get(size) ?? 0) + node.textContent!.trim().length);
        // Characters per line: each word counts on the line its box starts on.
        for (const word of node.textContent!.matchAll(/\S+/g)) {
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const key = `${blocks.get(block)}:${Math.round((rect.top - box.top) / scale / 4)}`;
          lines.set(key, (lines.get(key) ?? 0) + word[0].length + 1);
        }
      }
    }
    covered.sort((a, b) => a[0] - b[0]);
    let emptyBand = 0;
    let reached = top;
    for (const [from, to] of covered) {
      if (to <= reached) continue;
      emptyBand = Math.max(emptyBand, Math.min(from, bottom) - reached);
      reached = Math.max(reached, to);
      if (reached >= bottom) break;
    }
    emptyBand = Math.max(emptyBand, bottom - reached);
    // Lines of the heading, told apart by the tops of their boxes (a smaller "(continued)" sits a little lower).
    const heading = section.querySelector('.deck-title, .section-title, .slide-title');
    let titleLines = 0;
    if (heading) {
      const pitch = parseFloat(getComputedStyle(heading).lineHeight) || parseFloat(getComputedStyle(heading).fontSize);
      range.selectNodeContents(heading);
      let lineTop = -Infinity;
      for (const rect of Array.from(range.getClientRects()).sort((a, b) => a.top - b.top)) {
        if (rect.height === 0 || rect.top < lineTop + pitch / 2) continue;
        titleLines++;
        lineTop = rect.top;
      }
    }
    return {
      id: section.id,
      kind: section.dataset.kind ?? '',
      layout: /\blayout-(\S+)/.exec(section.className)?.[1] ?? '',
      minFontPx,
      minFontText,
      bodyFontPx: [...bodySizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0,
      titleLines,
      longestLine: Math.max(0, ...[...lines.values()].map((n) => n - 1)),
      emptyBand: Math.max(0, emptyBand) / height,
      hyphenated,
      hyphenBreaks,
    };
  });
}
