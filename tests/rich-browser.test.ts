/**
 * Formulas, code, charts and diagrams in a real Chromium, offline: every slide
 * fits, nothing is requested outside the deck folder (no CDN), and they show in
 * the single-file deck and print in the PDFs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEssay } from '../src/build.js';
import { contrastRatio } from '../src/contrast.js';
import { measureFit, withDeck } from '../src/deck-fit.js';
import { defaultPdfOptions, exportPdfs } from '../src/export-pdf.js';
import { useBrowserSuite } from './helpers/browser-suite.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/rich', name);

const browser = useBrowserSuite('paparan-rich-');

/** Builds an essay with its three PDFs, and again as one file; opens both offline. */
async function buildBoth(name: string, theme = 'default') {
  const result = await buildEssay(fixture(name), {
    outDir: path.join(browser.out, theme, 'folder'),
    projectDir: root,
    cli: { theme },
    afterWrite: async ({ compiled, dir }) => {
      const pdfs = await exportPdfs(browser.session, compiled.deck, dir, { ...defaultPdfOptions, kinds: ['slides', 'handout', 'notes'] });
      // No page of any PDF asked for anything outside the deck folder.
      expect(pdfs.flatMap((pdf) => pdf.blocked)).toEqual([]);
    },
  });
  if (!result.ok) throw result.error;
  const single = await buildEssay(fixture(name), { outDir: path.join(browser.out, theme, 'single'), projectDir: root, cli: { theme }, singleFile: true });
  if (!single.ok) throw single.error;
  const pdfText = (kind: string) => execFileSync('pdftotext', ['-layout', path.join(result.outDir, `${kind}.pdf`), '-'], { encoding: 'utf8' });
  return { dir: result.outDir, singleDir: single.outDir, pdfText };
}

