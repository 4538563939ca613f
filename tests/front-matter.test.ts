import { describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';
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

  it('reads a number or a YAML date where text is meant, as the author wrote it', () => {
    const { meta: m } = meta('---\ntitle: 1984\nsubtitle: 2.10\ndate: 2026\nauthor: [Orwell, 1903]\nkeywords: [1984, dystopia]\n---\nText.\n');
    expect(m).toMatchObject({ title: '1984', subtitle: '2.10', date: '2026', author: ['Orwell', '1903'], keywords: ['1984', 'dystopia'] });
    expect(meta('---\ntitle: T\ndate: !!timestamp 2026-05-12\n---\n').meta.date).toBe('2026-05-12');
    expect(meta('---\ntitle: T\nduration: 1.5\n---\n').meta.duration).toBe(1.5);
  });

  it('says what it found when a value is of the wrong kind', () => {
    const message = (yaml: string) => String(thrown(() => meta(`---\n${yaml}\n---\nText.\n`)));
    expect(message('title: [a, b]')).toBe('essay.md:2: front matter "title": expected text, found a list');
    expect(message('title: T\ndate: {day: 12}')).toBe('essay.md:3: front matter "date": expected text, found a mapping');
    expect(message('title: T\ndate:')).toBe('essay.md:3: front matter "date": expected text, found nothing');
    expect(message('title: T\nauthor: true')).toBe('essay.md:3: front matter "author": expected a name, a list of names, or "name:" and "nim:", found true');
    expect(message('title: T\nauthor: [A, [B]]')).toBe('essay.md:3: front matter "author" (item 2): expected a name, or "name:" and "nim:", found a list');
    expect(message('title: T\nauthor: {name: A, nim: [1]}')).toBe('essay.md:3: front matter "author": "nim" must be a student number such as "2201234", found a list');
    expect(message('title: T\nkeywords: [a, [b]]')).toBe('essay.md:3: front matter "keywords" (item 2): expected text, found a list');
    expect(message('title: T\nduration: soon')).toBe('essay.md:3: front matter "duration": expected a number, found "soon"');
    expect(message('title: T\naspect: 16:10')).toBe('essay.md:3: front matter "aspect": must be one of "16:9", "4:3", found "16:10"');
    expect(message('title: T\nhandout: 5')).toBe('essay.md:3: front matter "handout": must be one of 1, 2, 3, 4, 6, 9, found 5');
  });

  it('names the languages it accepts when lang is not a language tag', () => {
    expect(String(thrown(() => meta('---\ntitle: T\nlang: 42\n---\nText.\n')))).toBe(
      'essay.md:3: front matter "lang": "42" is not a language tag: use "id" (Indonesian) or "en" (English); other tags such as "en-GB" get English labels',
    );
  });

  it('shows a date written as YYYY-MM-DD in the language of the essay, and any other date as written', () => {
    const titleSlide = (frontMatter: string) => {
      const { html } = compileEssay(`---\ntitle: T\n${frontMatter}\n---\n\nSome text.\n`, { file: 'essay.md' });
      return html.slice(html.indexOf('slide-title'), html.indexOf('</section>'));
    };
    expect(titleSlide('lang: id\ndate: 2026-05-12')).toContain('12 Mei 2026');
    expect(titleSlide('lang: en\ndate: 2026-05-12')).toContain('12 May 2026');
    expect(titleSlide('lang: en\ndate: 2026-02-30')).toContain('2026-02-30');
    expect(titleSlide('lang: id\ndate: Semester Genap 2026')).toContain('Semester Genap 2026');
  });
});
