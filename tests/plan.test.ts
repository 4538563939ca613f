/**
 * The planner's promises: nothing of the essay is lost, every slide stays
 * within its budget, and the author's directives are honoured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, estimateLines, slideSizeFor } from '../src/layout.js';
import type { Deck, Slide } from '../src/model.js';
import { parseEssay, plainInline } from '../src/parse.js';
import { planDeck, slugify } from '../src/plan/deck.js';
import { countWords, splitSentences } from '../src/sentences.js';

const root = path.resolve(import.meta.dirname, '..');
const plan = (source: string, file = 'essay.md', detail: 'summary' | 'full' = 'summary'): Deck => planDeck(parseEssay({ source, file, baseDir: root, slug: 'essay' }), { detail });
const planFile = (relative: string, detail: 'summary' | 'full' = 'summary') => plan(readFileSync(path.join(root, relative), 'utf8'), relative, detail);

const slideText = (slide: Slide): string => {
  const body = slide.body;
  const parts = [slide.title, slide.subtitle ?? '', ...(slide.sources ?? [])];
  if (body?.layout === 'bullets') parts.push(...body.points.flatMap((p) => [p.text, ...(p.subpoints ?? []).map((s) => s.text)]));
  if (body?.layout === 'quote') parts.push(body.text);
  if (body?.layout === 'table') parts.push(...body.header, ...body.rows.flat());
  if (body?.layout === 'references') parts.push(...body.entries);
  return parts.join(' ');
};
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('planDeck on the shared essay', () => {
  const deck = planFile('content/kerja-sama-selatan-selatan.md');
  const budget = budgetFor(slideSizeFor());

  it('keeps every sentence of the essay on a slide or in the notes', () => {
    const source = readFileSync(path.join(root, 'content/kerja-sama-selatan-selatan.md'), 'utf8').split('---\n')[2]!;
    const paragraphs = source.split('\n').filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('- '));
    const everything = normalize(deck.slides.map((s) => `${slideText(s)} ${s.notes.join(' ')}`).join(' '));
    for (const sentence of paragraphs.flatMap((p) => splitSentences(p))) expect(everything).toContain(normalize(sentence));
  });

  it('keeps bullet slides to about six points and 60 words', () => {
    for (const slide of deck.slides) {
      if (slide.body?.layout !== 'bullets' || slide.kind !== 'content') continue;
      expect(slide.body.points.length, slide.id).toBeLessThanOrEqual(budget.maxPoints);
      const words = slide.body.points.reduce((sum, p) => sum + countWords(plainInline(p.text)) + (p.subpoints ?? []).reduce((s, q) => s + countWords(q.text), 0), 0);
      expect(words, slide.id).toBeLessThanOrEqual(budget.maxWords);
    }
  });

  it('keeps every point short enough to read', () => {
    for (const slide of deck.slides) {
      if (slide.body?.layout !== 'bullets') continue;
      for (const point of slide.body.points) expect(countWords(plainInline(point.text)), point.text).toBeLessThanOrEqual(budget.maxPointWords * 1.6);
    }
  });

  it('turns the inline enumeration "1) ...; 2) ...; dan 3) ..." into a list', () => {
    // The list follows the title its lead made ("Terdapat beberapa prinsip dasar …"): its items are the slide's numbered cards.
    const withList = deck.slides.find((s) => s.body?.layout === 'steps' && s.body.items.some((p) => p.text.startsWith('Penegakan demokrasi')));
    expect(withList?.title).toMatch(/^Terdapat beberapa prinsip dasar/);
    const points = withList!.body!.layout === 'steps' ? withList!.body!.items.map((p) => p.text) : [];
    expect(points).toEqual([
      'Penegakan demokrasi dan Hak Asasi Manusia (HAM)',
      'Peningkatan inklusi serta pembangunan berkelanjutan',
      'Peningkatan penelitian dan pengembangan',
    ]);
    expect(withList!.sources).toContain('Indrawan et al. (2023)');
  });

  it('labels fixed slides in Indonesian', () => {
    expect(deck.lang).toBe('id');
    expect(deck.slides.flatMap((s) => [s.title, s.kicker ?? ''])).toEqual(expect.arrayContaining(['Daftar Isi', 'Pendahuluan', 'Referensi', 'Terima kasih']));
  });

  it('moves citations off the point and onto the source line', () => {
    const bullets = deck.slides.flatMap((s) => (s.body?.layout === 'bullets' ? s.body.points.map((p) => p.text) : []));
    expect(bullets.join(' ')).not.toContain('(Pujayanti, 2015)');
    expect(deck.slides.some((s) => s.sources?.includes('Pujayanti (2015)'))).toBe(true);
  });

  it('matches every citation to a reference: no warnings', () => {
    expect(deck.diagnostics).toEqual([]);
  });

  it('gives every slide a unique id usable in a URL', () => {
    const ids = deck.slides.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('planDeck on other essays', () => {
  it('warns with file and line about a citation that has no reference', () => {
    const deck = plan('---\ntitle: T\nlang: en\n---\n\n## Part\n\nSomething is true (Nobody, 2020).\n', 'content/x.md');
    expect(deck.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/x.md', line: 8, message: expect.stringContaining('"Nobody (2020)" has no matching reference') }),
    ]);
  });

  it('uses the author’s key points and keeps the paragraph in the notes', () => {
    const deck = planFile('tests/fixtures/essays/indonesian.md');
    const slide = deck.slides.find((s) => s.body?.layout === 'bullets' && s.body.points.some((p) => p.text === 'Akses internet'))!;
    expect(slide.body).toMatchObject({ points: [{ text: 'Akses internet' }, { text: 'Perangkat' }, { text: 'Kesiapan guru' }] });
    expect(slide.notes.join(' ')).toContain('Ada tiga tantangan utama');
  });

  it('starts a new slide at an explicit break', () => {
    const deck = planFile('tests/fixtures/essays/indonesian.md', 'full');
    const last = deck.slides.filter((s) => s.kind === 'content').at(-1)!;
    expect(last.body?.layout === 'bullets' && last.body.points[0]!.text).toContain('Menurut Andi Wijaya (2019)');
  });

  it('splits a long table over slides and repeats its header', () => {
    const deck = planFile('tests/fixtures/essays/stress.md');
    const tables = deck.slides.filter((s) => s.body?.layout === 'table');
    expect(tables.length).toBeGreaterThan(2);
    const rows = tables.flatMap((s) => (s.body?.layout === 'table' ? s.body.rows : []));
    expect(rows).toHaveLength(30);
    for (const slide of tables) expect(slide.body).toMatchObject({ header: ['No', 'Negara', 'Keterangan'] });
    expect(tables.slice(1).every((s) => s.continued)).toBe(true);
  });

  it('splits one 4,000-word sentence into many slides within the budget', () => {
    const deck = planFile('tests/fixtures/essays/one-long-sentence.md', 'full');
    const content = deck.slides.filter((s) => s.kind === 'content');
    expect(content.length).toBeGreaterThan(40);
    const budget = budgetFor(slideSizeFor());
    for (const slide of content) {
      const lines = slide.body?.layout === 'bullets' ? slide.body.points.reduce((sum, p) => sum + estimateLines(p.text, budget.charsPerLine - 3), 0) : 0;
      expect(lines).toBeLessThanOrEqual(budget.bodyLines);
    }
  });

  it('labels an English essay in English', () => {
    const deck = planFile('tests/fixtures/essays/english.md');
    expect(deck.slides.flatMap((s) => [s.title, s.kicker ?? ''])).toEqual(expect.arrayContaining(['Introduction', 'Outline', 'References', 'Thank you']));
  });
});

describe('estimateLines', () => {
  it('wraps whole words and breaks a word longer than a line', () => {
    expect(estimateLines('aaa bbb ccc', 7)).toBe(2);
    expect(estimateLines('aaaa bbbb', 9)).toBe(1);
    expect(estimateLines('x'.repeat(25), 10)).toBe(3);
  });
});

describe('slugify', () => {
  it('makes a readable ASCII id from an Indonesian or accented title', () => {
    expect(slugify('Potensi & Tantangan: Kerja Sama Selatan–Selatan')).toBe('potensi-tantangan-kerja-sama-selatan-selatan');
    expect(slugify('Café São Paulo')).toBe('cafe-sao-paulo');
  });
});
