/**
 * Code: highlighted at build time in the theme's colours, split at line
 * boundaries with the numbering going on, `{2,4-5}` marking lines; never
 * summarised; never run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';
import { parseCodeInfo } from '../src/highlight.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join('tests/fixtures/rich', name);
const compileFixture = (name: string) => compileEssay(readFileSync(path.join(root, fixture(name)), 'utf8'), { file: fixture(name), projectDir: root });
const codeSlides = (deck: ReturnType<typeof compileFixture>['deck']) => deck.slides.flatMap((s) => (s.body?.layout === 'code' ? [s.body] : []));

describe('code in an Indonesian essay', () => {
  const { html, deck, diagnostics } = compileFixture('kode.md');
  const source = readFileSync(path.join(root, fixture('kode.md')), 'utf8');
  const code = /```python \{2,4-5\}\n([\s\S]*?)\n```/.exec(source)![1]!;

  it('highlights Python at build time, with no script', () => {
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-comment"># langkah ke-1: kalikan lalu tambahkan</span>');
    expect(html).not.toMatch(/<script[^>]*highlight/);
  });

  it('splits long code at line boundaries, every line kept word for word, the numbering going on', () => {
    const parts = codeSlides(deck).filter((b) => b.lang === 'python');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.text).join('\n')).toBe(code);
    expect(parts[1]!.start).toBe(1 + parts[0]!.text.split('\n').length);
    // Every slide's numbers are shown, from where the last one stopped.
    const numbers = [...html.matchAll(/<span class="ln" aria-hidden="true">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers.slice(0, code.split('\n').length)).toEqual(code.split('\n').map((_, i) => i + 1));
  });

  it('marks the lines named after the language', () => {
    const marked = [...html.matchAll(/<span class="code-line is-marked"><span class="ln" aria-hidden="true">(\d+)/g)].map((m) => Number(m[1]));
    expect(marked).toEqual([2, 4, 5]);
  });

  it('warns about a language it does not know, with file:line, and shows the code plain', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toContainEqual(
      'tests/fixtures/rich/kode.md:42: code language "bahasa-rahasia" is not known: the code is shown without colours; use a highlight.js name such as python, javascript, r, sql or text',
    );
    expect(html).toContain('cetak &quot;halo&quot;');
  });
});

describe('code in an English essay', () => {
  const { html, deck } = compileFixture('code.md');

  it('highlights SQL and JavaScript, and keeps code out of the summary', () => {
    expect(html).toContain('<span class="hljs-keyword">SELECT</span>');
    expect(html).toContain('<span class="code-line is-marked"><span class="ln" aria-hidden="true">3</span>');
    const bodies = codeSlides(deck);
    expect(bodies.map((b) => b.lang)).toEqual(['sql', 'js']);
    expect(bodies[0]!.text).toContain("WHERE year = 2025 -- only this year's intake");
  });

  it('shows code as text: a script in a string never runs', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the fence info string', () => {
  it('reads the language and the marked lines in either spelling', () => {
    expect(parseCodeInfo('python {2,4-5}')).toEqual({ lang: 'python', marked: [2, 4, 5] });
    expect(parseCodeInfo('js{3}')).toEqual({ lang: 'js', marked: [3] });
    expect(parseCodeInfo(undefined)).toEqual({ lang: undefined, marked: [] });
  });
});
