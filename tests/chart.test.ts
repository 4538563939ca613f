/**
 * Charts from tables: `chart=bar|line|pie` (and a chart offered for a small
 * table of numbers) drawn as SVG at build time, in the theme's colours, with a
 * text alternative; the table stays in the notes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';
import { parseNumber } from '../src/chart.js';
import { renderHandout } from '../src/handout.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join('tests/fixtures/rich', name);
const compileFixture = (name: string) => compileEssay(readFileSync(path.join(root, fixture(name)), 'utf8'), { file: fixture(name), projectDir: root });
const charts = (deck: ReturnType<typeof compileFixture>['deck']) => deck.slides.flatMap((s) => (s.body?.layout === 'chart' ? [{ ...s.body.chart, notes: s.notes }] : []));

describe('charts in an Indonesian essay', () => {
  const { html, deck, diagnostics } = compileFixture('grafik.md');

  it('draws chart=bar, chart=pie and the offered line as SVG with no script, Indonesian numbers read right', () => {
    expect(charts(deck).map((c) => c.kind)).toEqual(['bar', 'pie', 'line']);
    expect(charts(deck)[0]!.series.map((s) => s.values)).toEqual([
      [1250.5, 1100, 890.75, 420],
      [980, 1020.25, 310, 260.5],
    ]);
    expect(charts(deck)[2]!.series[0]!.values).toEqual([5.02, -2.07, 3.7, 5.31, 5.05]);
    expect((html.match(/<svg class="chart-svg/g) ?? []).length).toBe(3);
    expect(html).toContain('>1.250,5</text>');
    expect(html).not.toMatch(/<script[^>]*chart/i);
  });

  it('gives each chart a text alternative with every value', () => {
    expect(html).toContain('<desc');
    expect(html).toContain('Diagram batang: Ekspor (triliun Rp), Impor (triliun Rp) menurut Provinsi. Jawa Timur: Ekspor (triliun Rp) 1.250,5, Impor (triliun Rp) 980;');
    expect(html).toContain('Diagram lingkaran: Pangsa menurut Sumber. Batu bara: 61;');
  });

  it('keeps the table in the notes', () => {
    expect(charts(deck)[0]!.notes).toEqual(['Provinsi | Ekspor (triliun Rp) | Impor (triliun Rp)', 'Jawa Timur | 1.250,5 | 980', 'Jawa Barat | 1.100 | 1.020,25', 'Kalimantan Timur | 890,75 | 310', 'Sumatera Utara | 420 | 260,5']);
  });

  it('warns with file:line about a table that cannot be a chart, and shows it as a table', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toContain(
      'tests/fixtures/rich/grafik.md:41: table cannot be shown as a chart: its first column must be labels and every other column numbers; it is shown as a table',
    );
    expect(deck.slides.some((s) => s.body?.layout === 'table' && s.body.header[0] === 'Negara')).toBe(true);
  });
});

describe('charts in an English essay', () => {
  const { html, deck } = compileFixture('charts.md');

  it('draws chart=line with two series, offers bars for a small table, and keeps chart=none a table', () => {
    expect(charts(deck).map((c) => c.kind)).toEqual(['line', 'bar']);
    expect(charts(deck)[0]!.series[0]!.values).toEqual([1210.5, 840, 620, 300]);
    expect(html).toContain('Line chart: Rainfall (mm), Average (mm) by Month.');
    expect(deck.slides.filter((s) => s.body?.layout === 'table')).toHaveLength(1);
  });

  it('leaves a table with a column of years as a table (a year labels, it does not measure)', () => {
    const { deck: english } = compileEssay(readFileSync(path.join(root, 'tests/fixtures/essays/english.md'), 'utf8'), { file: 'tests/fixtures/essays/english.md', projectDir: root });
    expect(english.slides.some((s) => s.body?.layout === 'table')).toBe(true);
    expect(charts(english)).toEqual([]);
  });

  it('escapes labels: markup in a cell is drawn as text', () => {
    const source = '---\ntitle: T\nlang: en\n---\n\n## A\n\n<!-- paparan: chart=bar -->\n| Name | Value |\n|---|---|\n| <script>alert(1)</script> | 3 |\n| b | 4 |\n';
    const { html: out } = compileEssay(source, { file: 'essay.md' });
    expect(out).not.toContain('<script>alert(1)');
  });
});

describe('numbers in table cells', () => {
  it('reads Indonesian and English thousands and decimals, currency and percent', () => {
    expect(parseNumber('1.234,5', 'id')).toBe(1234.5);
    expect(parseNumber('12,5%', 'id')).toBe(12.5);
    expect(parseNumber('Rp 5.000', 'id')).toBe(5000);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('$12', 'en')).toBe(12);
    expect(parseNumber('mitra lama', 'id')).toBeUndefined();
  });
});

describe('a chart on the handout', () => {
  const { deck } = compileFixture('grafik.md');
  const markup = { htmlAttributes: [], styles: [], sections: deck.slides.map((s) => `<section id="${s.id}"></section>`) };
  const handout = renderHandout(deck, markup, { paper: 'a4', landscape: false, perPage: 3, grayscale: false });

  it('prints the table of numbers in the cell after its chart, captioned with the slide number in the essay language', () => {
    const chartSlide = deck.slides.findIndex((s) => s.body?.layout === 'chart');
    const cells = handout.split('<div class="cell ').slice(1);
    const afterChart = cells[cells.findIndex((cell) => cell.includes(`id="${deck.slides[chartSlide]!.id}"`)) + 1]!;
    expect(afterChart).toContain(`Angka pada slide ${chartSlide + 1}`);
    expect(afterChart).toMatch(/<td>Jawa Timur<\/td><td style="text-align: right">1\.250,5<\/td>/);
    // Three charts, three tables: the handout has one cell more for each.
    expect(cells).toHaveLength(deck.slides.length + 3);
  });
});
