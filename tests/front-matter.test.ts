import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/errors.js';
import { splitFrontMatter, validateMeta } from '../src/front-matter.js';
import { thrown } from './helpers/thrown.js';

function meta(source: string) {
  const diagnostics: Diagnostic[] = [];
  const fm = splitFrontMatter(source, 'essay.md');
  return { meta: validateMeta(fm, 'essay.md', diagnostics), diagnostics, fm };
}

describe('front matter', () => {
  it('reads the title, authors, language and keeps a date as written', () => {
    const { meta: m } = meta('---\ntitle: Judul\nauthor: [A, B]\ndate: 2024-05-01\nlang: id\n---\nTeks.\n');
    expect(m).toMatchObject({ title: 'Judul', author: ['A', 'B'], date: '2024-05-01', lang: 'id' });
  });

  it('tells the body where it starts, for line numbers', () => {
    const { fm } = meta('---\ntitle: T\nlang: en\n---\n\nBody\n');
    expect(fm.bodyLine).toBe(5);
    expect(fm.body).toBe('\nBody\n');
  });

  it('warns about an unknown key and names its line', () => {
    const { diagnostics } = meta('---\ntitle: T\ncolour: red\n---\nText.\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: 'essay.md', line: 3 });
    expect(diagnostics[0]!.message).toContain('unknown front matter key "colour"');
  });

  it('rejects invalid YAML with the line of the problem', () => {
    expect(() => meta('---\ntitle: T\nauthor: [unclosed\n---\nText.\n')).toThrowError(/invalid front matter YAML/);
    const error = thrown(() => meta('---\ntitle: T\nauthor: A\n bad: indent\n---\n'));
    expect(error).toMatchObject({ file: 'essay.md' });
    expect((error as { line: number }).line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a value of the wrong kind, naming the key and its line', () => {
    expect(() => meta('---\ntitle: T\nhandout: 5\n---\n')).toThrowError(/front matter "handout"/);
    expect(String(thrown(() => meta('---\ntitle: T\nlang: [id]\n---\n')))).toMatch(/^essay\.md:3: front matter "lang"/);
  });

  it('fails clearly on front matter that never closes', () => {
    expect(() => splitFrontMatter('---\ntitle: T\n\nText', 'essay.md')).toThrowError(/never ends/);
  });

  it('treats a file without front matter as all body', () => {
    const fm = splitFrontMatter('# Title\n\nText.', 'essay.md');
    expect(fm.data).toEqual({});
    expect(fm.bodyLine).toBe(1);
  });
});
