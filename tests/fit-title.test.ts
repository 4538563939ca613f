import { describe, expect, it } from 'vitest';
import { fitTitle, maxTitleLines, titleCharsPerLine } from '../src/fit-title.js';
import { budgetFor, estimateLines, slideSizeFor } from '../src/layout.js';

const fifty = Array.from({ length: 50 }, (_, i) => ['Kerja', 'sama', 'Selatan-Selatan', 'diplomasi', 'ekonomi'][i % 5]).join(' ');

describe('fitTitle', () => {
  it('keeps a title that fits as it is, without notes', () => {
    expect(fitTitle('Kerja Sama Selatan-Selatan', 50)).toEqual({ shown: 'Kerja Sama Selatan-Selatan' });
    expect(fitTitle('  Two   spaces\nand a line  ', 50)).toEqual({ shown: 'Two spaces and a line' });
  });

  it('shortens a 50-word title to three lines at a word boundary, and returns the rest', () => {
    const { shown, rest } = fitTitle(fifty, 50);
    expect(estimateLines(shown, 50)).toBeLessThanOrEqual(maxTitleLines);
    expect(shown.endsWith('…')).toBe(true);
    // Whole words only: what is shown and what is left make the title again.
    expect(`${shown.slice(0, -1)} ${rest}`).toBe(fifty);
    // And as much as fits: one more word would not.
    const next = `${shown.slice(0, -1)} ${rest!.split(' ')[0]}…`;
    expect(estimateLines(next, 50)).toBeGreaterThan(maxTitleLines);
  });

  it('drops a dangling comma or dash before the ellipsis', () => {
    expect(fitTitle('Alpha beta, gamma delta epsilon', 12, 1).shown).toBe('Alpha beta…');
    expect(fitTitle('Alpha beta — gamma delta epsilon', 12, 1).shown).toBe('Alpha beta…');
  });

  it('leaves room for a suffix such as "(continued)"', () => {
    const title = 'Mengapa pulau kecil berbeda';
    expect(fitTitle(title, 30, 1).shown).toBe(title);
    expect(fitTitle(title, 30, 1, ' (lanjutan)').shown).toBe('Mengapa pulau…');
  });

  it('cuts inside a word only when its first word alone is longer than the lines', () => {
    const word = 'a'.repeat(5000);
    const { shown, rest } = fitTitle(`${word} after`, 50);
    expect(shown).toBe(`${'a'.repeat(149)}…`);
    expect(rest).toBe(`${'a'.repeat(4851)} after`);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(fitTitle('😀'.repeat(10), 10, 1)).toEqual({ shown: '😀'.repeat(10) });
  });
});

describe('titleCharsPerLine', () => {
  it('takes the content heading from the budget, and fewer for the larger section and deck titles', () => {
    const budget = budgetFor(slideSizeFor('16:9'));
    expect(titleCharsPerLine('content', budget)).toBe(budget.titleCharsPerLine);
    expect(titleCharsPerLine('section', budget)).toBeLessThan(budget.titleCharsPerLine);
    expect(titleCharsPerLine('title', budget)).toBeLessThan(titleCharsPerLine('section', budget));
  });
});
