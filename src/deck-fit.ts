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
