/**
 * The summary planner against its promises (issue #9), on the shared essay and
 * two more (one English): every figure within its bound, and the planned
 * slides, as text, equal to the golden files a person has read line by line.
 * A rule change shows here as a diff: read it, and update the golden file with
 * `npx tsx scripts/outline.ts FILE > tests/golden/NAME.txt` only if it reads better.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEssay, slugFromPath } from '../src/parse.js';
import { planDeck } from '../src/plan/deck.js';
import { BOUNDS, figuresOutOfBounds, measureDeck } from '../src/plan/metrics.js';
import { outlineDeck } from '../src/plan/outline.js';

const root = path.resolve(import.meta.dirname, '..');
const essays = ['content/kerja-sama-selatan-selatan.md', 'tests/fixtures/essays/digitalisasi-umkm.md', 'tests/fixtures/essays/urban-heat.md'];

function planned(relative: string) {
  const source = readFileSync(path.join(root, relative), 'utf8');
  const doc = parseEssay({ source, file: relative, baseDir: path.dirname(path.join(root, relative)), slug: slugFromPath(relative) });
  return { doc, deck: planDeck(doc) };
}

describe.each(essays)('the summary deck of %s', (relative) => {
  const { doc, deck } = planned(relative);
  const figures = measureDeck(deck, doc);

  it('matches its golden outline, read line by line', () => {
    const golden = readFileSync(path.join(root, 'tests/golden', `${path.basename(relative, '.md')}.txt`), 'utf8');
    expect(outlineDeck(deck)).toBe(golden);
  });

  it('keeps every figure within the bounds paparan check enforces', () => {
    expect(figuresOutOfBounds(figures)).toEqual([]);
    expect(figures.bulletWordsMax).toBeLessThanOrEqual(BOUNDS.bulletWordsMax);
    expect(figures.fragments).toBe(0);
    expect(figures.continuations).toBe(0);
  });

  it('puts every sentence of the essay in the notes, each paragraph once', () => {
    expect(figures.sentencesMissing).toEqual([]);
    const notes = deck.slides.flatMap((s) => s.notes);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('never repeats 15 or more consecutive words of the essay in more than 1 bullet in 10', () => {
    const essay = ` ${[...doc.preamble, ...doc.sections.flatMap((s) => s.blocks)].map((b) => ('text' in b ? b.text : '')).join(' ').toLowerCase()} `;
    const bullets = deck.slides.flatMap((s) => (s.body?.layout === 'bullets' ? s.body.points.map((p) => p.text) : []));
    const pasted = bullets.filter((b) => {
      const words = b.replace(/\*\*/g, '').toLowerCase().split(/\s+/);
      for (let i = 0; i + 15 <= words.length; i++) if (essay.includes(` ${words.slice(i, i + 15).join(' ')} `)) return true;
      return false;
    });
    expect(pasted.length).toBeLessThanOrEqual(Math.floor(bullets.length / 10));
  });

  it('shows the section in a line above a claim title of its own', () => {
    const content = deck.slides.filter((s) => s.kind === 'content');
    for (const slide of content) {
      expect(slide.kicker, slide.title).toBeTruthy();
      expect(slide.title.toLowerCase()).not.toBe(slide.kicker!.toLowerCase());
    }
  });
});

describe('the shared essay', () => {
  const { doc, deck } = planned(essays[0]!);
  const figures = measureDeck(deck, doc);

  it('makes at most 22 slides and shows at most half of the essay', () => {
    expect(figures.slides).toBeLessThanOrEqual(22);
    expect(figures.shownShare).toBeLessThanOrEqual(0.5);
  });

  it('keeps its headline figures with their qualifiers', () => {
    const text = outlineDeck(deck);
    expect(text).toContain('500%');
    expect(text).toMatch(/57%.*2030/u);
  });

  it('brings back every sentence on a slide with detail: full', () => {
    const full = planDeck(doc, { detail: 'full' });
    expect(full.slides.filter((s) => s.kind === 'content').length).toBeGreaterThan(deck.slides.filter((s) => s.kind === 'content').length);
  });
});

describe('the case in point a title\'s sentence names after "terutama" / "khususnya"', () => {
  it('keeps that word when the rest is a phrase, so the point does not read as a fragment', () => {
    const points = planned('tests/fixtures/essays/digitalisasi-umkm.md').deck.slides.flatMap((s) => (s.body?.layout === 'bullets' ? s.body.points.map((p) => p.text) : []));
    expect(points).toContain('Terutama dalam hal perluasan jangkauan pasar yang sebelumnya hanya terbatas');
    expect(points.some((text) => /^(?:Dalam hal|Pada pelaku)/u.test(text))).toBe(false);
  });
});

describe('a slide where no point fits the usual length', () => {
  it('states a whole clause of its best sentence, up to a point\'s hard limit, rather than a sentence cut mid-phrase', () => {
    const statements = (relative: string) => planned(relative).deck.slides.flatMap((s) => (s.body?.layout === 'statement' ? [s.body.text] : []));
    const english = statements('tests/fixtures/essays/urban-heat.md');
    expect(english).toContain('The UHI is one of the clearest examples of how human activity changes local climate');
    expect(english.some((text) => /\b(?:how human|of natural|that absorb)$/u.test(text))).toBe(false);
    const indonesian = statements('tests/fixtures/essays/digitalisasi-umkm.md');
    expect(indonesian.some((text) => /menetapkan target agar \*\*30 juta\*\* UMKM/u.test(text))).toBe(true);
  });
});

describe('author blocks in a summary deck', () => {
  const { deck } = planned('tests/fixtures/essays/english.md');

  it("puts a list that follows a paragraph on that paragraph's slide, items as written", () => {
    // Three items the slide is about: numbered cards.
    const slide = deck.slides.find((s) => s.body?.layout === 'steps' && s.body.items.some((p) => p.text === 'Distance from suppliers'));
    expect(slide?.title).toMatch(/^Islands are far from markets/);
    expect(slide?.notes.join(' ')).toContain('• Small grids that must stay stable');
  });

  it('titles a picture by its caption, with the section above', () => {
    const image = deck.slides.find((s) => s.body?.layout === 'image');
    expect(image).toMatchObject({ title: 'Solar share by island, 2012–2020', kicker: 'What works' });
  });
});