/** In the page: whether KaTeX's fonts are loaded and what the formulas show. */
function readMath() {
  return document.fonts.ready.then(() => ({
    katexFont: document.fonts.check('40px KaTeX_Main') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded'),
    formulas: document.querySelectorAll('.slides .katex').length,
    smallest: Math.min(...[...document.querySelectorAll<HTMLElement>('.math-display')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
  }));
}

describe.each(['default', 'gelap'])('formulas in the %s theme', (theme) => {
  it('fit their slides with KaTeX fonts from the deck folder, in the folder, the single file and the PDFs', async () => {
    const built = await buildBoth('rumus.md', theme);
    for (const dir of [built.dir, built.singleDir]) {
      const { value, blocked, errors } = await withDeck(browser.session, dir, async (page) => ({ fit: await page.evaluate(measureFit), math: await page.evaluate(readMath) }));
      expect(blocked, dir).toEqual([]);
      expect(errors).toEqual([]);
      expect(value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
      expect(value.math.katexFont).toBe(true);
      expect(value.math.formulas).toBeGreaterThanOrEqual(4);
      expect(value.math.smallest).toBeGreaterThanOrEqual(22);
    }
    expect(readFileSync(path.join(built.singleDir, 'index.html'), 'utf8')).not.toMatch(/fonts\/KaTeX|url\(["']?https?:|(src|href)="https?:/i);
    // β and Σ print as text; the notes give the TeX source.
    for (const kind of ['slides', 'handout']) expect(built.pdfText(kind), kind).toMatch(/β[\s\S]*∑|∑[\s\S]*β/);
    expect(built.pdfText('notes')).toContain('\\hat{\\beta}');
  }, 180_000);
});

/** In the page: each highlighted span's colour on its code background, and the smallest code font. */
function readCode() {
  type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const pairs: { kind: string; color: string; background: string }[] = [];
  let smallest = Infinity;
  reveal.getSlides().forEach((section, index) => {
    if (!section.querySelector('pre.code')) return;
    reveal.slide(index);
    for (const code of Array.from(section.querySelectorAll<HTMLElement>('pre.code code'))) {
      const background = getComputedStyle(code).backgroundColor;
      for (const span of Array.from(code.querySelectorAll<HTMLElement>('[class^="hljs-"], .ln'))) {
        if (span.closest('.is-marked')) continue;
        pairs.push({ kind: span.className, color: getComputedStyle(span).color, background });
        smallest = Math.min(smallest, parseFloat(getComputedStyle(span).fontSize));
      }
    }
  });
  return { pairs, smallest };
}

describe.each(['default', 'gelap', 'merah-putih'])('code in the %s theme', (theme) => {
  it('fits, in colours that pass contrast on the code background, at 22 px or more, in the folder, the single file and the PDFs', async () => {
    const built = await buildBoth('kode.md', theme);
    for (const dir of [built.dir, built.singleDir]) {
      const { value, blocked, errors } = await withDeck(browser.session, dir, async (page) => ({ fit: await page.evaluate(measureFit), code: await page.evaluate(readCode) }));
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      expect(value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
      expect(value.code.pairs.length).toBeGreaterThan(20);
      const weak = value.code.pairs.filter((p) => contrastRatio(p.color, p.background) < 4.5).map((p) => `${p.kind} ${p.color} on ${p.background}`);
      expect([...new Set(weak)]).toEqual([]);
      expect(value.code.smallest).toBeGreaterThanOrEqual(22);
    }
    for (const kind of ['slides', 'handout']) expect(built.pdfText(kind), kind).toContain('def rata_rata(data):');
  }, 180_000);
});

/** In the page: each chart's text size as shown (SVG units scaled to the slide), and whether it has its description. */
function readCharts() {
  type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void; getConfig(): { width: number } };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  return reveal
    .getSlides()
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => section.querySelector('svg.chart-svg'))
    .map(({ section, index }) => {
      reveal.slide(index);
      const svg = section.querySelector<SVGSVGElement>('svg.chart-svg')!;
      const slideScale = section.getBoundingClientRect().width / reveal.getConfig().width;
      const svgScale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width / slideScale;
      const sizes = Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize) * svgScale);
      const fills = Array.from(svg.querySelectorAll('rect, path, circle')).map((shape) => getComputedStyle(shape).fill);
      return { id: section.id, smallest: Math.min(...sizes), described: Boolean(svg.querySelector('desc')?.textContent), painted: fills.every((f) => f !== 'none' && f !== 'rgb(0, 0, 0)') };
    });
}

describe.each(['default', 'gelap', 'merah-putih'])('charts in the %s theme', (theme) => {
  it('fit, in the theme colours, text 22 px or more, in the folder, the single file and the PDFs', async () => {
    const built = await buildBoth('grafik.md', theme);
    for (const dir of [built.dir, built.singleDir]) {
      const { value, blocked, errors } = await withDeck(browser.session, dir, async (page) => ({ fit: await page.evaluate(measureFit), charts: await page.evaluate(readCharts) }));
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      expect(value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
      expect(value.charts).toHaveLength(3);
      for (const chart of value.charts) {
        expect(chart.smallest, chart.id).toBeGreaterThanOrEqual(22);
        expect(chart.described).toBe(true);
        expect(chart.painted, chart.id).toBe(true);
      }
    }
    for (const kind of ['slides', 'handout']) expect(built.pdfText(kind), kind).toContain('Jawa Timur');
    expect(built.pdfText('notes')).toContain('Jawa Timur | 1.250,5 | 980');
    // The audience's handout has the numbers too: the chart's table, printed in the cell after the chart.
    expect(built.pdfText('handout')).toMatch(/Angka pada slide 4[\s\S]*Provinsi[\s\S]*Jawa Timur\s+1\.250,5\s+980\s+Jawa Barat\s+1\.100\s+1\.020,25/);
  }, 180_000);
});

/** In the page, after diagrams.js has drawn: the diagrams drawn, what stayed code, and the smallest diagram text. */
function readDiagrams() {
  return Promise.resolve((window as unknown as { __paparanDiagrams?: Promise<number> }).__paparanDiagrams).then((drawn) => ({
    drawn,
    svgs: document.querySelectorAll('.slides .diagram-svg svg').length,
    code: Array.from(document.querySelectorAll('.slides pre.mermaid-error')).map((pre) => pre.textContent),
    texts: Array.from(document.querySelectorAll('.slides .diagram-svg svg text, .slides .diagram-svg svg foreignObject')).map((t) => t.textContent?.trim()).filter(Boolean),
  }));
}

describe.each(['default', 'gelap'])('diagrams in the %s theme', (theme) => {
  it('are drawn offline from the local mermaid, fit, and show in the single file and the three PDFs; a broken one stays code', async () => {
    const built = await buildBoth('diagram.md', theme);
    for (const dir of [built.dir, built.singleDir]) {
      const { value, blocked, errors } = await withDeck(browser.session, dir, async (page) => {
        const diagrams = await page.evaluate(readDiagrams);
        return { diagrams, fit: await page.evaluate(measureFit) };
      });
      expect(blocked, dir).toEqual([]);
      expect(errors).toEqual([]);
      expect(value.diagrams.drawn).toBe(4);
      expect(value.diagrams.svgs).toBe(4);
      expect(value.diagrams.code).toEqual(['flowchart TD\n  A[Mulai] -->']);
      expect(value.diagrams.texts.join(' ')).toMatch(/Pengumpulan ?data/);
      expect(value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
    }
    for (const kind of ['slides', 'handout', 'notes']) {
      const text = built.pdfText(kind);
      // Drawn, not the source: the labels are there, the Mermaid keywords are not (only the broken diagram's source is).
      for (const label of ['Pengumpulan', 'Responden', 'Diplomasi']) expect(text, `${kind}: ${label}`).toContain(label);
      for (const source of ['sequenceDiagram', 'mindmap', 'flowchart LR']) expect(text, `${kind}: ${source}`).not.toContain(source);
    }
  }, 240_000);
});

describe('a diagram is data', () => {
  it('runs no script, handler or javascript: link written in a diagram', async () => {
    const result = await buildEssay(fixture('diagram-unsafe.md'), { outDir: path.join(browser.out, 'unsafe'), projectDir: root });
    if (!result.ok) throw result.error;
    const { value, blocked, errors } = await withDeck(browser.session, result.outDir, (page) =>
      page.evaluate(() => {
        const svg = document.querySelector('.diagram-svg svg');
        for (const node of Array.from(svg?.querySelectorAll('*') ?? [])) (node as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return {
          drawn: Boolean(svg),
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          unsafe: Array.from(document.querySelectorAll('.slides *')).filter((el) => el.tagName.toLowerCase() === 'script' || Array.from(el.attributes).some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value))).length,
        };
      }),
    );
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(value).toEqual({ drawn: true, pwned: undefined, unsafe: 0 });
  }, 60_000);
});
