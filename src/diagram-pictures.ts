/**
 * Pictures of a deck's Mermaid diagrams for slides.pptx: Mermaid needs a
 * browser, so each diagram is drawn in the staged deck's own page (its copy of
 * Mermaid, its theme and fonts, nothing from the network) and taken as a PNG
 * at twice its size. Without a browser the PPTX keeps the diagrams' source,
 * and one warning says how to get pictures.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { blockRequestsOutside, missingBrowserMessage, startBrowser, type BrowserSession } from './browser.js';
import { firstLine, type Diagnostic } from './errors.js';
import type { Deck } from './model.js';

export interface DiagramPicture {
  png: Buffer;
  /** Size in CSS pixels, as the deck draws it (the PNG has twice as many). */
  width: number;
  height: number;
  /** The Mermaid source on one line, for screen readers. */
  alt: string;
}

export interface DiagramSource {
  source: string;
  /** The essay line of its fence: the deck marks each drawn diagram with it. */
  line: number;
}

/** As wide as a slide's body can show (1280 px less its side padding): wider diagrams are drawn to this width. */
const MAX_WIDTH = 1152;
const SCALE = 2;

/**
 * Draws each diagram in the built deck at `deckDir` (index.html with its assets) and returns its PNG, by
 * Mermaid source. A diagram Mermaid cannot draw has no picture. Requests outside the deck are refused.
 */
export async function renderDiagramPictures(browser: Browser, deckDir: string, diagrams: DiagramSource[], timeoutMs = 60_000): Promise<Map<string, DiagramPicture>> {
  const pictures = new Map<string, DiagramPicture>();
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    await blockRequestsOutside(page, deckDir);
    await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: SCALE });
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load', timeout: timeoutMs });
    // templates/assets/diagrams.js draws the diagrams when the page loads; the labels need the fonts.
    await page.evaluate('Promise.resolve(window.__paparanDiagrams).then(() => document.fonts.ready).then(() => true)');
    // Each drawn diagram is taken out of the slides onto a clear page, at its own size up to a body's width.
    const drawn = (await page.evaluate(`(() => {
      for (const element of [document.documentElement, document.body]) element.style.setProperty('background', 'transparent', 'important');
      const reveal = document.querySelector('.reveal');
      if (reveal) reveal.style.setProperty('visibility', 'hidden', 'important');
      const stage = document.createElement('div');
      stage.style.cssText = 'position:absolute;left:0;top:0;width:${MAX_WIDTH}px;margin:0;padding:0;visibility:visible;';
      document.body.append(stage);
      return [...document.querySelectorAll('.diagram-svg[data-line] svg')].map((svg) => {
        const line = Number(svg.parentElement.getAttribute('data-line'));
        const box = svg.viewBox && svg.viewBox.baseVal;
        const width = Math.min(${MAX_WIDTH}, box && box.width > 0 ? box.width : svg.getBoundingClientRect().width);
        const holder = document.createElement('div');
        holder.style.cssText = 'display:none;line-height:0;';
        svg.style.cssText = 'display:block;width:' + width + 'px;height:auto;max-width:none;max-height:none;';
        holder.append(svg);
        stage.append(holder);
        return line;
      });
    })()`)) as number[];
    const holders = await page.$$('body > div:last-child > div');
    for (const [i, line] of drawn.entries()) {
      const diagram = diagrams.find((d) => d.line === line);
      if (!diagram || pictures.has(diagram.source)) continue;
      const holder = holders[i]!;
      await page.evaluate((element) => {
        for (const other of Array.from(element.parentElement!.children)) (other as HTMLElement).style.display = 'none';
        (element as HTMLElement).style.display = 'block';
      }, holder);
      const box = await holder.evaluate((element) => {
        const rect = element.firstElementChild!.getBoundingClientRect();
        return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
      });
      if (box.width === 0 || box.height === 0) continue;
      await page.setViewport({ width: Math.max(1280, box.width), height: Math.max(720, box.height), deviceScaleFactor: SCALE });
      const png = Buffer.from(await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, ...box } }));
      pictures.set(diagram.source, { png, ...box, alt: diagram.source.split('\n').map((l) => l.trim()).filter(Boolean).join('; ') });
    }
  } finally {
    await page.close().catch(() => {});
  }
  return pictures;
}

export interface DrawOptions {
  /** The build's browser, started on first need and shared with the PDF step; without it one is started here and closed after. */
  browser?: (executablePath?: string) => Promise<BrowserSession>;
  /** The browser the settings name (--browser). */
  executablePath?: string;
  timeoutMs?: number;
}

/**
 * The pictures of a staged deck's diagrams for slides.pptx, and how long drawing them took. When no
 * browser can be found or drawing fails, no pictures (the PPTX shows the source) and one warning.
 */
export async function drawDiagramPictures(deck: Deck, deckDir: string, options: DrawOptions = {}): Promise<{ pictures: Map<string, DiagramPicture>; diagnostics: Diagnostic[]; ms: number }> {
  const started = performance.now();
  const diagrams = deck.slides.flatMap((slide) => (slide.body?.layout === 'diagram' ? [{ source: slide.body.source, line: slide.body.line }] : []));
  if (diagrams.length === 0) return { pictures: new Map(), diagnostics: [], ms: 0 };
  let own: BrowserSession | undefined;
  try {
    const session = options.browser ? await options.browser(options.executablePath) : (own = await startBrowser({ executablePath: options.executablePath }));
    const pictures = await renderDiagramPictures(session.browser, deckDir, diagrams, options.timeoutMs);
    return { pictures, diagnostics: [], ms: performance.now() - started };
  } catch (error) {
    const more = diagrams.length > 1 ? ` (and ${diagrams.length - 1} more)` : '';
    const why =
      error instanceof Error && error.message === missingBrowserMessage()
        ? 'drawing it needs Chrome or Chromium, and none was found; install Chromium (`sudo apt-get install chromium`) or Google Chrome, or set PUPPETEER_EXECUTABLE_PATH'
        : `it could not be drawn (${firstLine(error)}); build again, or pass another browser with --browser PATH`;
    const message = `slides.pptx shows this diagram${more} as its Mermaid source: ${why}`;
    return { pictures: new Map(), diagnostics: [{ severity: 'warning', file: deck.file, line: diagrams[0]!.line, message }], ms: performance.now() - started };
  } finally {
    await own?.close();
  }
}
