/**
 * The layouts the planner chose for the shared essay (timeline, big number,
 * comparison, definition, cards), in each built-in theme, in a real Chromium:
 * each fits its slide, its text is at least 22 px, and it prints in
 * slides.pdf and the handout with its text selectable.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEssay } from '../src/build.js';
import { measureFit, withDeck } from '../src/deck-fit.js';
import { defaultPdfOptions, exportPdfs } from '../src/export-pdf.js';
import { useBrowserSuite } from './helpers/browser-suite.js';

const root = path.resolve(import.meta.dirname, '..');
const sharedEssay = path.join(root, 'content/kerja-sama-selatan-selatan.md');
const layouts = ['timeline', 'bignumber', 'compare', 'definition', 'steps'];

const browser = useBrowserSuite('paparan-layouts-');

/** In the page: the layout slides, each with its fit and the smallest font size of its visible text (the slide number aside). */
function measureLayouts(names: string[]) {
  type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  return reveal
    .getSlides()
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => names.some((name) => section.classList.contains(`layout-${name}`)))
    .map(({ section, index }) => {
      reveal.slide(index);
      const sizes = Array.from(section.querySelectorAll<HTMLElement>('*'))
        .filter((el) => !el.closest('aside.notes') && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== '') && el.getClientRects().length > 0)
        .map((el) => parseFloat(getComputedStyle(el).fontSize));
      const layout = names.find((name) => section.classList.contains(`layout-${name}`))!;
      return { id: section.id, layout, smallest: Math.min(...sizes) };
    });
}

describe('a picture beside its points', () => {
  it('fills its half of the slide and fits, with the points beside it', async () => {
    const result = await buildEssay(path.join(root, 'tests/fixtures/essays/image-text.md'), { outDir: path.join(browser.out, 'image-text'), projectDir: root });
    if (!result.ok) throw result.error;
    const { value } = await withDeck(browser.session, result.outDir, async (page) => ({
      fit: await page.evaluate(measureFit),
      halves: await page.evaluate(() => {
        const box = document.querySelector('.image-text')!.getBoundingClientRect();
        const img = document.querySelector('.image-text img')!.getBoundingClientRect();
        const points = document.querySelector('.image-text ul.points')!.getBoundingClientRect();
        return { imageShare: img.width / box.width, pointsRight: points.left >= img.right };
      }),
    }));
    expect(value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
    expect(value.halves.imageShare).toBeGreaterThan(0.35);
    expect(value.halves.pointsRight).toBe(true);
  }, 60_000);
});

describe.each(['default', 'gelap', 'merah-putih'])('the layouts in the %s theme', (theme) => {
  it('fit their slides with text of 22 px or more, and print in slides.pdf and the handout', async () => {
    let deckSlides: string[] = [];
    const result = await buildEssay(sharedEssay, {
      outDir: path.join(browser.out, theme),
      projectDir: root,
      cli: { theme },
      afterWrite: async ({ compiled, dir }) => {
        deckSlides = compiled.deck.slides.map((s) => s.body?.layout ?? s.kind);
        await exportPdfs(browser.session, compiled.deck, dir, { ...defaultPdfOptions, kinds: ['slides', 'handout'] });
      },
    });
    if (!result.ok) throw result.error;
    for (const layout of layouts) expect(deckSlides, layout).toContain(layout);

    const { value, errors } = await withDeck(browser.session, result.outDir, async (page) => ({
      fit: await page.evaluate(measureFit),
      layouts: await page.evaluate(measureLayouts, layouts),
    }));
    expect(errors).toEqual([]);
    expect(new Set(value.layouts.map((l) => l.layout))).toEqual(new Set(layouts));
    const overflowing = value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1).map((s) => s.id);
    expect(overflowing).toEqual([]);
    for (const slide of value.layouts) expect(slide.smallest, `${slide.layout} (${slide.id})`).toBeGreaterThanOrEqual(22);

    // The layouts print as text, in the slides and on the handout.
    for (const kind of ['slides', 'handout']) {
      const text = execFileSync('pdftotext', ['-layout', path.join(result.outDir, `${kind}.pdf`), '-'], { encoding: 'utf8' });
      for (const expected of ['500%', '57%', 'Linimasa 1945–2017', '1955', 'KSS']) expect(text, `${kind}.pdf: ${expected}`).toContain(expected);
    }
  }, 120_000);
});
