import { describe, expect, it } from 'vitest';
import { budgetFor, slideSizeFor } from '../src/layout.js';
import { fitLongWords, shortenLongWords } from '../src/long-words.js';
import type { Slide, SlideBody } from '../src/model.js';
import { columnWordLimits } from '../src/wide-table.js';
import { renderInline } from '../src/render.js';

const word = 'Supercalifragilistic'.repeat(250);
const url = `https://example.org/${'a'.repeat(4980)}`;
const budget = budgetFor(slideSizeFor('16:9'));
const slide = (body: SlideBody, notes: string[] = []): Slide => ({ kind: 'content', id: 'x', title: 'X', body, notes, section: 0 });

describe('shortenLongWords', () => {
  it('leaves text with no long word as it is', () => {
    const text = 'Islands import **fuel** at [high cost](https://example.org/a-report-with-a-long-but-normal-name) (Smith, 2019).';
    expect(shortenLongWords(text, 40)).toBe(text);
  });

  it('cuts a long word to the given length with an ellipsis', () => {
    expect(shortenLongWords(`A very long word: ${word} ends here.`, 20)).toBe(`A very long word: ${word.slice(0, 19)}… ends here.`);
  });

  it('keeps a long bare address a working link to the whole address, showing its start', () => {
    const shown = shortenLongWords(`Read (${url}). Then stop.`, 30);
    expect(shown).toBe(`Read ([${url.slice(0, 29)}…](<${url}>)). Then stop.`);
    const html = renderInline(shown);
    expect(html).toContain(`<a href="${url}">${url.slice(0, 29)}…</a>`);
    expect(shortenLongWords(`www.${'b'.repeat(100)}.org`, 30)).toMatch(/^\[www\.b+…\]\(<http:\/\/www\.b+\.org>\)$/);
    expect(shortenLongWords(`<${url}>`, 30)).toBe(`[${url.slice(0, 29)}…](<${url}>)`);
  });

  it('does not touch a Markdown link whose text is short, however long its address', () => {
    expect(shortenLongWords(`See [the report](${url}).`, 30)).toBe(`See [the report](${url}).`);
  });

  it('escapes what it shows, so a cut word with Markdown characters stays literal', () => {
    expect(shortenLongWords('a|b~'.repeat(20), 10)).toBe('a\\|b\\~a\\|b\\~a…');
    expect(renderInline(shortenLongWords('a|b~'.repeat(20), 10))).toBe('a|b~a|b~a…');
  });
});

describe('fitLongWords', () => {
  it('shortens a long word in a point and gives the whole item in the notes', () => {
    const [fitted] = fitLongWords([slide({ layout: 'bullets', points: [{ text: `An item: ${word}` }, { text: 'Short.' }] })], budget);
    expect(fitted!.body).toEqual({ layout: 'bullets', points: [{ text: `An item: ${word.slice(0, (budget.charsPerLine - 3) * 2 - 1)}…` }, { text: 'Short.' }] });
    expect(fitted!.notes).toEqual([`An item: ${word}`]);
  });

  it('does not repeat what the notes already say in full', () => {
    const sentence = `A paragraph with a link ${url} in it.`;
    const [fitted] = fitLongWords([slide({ layout: 'bullets', points: [{ text: sentence }] }, [`Before. ${sentence}`])], budget);
    expect(fitted!.notes).toEqual([`Before. ${sentence}`]);
  });

  it('shortens table cells to what their column leaves, quotes and references, and leaves other slides alone', () => {
    const table = slide({ layout: 'table', header: ['Term', 'Meaning'], align: [null, null], rows: [['Long', word]] });
    const quote = slide({ layout: 'quote', text: word }, [word]);
    const references = slide({ layout: 'references', entries: [`Someone (2021). ${word}`] });
    const plain = slide({ layout: 'bullets', points: [{ text: 'Nothing long.' }] });
    const [t, q, r, p] = fitLongWords([table, quote, references, plain], budget);
    const cell = (t!.body as { rows: string[][] }).rows[0]![1]!;
    expect([...cell].length).toBe(columnWordLimits({ header: ['Term', 'Meaning'], rows: [['Long', word]] }, budget)[1]);
    expect(t!.notes).toEqual([word]);
    expect((q!.body as { text: string }).text.length).toBeLessThan(200);
    expect(q!.notes).toEqual([word]);
    expect(r!.notes).toEqual([`Someone (2021). ${word}`]);
    expect(p).toBe(plain);
  });
});
