/** Quotes in quotes and lists in lists: at most three levels reach a slide, with a warning past that. */
import { describe, expect, it } from 'vitest';
import { ContentError } from '../src/errors.js';
import { parseEssay } from '../src/parse.js';
import { thrown } from './helpers/thrown.js';

const parse = (body: string) => parseEssay({ source: `---\ntitle: Nesting\nlang: en\n---\n\n## Part\n\n${body}\n`, file: 'content/nesting.md', baseDir: '.', slug: 'nesting' });
const blocksOf = (body: string) => parse(body).sections[0]!.blocks;

describe('nested quotes', () => {
  it('sets a quote inside a quote in quotation marks, and warns of nothing at three levels', () => {
    const doc = parse('> She said:\n>\n> > He wrote:\n> >\n> > > Enough.');
    expect(doc.sections[0]!.blocks).toMatchObject([{ kind: 'quote', text: 'She said: “He wrote: ‘Enough.’”' }]);
    expect(doc.diagnostics).toEqual([]);
  });

  it('flattens 500 levels of quotes into the third, keeps every word, and warns with the line', () => {
    const levels = [1, 2, 3, 4, 5].map((depth) => `${'> '.repeat(depth)}Level ${depth}.\n${'>'.repeat(depth)}`).join('\n');
    const doc = parse(`Before.\n\n${levels}\n${'> '.repeat(500)}The innermost.`);
    const quote = doc.sections[0]!.blocks[1]!;
    expect(quote).toMatchObject({ kind: 'quote', line: 10, text: 'Level 1. “Level 2. ‘Level 3. Level 4. Level 5. The innermost.’”' });
    expect(doc.diagnostics).toEqual([
      { severity: 'warning', file: 'content/nesting.md', line: 10, message: 'quotes nested 500 levels deep: a slide shows 3, the deeper ones run on in the third; nest quotes at most 3 levels' },
    ]);
  });

  it('shows a quote that holds only another quote as that quote, without quotation marks', () => {
    const doc = parse(`${'> '.repeat(500)}The innermost.`);
    expect(doc.sections[0]!.blocks).toMatchObject([{ kind: 'quote', text: 'The innermost.' }]);
    expect(doc.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^quotes nested 500 levels deep/)]);
  });

  it('stops with a clear message, not a stack overflow, when quotes nest too deep to read', () => {
    const error = thrown(() => parse(`${'> '.repeat(5000)}Deep.`));
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toBe('content/nesting.md: Markdown nested too deep to read (quotes or lists thousands of levels inside each other): nest them at most 3 levels');
  });
});

describe('nested lists', () => {
  it('shows three levels with dashes and runs deeper levels on at the third, with a warning', () => {
    const list = Array.from({ length: 8 }, (_, depth) => `${'  '.repeat(depth)}- Level ${depth + 1}`).join('\n');
    const doc = parse(list);
    expect(doc.sections[0]!.blocks).toMatchObject([
      { kind: 'list', line: 8, items: ['Level 1', '– Level 2', '– – Level 3', '– – Level 4', '– – Level 5', '– – Level 6', '– – Level 7', '– – Level 8'] },
    ]);
    expect(doc.diagnostics).toEqual([
      { severity: 'warning', file: 'content/nesting.md', line: 8, message: 'list nested 8 levels deep: a slide shows 3, the deeper ones run on in the third; nest lists at most 3 levels' },
    ]);
  });

  it('keeps a two-level list as it was, without a warning', () => {
    expect(blocksOf('- One\n  - One a\n- Two')).toMatchObject([{ kind: 'list', items: ['One', '– One a', 'Two'] }]);
    expect(parse('- One\n  - One a\n- Two').diagnostics).toEqual([]);
  });
});
